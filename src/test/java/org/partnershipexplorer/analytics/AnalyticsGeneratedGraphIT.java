package org.partnershipexplorer.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.partnershipexplorer.deadline.Deadline;
import org.partnershipexplorer.graphql.Arguments.YearRange;
import org.partnershipexplorer.neo4j.Cypher;
import org.partnershipexplorer.neo4j.GraphSchema;
import org.partnershipexplorer.neo4j.Neo4jSettings;
import org.partnershipexplorer.neo4j.StatementCounter;
import org.partnershipexplorer.support.TestNeo4j;

/**
 * A generated world of 80 countries, 4 organisations and 400 partnerships over 2000-2014 in a Neo4j of its own. What
 * the service computes with JGraphT from its one-statement read is checked against independent computations: degrees
 * and sole providers counted by Cypher over the raw relationships, and Brandes betweenness, power-iteration PageRank,
 * union-find components and brute-force cut points written here over an adjacency read by a different query.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("analytics on a generated graph, cross-checked against independent computations")
class AnalyticsGeneratedGraphIT {

    static final List<String> BOTH = List.of("DONATES_TO", "TRAINS");

    /** The generated rows are all illustrative: every confidence counts here. */
    static final Set<org.partnershipexplorer.provenance.Confidence> ALL =
            java.util.EnumSet.allOf(org.partnershipexplorer.provenance.Confidence.class);
    static final YearRange YEARS = new YearRange(2005, 2010);

    TestNeo4j.Instance neo4j;
    Cypher cypher;
    AnalyticsRepository repository;

    @BeforeAll
    void load() {
        neo4j = TestNeo4j.cleared();
        cypher = new Cypher(neo4j.driver(), new Neo4jSettings(neo4j.boltUri().toString(), "neo4j", "", "neo4j",
                Path.of("unused"), 0, Duration.ofSeconds(5), Duration.ofSeconds(30)));
        new GraphSchema(cypher).ensure();
        GeneratedGraph.load(neo4j.driver(), new GeneratedGraph.Spec(80, 4, 400, 2000, 2014, 6, 42));
        repository = new AnalyticsRepository(cypher);
    }

    @AfterAll
    void close() {
        neo4j.close();
    }

    /** Distinct provider-to-recipient pairs with their counts, self-links aside, read without the service's query. */
    Map<String, Map<String, Integer>> adjacency(YearRange years) {
        Map<String, Map<String, Integer>> out = new TreeMap<>();
        cypher.read(Deadline.NONE, """
                MATCH (a)-[r]->(b)
                WHERE (r:TRAINS OR r:DONATES_TO) AND a <> b
                  AND r.year <= $to AND coalesce(r.endYear, r.year) >= $from
                RETURN a.id AS a, b.id AS b
                """, Map.of("from", years.from(), "to", years.to()), rec -> List.of(rec.get("a").asString(),
                        rec.get("b").asString()))
                .forEach(p -> {
                    out.computeIfAbsent(p.get(0), k -> new TreeMap<>()).merge(p.get(1), 1, Integer::sum);
                    out.computeIfAbsent(p.get(1), k -> new TreeMap<>());
                });
        return out;
    }

    Map<String, ActorCentrality> centrality() {
        Map<String, ActorCentrality> byActor = new HashMap<>();
        GraphMeasures.centrality(repository.graph(Deadline.NONE, BOTH, ALL, YEARS), Deadline.NONE)
                .forEach(c -> byActor.put(c.actorId(), c));
        return byActor;
    }

    @Test
    @DisplayName("each computation reads the graph in one statement")
    void oneStatement() {
        try (StatementCounter.Scope scope = StatementCounter.open()) {
            repository.graph(Deadline.NONE, BOTH, ALL, YEARS);
            assertEquals(1, scope.count());
            repository.supportInputs(Deadline.NONE, BOTH, ALL, List.of(2010), 3);
            assertEquals(2, scope.count());
            repository.suggestionInputs(Deadline.NONE, BOTH, ALL, "C001");
            assertEquals(3, scope.count());
            repository.graphAndMissing(Deadline.NONE, BOTH, ALL, YEARS, List.of("C001", "NOPE"));
            assertEquals(4, scope.count());
        }
    }

    @Test
    @DisplayName("degrees and distinct partners equal Cypher's counts over the raw relationships")
    void degreesMatchCypher() {
        Map<String, ActorCentrality> c = centrality();
        List<List<Object>> counted = cypher.read(Deadline.NONE, """
                MATCH (a:Actor)
                OPTIONAL MATCH (a)-[o:TRAINS|DONATES_TO]->(x) WHERE x <> a
                  AND o.year <= $to AND coalesce(o.endYear, o.year) >= $from
                WITH a, count(o) AS out, count(DISTINCT x) AS outPartners
                OPTIONAL MATCH (a)<-[i:TRAINS|DONATES_TO]-(y) WHERE y <> a
                  AND i.year <= $to AND coalesce(i.endYear, i.year) >= $from
                WITH a, out, outPartners, count(i) AS in, count(DISTINCT y) AS inPartners
                WHERE out + in > 0
                RETURN a.id AS id, out, outPartners, in, inPartners
                """, Map.of("from", YEARS.from(), "to", YEARS.to()), r -> List.<Object>of(r.get("id").asString(),
                        r.get("out").asInt(), r.get("outPartners").asInt(), r.get("in").asInt(),
                        r.get("inPartners").asInt()));
        assertEquals(counted.size(), c.size());
        assertTrue(counted.size() > 50, "the generated graph is not trivial");
        for (List<Object> row : counted) {
            ActorCentrality a = c.get((String) row.get(0));
            assertEquals(row.subList(1, 5), List.of(a.outDegree(), a.outPartners(), a.inDegree(), a.inPartners()),
                    (String) row.get(0));
        }
    }

    @Test
    @DisplayName("betweenness equals a Brandes computation written here (unweighted, directed)")
    void betweennessMatchesBrandes() {
        Map<String, Double> expected = brandes(adjacency(YEARS));
        Map<String, ActorCentrality> c = centrality();
        assertEquals(expected.keySet(), c.keySet());
        assertTrue(expected.values().stream().anyMatch(v -> v > 0));
        expected.forEach((actor, b) -> assertEquals(b, c.get(actor).betweenness(), 1e-9, actor));
    }

    @Test
    @DisplayName("PageRank equals a weighted power iteration written here (damping 0.85, dangling rank spread evenly)")
    void pageRankMatchesPowerIteration() {
        Map<String, Double> expected = pageRank(adjacency(YEARS));
        Map<String, ActorCentrality> c = centrality();
        expected.forEach((actor, p) -> assertEquals(p, c.get(actor).pageRank(), 1e-7, actor));
    }

    @Test
    @DisplayName("components equal a union-find over the raw relationships")
    void componentsMatchUnionFind() {
        // a narrow window leaves a sparse graph with several components
        YearRange narrow = new YearRange(2003, 2003);
        List<Component> components = GraphMeasures.components(repository.graph(Deadline.NONE, BOTH, ALL, narrow),
                Deadline.NONE);
        Set<Set<String>> expected = unionFind(adjacency(narrow));
        assertTrue(expected.size() > 1, "the narrow window has several components");
        Set<Set<String>> actual = new HashSet<>();
        components.forEach(k -> actual.add(new TreeSet<>(k.memberIds())));
        assertEquals(expected, actual);
        for (int i = 1; i < components.size(); i++) {
            assertTrue(components.get(i - 1).size() >= components.get(i).size());
        }
    }

    @Test
    @DisplayName("cut points equal the actors whose removal splits their component, found by brute force")
    void cutPointsMatchBruteForce() {
        YearRange narrow = new YearRange(2003, 2004);
        Map<String, Map<String, Integer>> adjacency = adjacency(narrow);
        Set<String> expected = new TreeSet<>();
        int before = unionFind(adjacency).size();
        for (String v : adjacency.keySet()) {
            Map<String, Map<String, Integer>> without = new TreeMap<>();
            adjacency.forEach((a, out) -> {
                if (!a.equals(v)) {
                    Map<String, Integer> kept = new TreeMap<>(out);
                    kept.remove(v);
                    without.put(a, kept);
                }
            });
            // removing v takes away its own component of one at most; more components left means a split
            if (unionFind(without).size() > before) {
                expected.add(v);
            }
        }
        CriticalProviders critical = GraphMeasures.criticalProviders(repository.graph(Deadline.NONE, BOTH, ALL, narrow),
                Deadline.NONE);
        assertTrue(!expected.isEmpty());
        assertEquals(expected, new TreeSet<>(critical.cutPoints().stream().map(CutPoint::actorId).toList()));
        for (CutPoint cut : critical.cutPoints()) {
            assertTrue(cut.separates().size() >= 2, cut.actorId());
        }
    }

    @Test
    @DisplayName("critical providers are exactly the sole providers Cypher finds")
    void soleProvidersMatchCypher() {
        Map<String, List<String>> expected = new TreeMap<>();
        cypher.read(Deadline.NONE, """
                MATCH (p)-[r:TRAINS|DONATES_TO]->(x)
                WHERE p <> x AND r.year <= $to AND coalesce(r.endYear, r.year) >= $from
                WITH x, collect(DISTINCT p.id) AS providers
                WHERE size(providers) = 1
                RETURN providers[0] AS provider, x.id AS recipient ORDER BY recipient
                """, Map.of("from", YEARS.from(), "to", YEARS.to()), r -> List.of(r.get("provider").asString(),
                        r.get("recipient").asString()))
                .forEach(p -> expected.computeIfAbsent(p.get(0), k -> new ArrayList<>()).add(p.get(1)));
        Map<String, List<String>> actual = new TreeMap<>();
        GraphMeasures.criticalProviders(repository.graph(Deadline.NONE, BOTH, ALL, YEARS), Deadline.NONE).providers()
                .forEach(p -> actual.put(p.providerId(), p.soleRecipientIds()));
        assertEquals(expected, actual);
    }

    @Test
    @DisplayName("isolated contributors: every contributor of the year is ranked; NO_SUPPORT is exactly Cypher's unsupported ones")
    void supportNeedMatchesCypher() {
        int year = 2010;
        SupportSettings settings = SupportSettings.defaults();
        int from = SupportScore.window(year, settings)[0];
        var inputs = repository.supportInputs(Deadline.NONE, BOTH, ALL, List.of(year), settings.windowYears())
                .year(year, settings.windowYears());
        var analysis = SupportScore.analyse(year, Set.of("TRAINING", "DONATION"), inputs, settings, Deadline.NONE);
        // the contributors of a year are the countries with a UN total dated in it (the generated graph has them)
        List<String> contributors = cypher.read(Deadline.NONE, """
                MATCH (c:Country)-[:REPORTED]->(d:Deployment) WHERE d.asOf.year = $year AND d.total > 0
                RETURN DISTINCT c.iso3 AS iso3 ORDER BY iso3
                """, Map.of("year", year), r -> r.get("iso3").asString());
        List<String> unsupported = cypher.read(Deadline.NONE, """
                MATCH (c:Country)-[:REPORTED]->(d:Deployment) WHERE d.asOf.year = $year AND d.total > 0
                WITH DISTINCT c
                WHERE NOT EXISTS {
                  MATCH (c)<-[r:TRAINS|DONATES_TO]-(p) WHERE p <> c
                    AND r.year <= $year AND coalesce(r.endYear, r.year) >= $from
                }
                RETURN c.iso3 AS iso3 ORDER BY iso3
                """, Map.of("year", year, "from", from), r -> r.get("iso3").asString());
        assertEquals(contributors, new TreeSet<>(analysis.ranked().stream().map(SupportNeed::iso3).toList())
                .stream().toList());
        assertEquals(unsupported, analysis.ranked().stream()
                .filter(n -> n.reasons().stream().anyMatch(r -> r.code() == SupportReasonCode.NO_SUPPORT))
                .map(SupportNeed::iso3).sorted().toList());
        assertTrue(!unsupported.isEmpty() && unsupported.size() < contributors.size());
        for (SupportNeed n : analysis.ranked()) {
            assertEquals(n.score(), n.reasons().stream().mapToDouble(SupportReason::weight).sum(), 1e-12);
            assertTrue(n.score() >= 0 && n.score() <= 1, n.iso3());
        }
    }

    // ---- independent computations ----

    /** Brandes (2001) for unweighted directed graphs. */
    static Map<String, Double> brandes(Map<String, Map<String, Integer>> out) {
        Map<String, Double> cb = new HashMap<>();
        out.keySet().forEach(v -> cb.put(v, 0.0));
        for (String s : out.keySet()) {
            ArrayDeque<String> stack = new ArrayDeque<>();
            Map<String, List<String>> pred = new HashMap<>();
            Map<String, Double> sigma = new HashMap<>();
            Map<String, Integer> dist = new HashMap<>();
            out.keySet().forEach(v -> {
                pred.put(v, new ArrayList<>());
                sigma.put(v, 0.0);
                dist.put(v, -1);
            });
            sigma.put(s, 1.0);
            dist.put(s, 0);
            ArrayDeque<String> queue = new ArrayDeque<>(List.of(s));
            while (!queue.isEmpty()) {
                String v = queue.poll();
                stack.push(v);
                for (String w : out.get(v).keySet()) {
                    if (dist.get(w) < 0) {
                        queue.add(w);
                        dist.put(w, dist.get(v) + 1);
                    }
                    if (dist.get(w) == dist.get(v) + 1) {
                        sigma.put(w, sigma.get(w) + sigma.get(v));
                        pred.get(w).add(v);
                    }
                }
            }
            Map<String, Double> delta = new HashMap<>();
            out.keySet().forEach(v -> delta.put(v, 0.0));
            while (!stack.isEmpty()) {
                String w = stack.pop();
                for (String v : pred.get(w)) {
                    delta.put(v, delta.get(v) + sigma.get(v) / sigma.get(w) * (1 + delta.get(w)));
                }
                if (!w.equals(s)) {
                    cb.put(w, cb.get(w) + delta.get(w));
                }
            }
        }
        return cb;
    }

    /** Weighted PageRank by power iteration until the ranks stop moving. */
    static Map<String, Double> pageRank(Map<String, Map<String, Integer>> out) {
        List<String> nodes = new ArrayList<>(out.keySet());
        int n = nodes.size();
        Map<String, Double> rank = new HashMap<>();
        nodes.forEach(v -> rank.put(v, 1.0 / n));
        for (int iteration = 0; iteration < 10_000; iteration++) {
            double dangling = nodes.stream().filter(v -> out.get(v).isEmpty()).mapToDouble(rank::get).sum();
            Map<String, Double> next = new HashMap<>();
            nodes.forEach(v -> next.put(v, (1 - 0.85) / n + 0.85 * dangling / n));
            for (String v : nodes) {
                int total = out.get(v).values().stream().mapToInt(Integer::intValue).sum();
                out.get(v).forEach((w, count) -> next.put(w, next.get(w) + 0.85 * rank.get(v) * count / total));
            }
            double change = nodes.stream().mapToDouble(v -> Math.abs(next.get(v) - rank.get(v))).max().orElse(0);
            rank.putAll(next);
            if (change < 1e-13) {
                break;
            }
        }
        return rank;
    }

    /** Connected components of the undirected projection by union-find. */
    static Set<Set<String>> unionFind(Map<String, Map<String, Integer>> out) {
        Map<String, String> parent = new HashMap<>();
        out.keySet().forEach(v -> parent.put(v, v));
        out.forEach((a, targets) -> targets.keySet().forEach(b -> parent.put(find(parent, a), find(parent, b))));
        Map<String, Set<String>> sets = new HashMap<>();
        out.keySet().forEach(v -> sets.computeIfAbsent(find(parent, v), k -> new TreeSet<>()).add(v));
        return new HashSet<>(sets.values());
    }

    private static String find(Map<String, String> parent, String v) {
        while (!parent.get(v).equals(v)) {
            v = parent.get(v);
        }
        return v;
    }
}
