package org.partnershipexplorer.mission;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.partnershipexplorer.country.Country;
import org.partnershipexplorer.graphql.Arguments.YearRange;
import org.partnershipexplorer.graphql.Paging;
import org.partnershipexplorer.graphql.Prefetch;
import org.partnershipexplorer.neo4j.Rows;
import org.partnershipexplorer.neo4j.Cypher;

/** Missions, their hosts and their contributions. Every batch method answers many keys in one statement. */
@Singleton
public class MissionRepository {

    private final Cypher cypher;

    public MissionRepository(Cypher cypher) {
        this.cypher = cypher;
    }

    /**
     * One page in acronym order, each mission with the nested fields the request fetches ahead ({@link Prefetch}),
     * and (when asked for) the number of missions that match; {@code activeIn} keeps the missions that ran at some
     * point of that year.
     */
    public Paging.Connection<Mission> page(Integer activeIn, Paging.Request request, Prefetch.Plan plan) {
        String mission = plan.object("m");
        Map<String, Object> parameters = new HashMap<>(plan.parameters());
        parameters.put("year", activeIn);
        parameters.put("after", request.afterKey());
        parameters.put("limit", request.limit());
        parameters.put("withTotal", request.withTotal());
        return cypher.read("""
                MATCH (m:Mission)
                WHERE m.acronym > coalesce($after, '')
                  AND ($year IS NULL OR (m.startYear <= $year AND coalesce(m.endYear, 9999) >= $year))
                WITH m ORDER BY m.acronym LIMIT $limit
                WITH collect(%s) AS page
                RETURN page, CASE WHEN $withTotal THEN COUNT {
                  MATCH (m:Mission)
                  WHERE $year IS NULL OR (m.startYear <= $year AND coalesce(m.endYear, 9999) >= $year)
                } END AS total
                """.formatted(mission), parameters, r -> Paging.connection(request,
                        r.get("page").asList(v -> (Mission) plan.read(v)),
                        Rows.whole(r, "total"), Mission::acronym))
                .get(0);
    }

    /** One mission with the nested fields the request fetches ahead, or empty. */
    public Optional<Mission> one(String acronym, Prefetch.Plan plan) {
        String mission = plan.object("m");
        Map<String, Object> parameters = new HashMap<>(plan.parameters());
        parameters.put("acronym", acronym);
        return cypher.readOptional("""
                MATCH (m:Mission {acronym: $acronym})
                RETURN %s AS mission
                """.formatted(mission), parameters, r -> (Mission) plan.read(r.get("mission")));
    }

    public Map<String, Mission> byAcronym(List<String> acronyms) {
        Map<String, Mission> found = new HashMap<>();
        cypher.read("""
                UNWIND $keys AS key
                MATCH (m:Mission {acronym: key})
                RETURN m
                """, Map.of("keys", acronyms), r -> Mission.of(r.get("m").asNode()))
                .forEach(m -> found.put(m.acronym(), m));
        return found;
    }

