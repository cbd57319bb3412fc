package org.partnershipexplorer.analytics;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.neo4j.driver.Value;
import org.partnershipexplorer.analytics.PartnershipGraph.Link;
import org.partnershipexplorer.analytics.SupportScore.CountryFacts;
import org.partnershipexplorer.deadline.Deadline;
import org.partnershipexplorer.graphql.Arguments.YearRange;
import org.partnershipexplorer.neo4j.Cypher;
import org.partnershipexplorer.neo4j.Rows;
import org.partnershipexplorer.partnership.Partnership;

/**
 * Reads what each computation needs in ONE statement: the partnership graph (parallel relationships already counted
 * per provider and recipient by Neo4j), plus that computation's facts.
 */
@Singleton
public class AnalyticsRepository {

    /**
     * The partnership graph of docs/api.md: relationships of the chosen types that overlap the years
     * (year..coalesce(endYear, year)), counted per provider and recipient. Counting per pair of nodes before reading
     * their ids reads two properties per pair, not per relationship; TRAINS and DONATES_TO only ever join actors
     * (docs/graph-model.md), so the ends need no label check. This form reads every relationship of the types: right
     * when the range is open at its start (all years), where most relationships match anyway.
     */
    private static final String LINKS_SCAN = """
            CALL {
              MATCH (a)-[r:TRAINS|DONATES_TO]->(b)
              WHERE type(r) IN $types
                AND ($to IS NULL OR r.year <= $to)
                AND ($from IS NULL OR coalesce(r.endYear, r.year) >= $from)
              WITH a, b, count(r) AS n
              RETURN collect([a.id, b.id, n]) AS links
            }
            """;

    /**
     * The same graph when the range has a start: relationships that begin in the range, found by the year indexes,
     * plus those that began before it and run into it, found by the endYear indexes (only relationships with an end
     * year are in them). A window of 3 years out of 30 then reads a tenth of the relationships.
     */
    private static final String LINKS_WINDOW = """
            CALL {
              CALL {
                MATCH (a)-[r:TRAINS]->(b)
                WHERE 'TRAINS' IN $types AND r.year >= $from AND r.year <= coalesce($to, 9999)
                RETURN a, b, r
                UNION ALL
                MATCH (a)-[r:TRAINS]->(b)
                WHERE 'TRAINS' IN $types AND r.endYear >= $from AND r.year < $from
                RETURN a, b, r
                UNION ALL
                MATCH (a)-[r:DONATES_TO]->(b)
                WHERE 'DONATES_TO' IN $types AND r.year >= $from AND r.year <= coalesce($to, 9999)
                RETURN a, b, r
                UNION ALL
                MATCH (a)-[r:DONATES_TO]->(b)
                WHERE 'DONATES_TO' IN $types AND r.endYear >= $from AND r.year < $from
                RETURN a, b, r
              }
              WITH a, b, count(r) AS n
              RETURN collect([a.id, b.id, n]) AS links
            }
            """;

    private static String links(YearRange years) {
        return years.from() == null ? LINKS_SCAN : LINKS_WINDOW;
    }

    private final Cypher cypher;

    public AnalyticsRepository(Cypher cypher) {
        this.cypher = cypher;
    }

    /** The partnership graph of these relationship types over these years. */
    public PartnershipGraph graph(Deadline deadline, List<String> types, YearRange years) {
        return cypher.read(deadline, links(years) + "RETURN links", parameters(types, years),
                r -> links(r.get("links"))).get(0);
    }

    /** The graph, and which of {@code ids} name no actor at all (whatIf answers NOT_FOUND for those). */
    public record GraphAndMissing(PartnershipGraph graph, List<String> missing) {
    }

    public GraphAndMissing graphAndMissing(Deadline deadline, List<String> types, YearRange years, List<String> ids) {
        Map<String, Object> p = parameters(types, years);
        p.put("ids", ids);
        return cypher.read(deadline, links(years) + """
                CALL {
                  UNWIND $ids AS id
                  OPTIONAL MATCH (a:Actor {id: id})
                  WITH id, a WHERE a IS NULL
                  RETURN collect(id) AS missing
                }
                RETURN links, missing
                """, p, r -> new GraphAndMissing(links(r.get("links")), r.get("missing").asList(Value::asString)))
                .get(0);
    }

    /** What the support-need score of one year needs. */
    public record SupportInputs(PartnershipGraph graph, List<CountryFacts> facts, Set<String> missions) {
    }

