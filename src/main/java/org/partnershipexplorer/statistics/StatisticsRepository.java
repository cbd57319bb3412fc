package org.partnershipexplorer.statistics;

import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.partnershipexplorer.deadline.Deadline;
import org.partnershipexplorer.neo4j.Cypher;
import org.partnershipexplorer.neo4j.Rows;
import org.partnershipexplorer.partnership.PartnershipKind;
import org.partnershipexplorer.provenance.Confidence;
import org.partnershipexplorer.statistics.Statistics.Coverage;
import org.partnershipexplorer.statistics.Statistics.CoverageCount;
import org.partnershipexplorer.statistics.Statistics.DatePersonnel;
import org.partnershipexplorer.statistics.Statistics.MissionPersonnel;
import org.partnershipexplorer.statistics.Statistics.PledgeCount;
import org.partnershipexplorer.statistics.Statistics.RegionPersonnel;
import org.partnershipexplorer.statistics.Statistics.YearPartnerships;

/** One aggregate statement per chart; nothing is summed in Java that Neo4j can sum where the data is. */
@Singleton
public class StatisticsRepository {

    private final Cypher cypher;

    public StatisticsRepository(Cypher cypher) {
        this.cypher = cypher;
    }

    /**
     * What the loaded data covers, in one statement: the release start-up seeding recorded, and the sourced
     * trainings and donations by kind, provider and starting year, and the sources and their publishers.
     */
    public Coverage coverage(Deadline deadline) {
        return cypher.read(deadline, """
                OPTIONAL MATCH (state:SeedState {id: 'seed'})
                CALL { MATCH ()-[r:TRAINS|DONATES_TO]->() WHERE r.confidence IN $sourced
                  WITH CASE type(r) WHEN 'TRAINS' THEN 'TRAINING' ELSE 'DONATION' END AS key, count(*) AS count
                  ORDER BY key RETURN collect({key: key, count: count}) AS byKind }
                CALL { MATCH (p:Actor)-[r:TRAINS|DONATES_TO]->() WHERE r.confidence IN $sourced
                  WITH p.id AS key, count(*) AS count ORDER BY count DESC, key
                  RETURN collect({key: key, count: count}) AS byProvider }
                CALL { MATCH ()-[r:TRAINS|DONATES_TO]->() WHERE r.confidence IN $sourced
                  WITH r.year AS year, count(*) AS count ORDER BY year
                  RETURN collect({key: toString(year), count: count}) AS byYear }
                CALL { MATCH (s:Source) RETURN count(s) AS sources, count(DISTINCT s.publisher) AS publishers }
                RETURN state.release AS release, toString(state.loadedAt) AS loadedAt, byKind, byProvider, byYear,
                       sources, publishers
                """, Map.of("sourced", List.of("verified", "reported")), r -> {
            List<CoverageCount> byKind = counts(r.get("byKind"));
            return new Coverage(Rows.text(r, "release"), Rows.text(r, "loadedAt"),
                    byKind.stream().mapToInt(CoverageCount::count).sum(), byKind, counts(r.get("byProvider")),
                    counts(r.get("byYear")), r.get("sources").asInt(), r.get("publishers").asInt());
        }).get(0);
    }

    private static List<CoverageCount> counts(org.neo4j.driver.Value list) {
        return list.asList(v -> new CoverageCount(v.get("key").asString(), v.get("count").asInt()));
    }

    /** Per mission with contributors that year: how many, and the sum of the Geo-PKO troop estimates known. */
    public List<MissionPersonnel> personnelByMission(Deadline deadline, int year) {
        return cypher.read(deadline, """
                MATCH (c:Country)-[r:CONTRIBUTES_TO]->(m:Mission)
                WHERE r.year = $year
                WITH m, count(DISTINCT c) AS contributors, collect(r.troops) AS troops,
                     sum(CASE WHEN r.troops IS NULL THEN 1 ELSE 0 END) AS unknown,
                     collect(DISTINCT r.confidence) AS confidences
                RETURN m.acronym AS acronym, contributors, unknown, confidences,
                       CASE WHEN size(troops) = 0 THEN null ELSE reduce(s = 0, t IN troops | s + t) END AS troops
                ORDER BY acronym
                """, Map.of("year", year), r -> new MissionPersonnel(r.get("acronym").asString(), year,
                        r.get("contributors").asInt(), Rows.integer(r, "troops"), r.get("unknown").asInt(),
                        Statistics.weakest(r.get("confidences").asList(v -> v.asString()))));
    }

