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
import org.partnershipexplorer.deadline.Deadline;
import org.partnershipexplorer.graphql.Arguments.YearRange;
import org.partnershipexplorer.neo4j.Cypher;
import org.partnershipexplorer.neo4j.Rows;
import org.partnershipexplorer.partnership.Partnership;
import org.partnershipexplorer.provenance.Confidence;

/**
 * Reads what each computation needs in ONE statement: the partnership graph (parallel relationships already counted
 * per provider and recipient by Neo4j), plus that computation's facts.
 */
@Singleton
public class AnalyticsRepository {

    /**
     * The partnership graph of docs/api.md: relationships of the chosen types and confidences that overlap the years
     * (year..coalesce(endYear, year)), counted per provider and recipient. Counting per pair of nodes before reading
     * their ids reads two properties per pair, not per relationship; TRAINS and DONATES_TO only ever join actors
     * (docs/graph-model.md), so the ends need no label check. This form reads every relationship of the types: right
     * when the range is open at its start (all years), where most relationships match anyway.
     */
    private static final String LINKS_SCAN = """
            CALL {
              MATCH (a)-[r:TRAINS|DONATES_TO]->(b)
              WHERE type(r) IN $types AND r.confidence IN $confidence
                AND ($to IS NULL OR r.year <= $to)
                AND ($from IS NULL OR coalesce(r.endYear, r.year) >= $from)
              WITH a, b, count(r) AS n
              RETURN collect([a.id, b.id, n]) AS links
            }
            """;

    /**
     * The relationships of a range that has a start: those that begin in the range, found by the year indexes, plus
     * those that began before it and run into it, found by the endYear indexes (only relationships with an end year
     * are in them). A window of 3 years out of 30 then reads a tenth of the relationships.
     */
    private static final String IN_WINDOW = """
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
                WITH a, b, r WHERE r.confidence IN $confidence
            """;

    private static final String LINKS_WINDOW = "CALL {\n" + IN_WINDOW + """
              WITH a, b, count(r) AS n
              RETURN collect([a.id, b.id, n]) AS links
            }
            """;