    /** The countries each mission is located in. */
    public Map<String, List<Country>> hosts(List<String> acronyms) {
        Map<String, List<Country>> found = new HashMap<>();
        cypher.read("""
                UNWIND $keys AS key
                MATCH (m:Mission {acronym: key})-[:LOCATED_IN]->(c:Country)
                RETURN m.acronym AS acronym, c ORDER BY c.iso3
                """, Map.of("keys", acronyms), r -> Map.entry(r.get("acronym").asString(),
                        Country.of(r.get("c").asNode())))
                .forEach(e -> found.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return found;
    }

    /** The missions located in each country. */
    public Map<String, List<Mission>> hostedBy(List<String> iso3s) {
        Map<String, List<Mission>> found = new HashMap<>();
        cypher.read("""
                UNWIND $keys AS key
                MATCH (m:Mission)-[:LOCATED_IN]->(:Country {iso3: key})
                RETURN key, m ORDER BY m.acronym
                """, Map.of("keys", iso3s), r -> Map.entry(r.get("key").asString(), Mission.of(r.get("m").asNode())))
                .forEach(e -> found.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return found;
    }

    /** A country's contributions, optionally within years and one mission. */
    public record CountryContributions(String iso3, YearRange years, String mission) {
    }

    /** A mission's contributions, optionally within years. */
    public record MissionContributions(String acronym, YearRange years) {
    }

    /** The countries that served in a mission, in one year or (year null) in any. */
    public record Contributors(String acronym, Integer year) {
    }

    /** Contributions by their stable id ({@code CONTRIBUTION:KEN:UNMISS:2016}). */
    public Map<String, Contribution> contributionsByIds(List<String> ids) {
        Map<String, Contribution> found = new HashMap<>();
        cypher.read("""
                UNWIND $keys AS key
                MATCH (c:Country)-[r:CONTRIBUTES_TO {id: key}]->(m:Mission)
                RETURN c.iso3 AS iso3, m.acronym AS acronym, r
                """, Map.of("keys", ids), r -> Contribution.of(r.get("iso3").asString(), r.get("acronym").asString(),
                        r.get("r").asRelationship()))
                .forEach(c -> found.put(c.id(), c));
        return found;
    }

    public Map<CountryContributions, List<Contribution>> contributionsOfCountries(List<CountryContributions> keys) {
        List<Map<String, Object>> parameters = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            CountryContributions k = keys.get(i);
            Map<String, Object> p = new HashMap<>();
            p.put("index", i);
            p.put("iso3", k.iso3());
            p.put("from", k.years().from());
            p.put("to", k.years().to());
            p.put("mission", k.mission());
            parameters.add(p);
        }
        Map<CountryContributions, List<Contribution>> found = new HashMap<>();
        cypher.read("""
                UNWIND $keys AS key
                MATCH (c:Country {iso3: key.iso3})-[r:CONTRIBUTES_TO]->(m:Mission)
                WHERE (key.from IS NULL OR r.year >= key.from) AND (key.to IS NULL OR r.year <= key.to)
                  AND (key.mission IS NULL OR m.acronym = key.mission)
                RETURN key.index AS index, c.iso3 AS iso3, m.acronym AS acronym, r
                ORDER BY r.year, acronym
                """, Map.of("keys", parameters), r -> Map.entry(keys.get(r.get("index").asInt()),
                        Contribution.of(r.get("iso3").asString(), r.get("acronym").asString(),
                                r.get("r").asRelationship())))
                .forEach(e -> found.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return found;
    }

    public Map<MissionContributions, List<Contribution>> contributionsOfMissions(List<MissionContributions> keys) {
        List<Map<String, Object>> parameters = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            MissionContributions k = keys.get(i);
            Map<String, Object> p = new HashMap<>();
            p.put("index", i);
            p.put("acronym", k.acronym());
            p.put("from", k.years().from());
            p.put("to", k.years().to());
            parameters.add(p);
        }
        Map<MissionContributions, List<Contribution>> found = new HashMap<>();
        cypher.read("""
                UNWIND $keys AS key
                MATCH (c:Country)-[r:CONTRIBUTES_TO]->(m:Mission {acronym: key.acronym})
                WHERE (key.from IS NULL OR r.year >= key.from) AND (key.to IS NULL OR r.year <= key.to)
                RETURN key.index AS index, c.iso3 AS iso3, m.acronym AS acronym, r
                ORDER BY r.year, iso3
                """, Map.of("keys", parameters), r -> Map.entry(keys.get(r.get("index").asInt()),
                        Contribution.of(r.get("iso3").asString(), r.get("acronym").asString(),
                                r.get("r").asRelationship())))
                .forEach(e -> found.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return found;
    }

    public Map<Contributors, List<Country>> contributors(List<Contributors> keys) {
        List<Map<String, Object>> parameters = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            Map<String, Object> p = new HashMap<>();
            p.put("index", i);
            p.put("acronym", keys.get(i).acronym());
            p.put("year", keys.get(i).year());
            parameters.add(p);
        }
        Map<Contributors, List<Country>> found = new HashMap<>();
        cypher.read("""
                UNWIND $keys AS key
                MATCH (c:Country)-[r:CONTRIBUTES_TO]->(:Mission {acronym: key.acronym})
                WHERE key.year IS NULL OR r.year = key.year
                WITH DISTINCT key.index AS index, c
                RETURN index, c ORDER BY c.iso3
                """, Map.of("keys", parameters), r -> Map.entry(keys.get(r.get("index").asInt()),
                        Country.of(r.get("c").asNode())))
                .forEach(e -> found.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return found;
    }
}