    /**
     * The graph over the window, the year's contributors with their missions, every country's newest dated UN total
     * up to the end of the year, and the missions that exist (to tell an unknown mission filter from an empty one).
     */
    public SupportInputs supportInputs(Deadline deadline, List<String> types, int year, int windowFrom) {
        YearRange window = new YearRange(windowFrom, year);
        Map<String, Object> p = parameters(types, window);
        p.put("year", year);
        p.put("endOfYear", LocalDate.of(year, 12, 31));
        return cypher.read(deadline, links(window) + """
                CALL {
                  MATCH (c:Country)-[k:CONTRIBUTES_TO]->(m:Mission)
                  WHERE k.year = $year
                  WITH c, m ORDER BY m.acronym
                  WITH c, collect(DISTINCT m.acronym) AS missions
                  RETURN collect({iso3: c.iso3, region: c.region, missions: missions}) AS contributors
                }
                CALL {
                  MATCH (c:Country)-[:REPORTED]->(d:Deployment)
                  WHERE d.asOf <= $endOfYear
                  WITH c, d ORDER BY d.asOf DESC
                  WITH c, collect(d)[0] AS newest
                  RETURN collect({iso3: c.iso3, region: c.region, total: newest.total, asOf: newest.asOf}) AS totals
                }
                CALL {
                  MATCH (m:Mission)
                  RETURN collect(m.acronym) AS missions
                }
                RETURN links, contributors, totals, missions
                """, p, r -> {
                    Map<String, CountryFacts> facts = new HashMap<>();
                    r.get("totals").asList(v -> v).forEach(v -> facts.put(v.get("iso3").asString(),
                            new CountryFacts(v.get("iso3").asString(), Rows.text(v, "region"), List.of(),
                                    Rows.integer(v, "total"), Rows.date(v, "asOf"))));
                    r.get("contributors").asList(v -> v).forEach(v -> {
                        String iso3 = v.get("iso3").asString();
                        CountryFacts total = facts.get(iso3);
                        facts.put(iso3, new CountryFacts(iso3, Rows.text(v, "region"),
                                v.get("missions").asList(Value::asString),
                                total == null ? null : total.personnel(), total == null ? null : total.personnelAsOf()));
                    });
                    return new SupportInputs(links(r.get("links")), new ArrayList<>(facts.values()),
                            new TreeSet<>(r.get("missions").asList(Value::asString)));
                }).get(0);
    }

    /** What partner suggestions for one country need; empty when there is no such country. */
    public record SuggestionInputs(PartnershipGraph graph, Map<String, List<String>> sharedMissions,
            Map<String, String> regions) {
    }

    public Optional<SuggestionInputs> suggestionInputs(Deadline deadline, List<String> types, String iso3) {
        Map<String, Object> p = parameters(types, YearRange.ALL);
        p.put("iso3", iso3);
        return cypher.readOptional(deadline, """
                MATCH (target:Country {iso3: $iso3})
                """ + LINKS_SCAN + """
                CALL {
                  WITH target
                  MATCH (target)-[:CONTRIBUTES_TO]->(m:Mission)<-[:CONTRIBUTES_TO]-(other:Country)
                  WHERE other <> target
                  WITH DISTINCT other.iso3 AS iso3, m.acronym AS mission ORDER BY mission
                  WITH iso3, collect(mission) AS missions
                  RETURN collect([iso3, missions]) AS shared
                }
                CALL {
                  MATCH (c:Country)
                  RETURN collect([c.iso3, c.region]) AS regions
                }
                RETURN links, shared, regions
                """, p, r -> {
                    Map<String, List<String>> shared = new HashMap<>();
                    r.get("shared").asList(v -> v).forEach(v -> shared.put(v.get(0).asString(),
                            v.get(1).asList(Value::asString)));
                    Map<String, String> regions = new HashMap<>();
                    r.get("regions").asList(v -> v).forEach(v -> {
                        if (!v.get(1).isNull()) {
                            regions.put(v.get(0).asString(), v.get(1).asString());
                        }
                    });
                    return new SuggestionInputs(links(r.get("links")), shared, regions);
                });
    }

    /**
     * Recipients that receive the same kind of support on the same subject from several providers in {@code year}:
     * a donation's subject is its item, a training's its programme, else its topic.
     */
    public List<DuplicateSupport> duplicates(Deadline deadline, int year) {
        return cypher.read(deadline, """
                MATCH (p)-[r:TRAINS|DONATES_TO]->(x)
                WHERE p <> x AND r.year <= $year AND coalesce(r.endYear, r.year) >= $year
                WITH x, p, r, CASE type(r) WHEN 'TRAINS' THEN 'TRAINING' ELSE 'DONATION' END AS kind,
                     CASE type(r) WHEN 'TRAINS' THEN coalesce(r.program, r.topic) ELSE r.item END AS subject
                WHERE subject IS NOT NULL
                WITH x, p, r, kind, subject ORDER BY p.id, r.id
                WITH x.id AS recipient, kind, subject, collect(DISTINCT p.id) AS providers,
                     collect([r, p.id]) AS partnerships
                WHERE size(providers) >= 2
                RETURN recipient, kind, subject, providers, partnerships
                ORDER BY recipient, kind, subject
                """, Map.of("year", year), r -> {
                    String recipient = r.get("recipient").asString();
                    return new DuplicateSupport(recipient, r.get("kind").asString(), r.get("subject").asString(), year,
                            r.get("providers").asList(Value::asString), r.get("partnerships").asList(
                                    v -> Partnership.of(v.get(0).asRelationship(), v.get(1).asString(), recipient)));
                });
    }

    private static Map<String, Object> parameters(List<String> types, YearRange years) {
        Map<String, Object> p = new HashMap<>();
        p.put("types", types);
        p.put("from", years.from());
        p.put("to", years.to());
        return p;
    }

    private static PartnershipGraph links(Value links) {
        return PartnershipGraph.of(links.asList(v -> new Link(v.get(0).asString(), v.get(1).asString(),
                v.get(2).asInt())));
    }
}