    /** The window's relationships grouped by provider, recipient and span, for the support analyses' years. */
    private static final String SPANS = "CALL {\n" + IN_WINDOW + """
              WITH a.id AS provider, b.id AS recipient, r.year AS year, coalesce(r.endYear, r.year) AS end,
                   r.confidence IN ['verified', 'reported'] AS sourced, count(r) AS n
              RETURN collect([provider, recipient, year, end, sourced, n]) AS spans
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
    public PartnershipGraph graph(Deadline deadline, List<String> types, Set<Confidence> confidence,
            YearRange years) {
        return cypher.read(deadline, links(years) + "RETURN links", parameters(types, confidence, years),
                r -> links(r.get("links"))).get(0);
    }

    /** The graph, and which of {@code ids} name no actor at all (whatIf answers NOT_FOUND for those). */
    public record GraphAndMissing(PartnershipGraph graph, List<String> missing) {
    }

    public GraphAndMissing graphAndMissing(Deadline deadline, List<String> types, Set<Confidence> confidence,
            YearRange years, List<String> ids) {
        Map<String, Object> p = parameters(types, confidence, years);
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

    /**
     * What the support analyses of {@code years} need (see {@link SupportInputs}): the relationships from the window
     * before the first year (what was lost) to the last year, the Geo-PKO contributions of the years, every dated UN
     * total up to the end of the last year, and the missions that exist.
     */
    public SupportInputs supportInputs(Deadline deadline, List<String> types, Set<Confidence> confidence,
            List<Integer> years, int windowYears) {
        int first = years.stream().min(Integer::compare).orElseThrow();
        int last = years.stream().max(Integer::compare).orElseThrow();
        Map<String, Object> p = parameters(types, confidence, new YearRange(first - windowYears, last));
        p.put("years", years);
        p.put("endOfYear", LocalDate.of(last, 12, 31));
        return cypher.read(deadline, SPANS + """
                CALL {
                  MATCH (c:Country)-[k:CONTRIBUTES_TO]->(m:Mission)
                  WHERE k.year IN $years
                  WITH k.year AS year, c, m ORDER BY m.acronym
                  WITH year, c, collect(DISTINCT m.acronym) AS missions
                  RETURN collect({year: year, iso3: c.iso3, region: c.region, missions: missions}) AS served
                }
                CALL {
                  MATCH (c:Country)-[:REPORTED]->(d:Deployment)
                  WHERE d.asOf <= $endOfYear
                  RETURN collect({iso3: c.iso3, region: c.region, asOf: d.asOf, total: d.total, women: d.women})
                         AS totals
                }
                CALL {
                  MATCH (m:Mission)
                  RETURN collect(m.acronym) AS missions
                }
                RETURN spans, served, totals, missions
                """, p, r -> new SupportInputs(
                        r.get("spans").asList(v -> new SupportInputs.Span(v.get(0).asString(), v.get(1).asString(),
                                v.get(2).asInt(), v.get(3).asInt(), v.get(4).asBoolean(), v.get(5).asInt())),
                        r.get("served").asList(v -> new SupportInputs.Served(v.get("year").asInt(),
                                v.get("iso3").asString(), Rows.text(v, "region"),
                                v.get("missions").asList(Value::asString))),
                        r.get("totals").asList(v -> v).stream().filter(v -> Rows.integer(v, "total") != null)
                                .map(v -> new SupportInputs.Total(v.get("iso3").asString(), Rows.text(v, "region"),
                                        Rows.date(v, "asOf"), Rows.integer(v, "total"), Rows.integer(v, "women")))
                                .toList(),
                        new TreeSet<>(r.get("missions").asList(Value::asString)))).get(0);
    }

    /** What partner suggestions for one country need; empty when there is no such country. */
    public record SuggestionInputs(PartnershipGraph graph, Map<String, List<String>> sharedMissions,
            Map<String, String> regions) {
    }

    public Optional<SuggestionInputs> suggestionInputs(Deadline deadline, List<String> types,
            Set<Confidence> confidence, String iso3) {
        Map<String, Object> p = parameters(types, confidence, YearRange.ALL);
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
    public List<DuplicateSupport> duplicates(Deadline deadline, Set<Confidence> confidence, int year) {
        return cypher.read(deadline, """
                MATCH (p)-[r:TRAINS|DONATES_TO]->(x)
                WHERE p <> x AND r.year <= $year AND coalesce(r.endYear, r.year) >= $year
                  AND r.confidence IN $confidence
                WITH x, p, r, CASE type(r) WHEN 'TRAINS' THEN 'TRAINING' ELSE 'DONATION' END AS kind,
                     CASE type(r) WHEN 'TRAINS' THEN coalesce(r.program, r.topic) ELSE r.item END AS subject
                WHERE subject IS NOT NULL
                WITH x, p, r, kind, subject ORDER BY p.id, r.id
                WITH x.id AS recipient, kind, subject, collect(DISTINCT p.id) AS providers,
                     collect([r, p.id]) AS partnerships
                WHERE size(providers) >= 2
                RETURN recipient, kind, subject, providers, partnerships
                ORDER BY recipient, kind, subject
                """, Map.of("year", year, "confidence", stored(confidence)), r -> {
                    String recipient = r.get("recipient").asString();
                    return new DuplicateSupport(recipient, r.get("kind").asString(), r.get("subject").asString(), year,
                            r.get("providers").asList(Value::asString), r.get("partnerships").asList(
                                    v -> Partnership.of(v.get(0).asRelationship(), v.get(1).asString(), recipient)));
                });
    }

    private static Map<String, Object> parameters(List<String> types, Set<Confidence> confidence, YearRange years) {
        Map<String, Object> p = new HashMap<>();
        p.put("types", types);
        p.put("confidence", stored(confidence));
        p.put("from", years.from());
        p.put("to", years.to());
        return p;
    }

    private static List<String> stored(Set<Confidence> confidence) {
        return confidence.stream().map(Confidence::stored).toList();
    }

    private static PartnershipGraph links(Value links) {
        return PartnershipGraph.of(links.asList(v -> new Link(v.get(0).asString(), v.get(1).asString(),
                v.get(2).asInt())));
    }
}