    /** Per region from the totals of one date; without a date, the newest date with the most countries. */
    public List<RegionPersonnel> personnelByRegion(Deadline deadline, String asOf) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("asOf", asOf);
        return cypher.read(deadline, """
                CALL {
                  // the newest full table: a date that lists at least half as many countries as the fullest one
                  // (a single country's figure of another day is not a table)
                  MATCH (d:Deployment)
                  WITH d.asOf AS asOf, count(*) AS countries
                  WITH collect({asOf: asOf, countries: countries}) AS dates, max(countries) AS most
                  UNWIND dates AS date
                  WITH date WHERE date.countries * 2 >= most
                  RETURN max(date.asOf) AS fullest
                }
                WITH CASE WHEN $asOf IS NULL THEN fullest ELSE date($asOf) END AS day
                MATCH (c:Country)-[:REPORTED]->(d:Deployment {asOf: day})
                WITH c.region AS region, day, sum(d.total) AS total, count(d) AS countries,
                     count(d.women) AS withWomen, sum(d.women) AS women
                RETURN region, toString(day) AS asOf, total, countries,
                       CASE WHEN withWomen = countries THEN women END AS women
                ORDER BY total DESC, region
                """, parameters, r -> {
                    Integer women = Rows.integer(r, "women");
                    int total = r.get("total").asInt();
                    return new RegionPersonnel(r.get("region").asString(), r.get("asOf").asString(), total, women,
                            Statistics.share(women, total), r.get("countries").asInt());
                });
    }

    /** Per date of a published total, all countries that published one that day. */
    public List<DatePersonnel> personnelByDate(Deadline deadline) {
        return cypher.read(deadline, """
                MATCH (d:Deployment)
                WITH d.asOf AS day, sum(d.total) AS total, count(d) AS countries, count(d.women) AS withWomen,
                     sum(d.women) AS women
                RETURN toString(day) AS asOf, total, countries, CASE WHEN withWomen = countries THEN women END AS women
                ORDER BY asOf
                """, Map.of(), r -> {
                    Integer women = Rows.integer(r, "women");
                    int total = r.get("total").asInt();
                    return new DatePersonnel(r.get("asOf").asString(), total, women, Statistics.share(women, total),
                            r.get("countries").asInt());
                });
    }

    /** Partnerships active each year (year..endYear), by kind. */
    public List<YearPartnerships> partnershipsByYear(Deadline deadline, List<PartnershipKind> kinds,
            List<Confidence> confidence) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("types", PartnershipKind.relationshipTypes(kinds));
        parameters.put("confidence", confidence == null ? null : confidence.stream().map(Confidence::stored).toList());
        return cypher.read(deadline, """
                MATCH (:Actor)-[r:TRAINS|DONATES_TO]->(:Actor)
                WHERE type(r) IN $types AND ($confidence IS NULL OR r.confidence IN $confidence)
                UNWIND range(r.year, coalesce(r.endYear, r.year)) AS year
                WITH year, CASE type(r) WHEN 'TRAINS' THEN 'TRAINING' ELSE 'DONATION' END AS kind, count(*) AS count
                RETURN year, kind, count
                ORDER BY year, kind
                """, parameters, r -> new YearPartnerships(r.get("year").asInt(), r.get("kind").asString(),
                        r.get("count").asInt()));
    }

    /** Pledges per category, optionally at one ministerial, with how many were delivered. */
    public List<PledgeCount> pledgesByCategory(Deadline deadline, String ministerial) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("ministerial", ministerial);
        return cypher.read(deadline, """
                MATCH (p:Pledge)-[:MADE_AT]->(m:Ministerial)
                WHERE $ministerial IS NULL OR m.id = $ministerial
                RETURN p.category AS key, count(p) AS count,
                       sum(CASE WHEN p.status = 'delivered' THEN 1 ELSE 0 END) AS delivered
                ORDER BY count DESC, key
                """, parameters, StatisticsRepository::pledgeCount);
    }

    /** Pledges per status (a pledge without one is UNKNOWN), optionally at one ministerial. */
    public List<PledgeCount> pledgesByStatus(Deadline deadline, String ministerial) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("ministerial", ministerial);
        return cypher.read(deadline, """
                MATCH (p:Pledge)-[:MADE_AT]->(m:Ministerial)
                WHERE $ministerial IS NULL OR m.id = $ministerial
                WITH toUpper(coalesce(p.status, 'unknown')) AS key, count(p) AS count
                RETURN key, count, CASE WHEN key = 'DELIVERED' THEN count ELSE 0 END AS delivered
                ORDER BY count DESC, key
                """, parameters, StatisticsRepository::pledgeCount);
    }

    private static PledgeCount pledgeCount(org.neo4j.driver.Record r) {
        return new PledgeCount(r.get("key").asString(), r.get("count").asInt(), r.get("delivered").asInt());
    }
}
