package org.partnershipexplorer.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.partnershipexplorer.analytics.AnalyticsRepository;
import org.partnershipexplorer.analytics.SupportNeed;
import org.partnershipexplorer.analytics.SupportReasonCode;
import org.partnershipexplorer.analytics.SupportScore;
import org.partnershipexplorer.analytics.SupportSettings;
import org.partnershipexplorer.deadline.Deadline;
import org.partnershipexplorer.statistics.StatisticsRepository;
import org.partnershipexplorer.support.GraphQLClient;
import org.partnershipexplorer.support.TestNeo4j;

/**
 * The seed bundled in the jar (graph-seed/), loaded by the service's own start, as by default (no illustrative
 * rows), and held to the coverage the data must reach (graph-seed/README.md, "Coverage"; check_seed.py prints the
 * same counts from the files), and the README's examples, which show this seed's answers. These are the only tests
 * that read graph-seed/: the rest assert exact values on the frozen seed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("the bundled seed in graph-seed/, as the service loads it by default")
class BundledSeedIT {

    private static final List<String> CONFIDENCES = List.of("verified", "reported", "estimate", "illustrative");
    private static final String SOURCED_PARTNERSHIPS = """
            MATCH (p)-[r:TRAINS|DONATES_TO]->(q) WHERE r.confidence IN ['verified', 'reported']""";

    /** A README example: the request line, and the answer printed under it (a line ending in TRIMMED is its start). */
    private static final Pattern Q = Pattern.compile("^\\$ q '(.*)'$");
    private static final Pattern CURL = Pattern.compile(
            "^\\$ curl -s -H 'Content-Type: application/json' localhost:8080/graphql -d '(.*)'$");
    private static final String TRIMMED = "…(trimmed)";
    /** The header some examples print under the answer: how many statements the request sent to Neo4j. */
    private static final String STATEMENTS = "X-Cypher-Statements";

    private TestNeo4j.Instance neo4j;
    private Driver driver;

    /** The service, which loaded the bundled seed at its start. */
    private EmbeddedServer server;

    @BeforeAll
    void load() {
        // a server that samples its indexes only when asked: what its planner knows of the seed is what the load's
        // own sampling told it (GraphSchema#afterLoad), not what the background sampling adds seconds later. Without
        // that sampling every index still said it was empty, and Neo4j 5.26's planner refused statements of the
        // README's examples ("t1.year should not appear non-cached"), which the tests' configuration lets fail
        neo4j = TestNeo4j.withoutIndexSampling();
        driver = neo4j.driver();
        Map<String, Object> properties = new LinkedHashMap<>(neo4j.properties());
        properties.put("explorer.seed.mode", "if-empty");
        properties.put("micronaut.server.port", -1);
        properties.put("micronaut.server.host", "127.0.0.1");
        server = ApplicationContext.run(EmbeddedServer.class, properties);
    }

    @AfterAll
    void close() {
        if (server != null) {
            server.close();
        }
        neo4j.close();
    }

    @Test
    @DisplayName("every node and relationship carries a non-empty source and a known confidence, and none is illustrative")
    void everyFactHasProvenance() {
        assertEquals(0, count("""
                MATCH (n) WHERE NOT (n:SeedState OR n:Change OR n:ChangeLog) AND NOT n:Source
                  AND (n.source IS NULL OR trim(n.source) = '' OR NOT n.confidence IN $confidences)
                RETURN count(n) AS n"""));
        assertEquals(0, count("""
                MATCH ()-[r]->() WHERE r.source IS NULL OR trim(r.source) = '' OR NOT r.confidence IN $confidences
                RETURN count(r) AS n"""));
        assertEquals(0, count("MATCH (n {confidence: 'illustrative'}) RETURN count(n) AS n"));
        assertEquals(0, count("MATCH ()-[r {confidence: 'illustrative'}]->() RETURN count(r) AS n"));
    }

    @Test
    @DisplayName("the graph holds exactly the rows of the seed files, file by file")
    void countsMatchTheSeedFiles() throws IOException {
        Map<String, String> nodes = new LinkedHashMap<>();
        nodes.put("sources.csv", "MATCH (n:Source) RETURN count(n) AS n");
        nodes.put("countries.csv", "MATCH (n:Country) RETURN count(n) AS n");
        nodes.put("organizations.csv", "MATCH (n:Organization) RETURN count(n) AS n");
        nodes.put("programs.csv", "MATCH (n:Program) RETURN count(n) AS n");
        nodes.put("missions.csv", "MATCH (n:Mission) RETURN count(n) AS n");
        nodes.put("ministerials.csv", "MATCH (n:Ministerial) RETURN count(n) AS n");
        nodes.put("pledges.csv", "MATCH (n:Pledge) RETURN count(n) AS n");
        nodes.put("deployments.csv", "MATCH (n:Deployment) RETURN count(n) AS n");
        nodes.put("contributions.csv", "MATCH ()-[r:CONTRIBUTES_TO]->() RETURN count(r) AS n");
        nodes.put("trainings.csv", "MATCH ()-[r:TRAINS]->() RETURN count(r) AS n");
        nodes.put("donations.csv", "MATCH ()-[r:DONATES_TO]->() RETURN count(r) AS n");
        nodes.put("memberships.csv", "MATCH ()-[r:MEMBER_OF]->() RETURN count(r) AS n");
        nodes.put("attendance.csv", "MATCH ()-[r:ATTENDED]->() RETURN count(r) AS n");
        for (Map.Entry<String, String> file : nodes.entrySet()) {
            assertEquals(SeedFixtures.bundledRows(file.getKey()), count(file.getValue()), file.getKey());
        }
    }

    @Test
    @DisplayName("at least 600 sourced trainings and donations, 150 of them donations, from 30 providers to 80 recipients")
    void partnershipsAtScale() {
        long relationships = count(SOURCED_PARTNERSHIPS + " RETURN count(r) AS n");
        long donations = count(SOURCED_PARTNERSHIPS + " AND type(r) = 'DONATES_TO' RETURN count(r) AS n");
        long providers = count(SOURCED_PARTNERSHIPS + " RETURN count(DISTINCT p) AS n");
        long recipients = count(SOURCED_PARTNERSHIPS + " RETURN count(DISTINCT q) AS n");
        assertTrue(relationships >= 600, relationships + " sourced relationships");
        assertTrue(donations >= 150, donations + " sourced donations");
        assertTrue(providers >= 30, providers + " providers");
        assertTrue(recipients >= 80, recipients + " recipients");
    }

    @Test
    @DisplayName("at least 10 sourced relationships start in each year 2010 to 2024")
    void everyYearCovered() {
        for (int year = 2010; year <= 2024; year++) {
            long starting = count(SOURCED_PARTNERSHIPS + " AND r.year = $year RETURN count(r) AS n", Map.of("year", year));
            assertTrue(starting >= 10, starting + " relationships start in " + year);
        }
    }

    @Test
    @DisplayName("no single source supports more than 10% of the relationships, and they come from at least 15 publishers")
    void sourcesAreSpread() throws IOException {
        long relationships = count(SOURCED_PARTNERSHIPS + " RETURN count(r) AS n");
        long largest = count(SOURCED_PARTNERSHIPS + """
                 UNWIND coalesce(r.sourceIds, [r.source]) AS id
                 WITH id, count(*) AS supported RETURN max(supported) AS n""");
        assertTrue(largest * 10 <= relationships, largest + " of " + relationships + " relationships cite one source");
        Map<String, String> publishers = new LinkedHashMap<>();
        try (CSVParser sources = SeedFixtures.bundledFile("sources.csv")) {
            sources.forEach(source -> publishers.put(source.get("id"), source.get("publisher")));
        }
        List<String> cited = driver.executableQuery(SOURCED_PARTNERSHIPS + """
                 UNWIND r.sourceIds AS id RETURN collect(DISTINCT id) AS ids""")
                .execute().records().get(0).get("ids").asList(v -> v.asString());
        long distinctPublishers = cited.stream().map(publishers::get).filter(p -> p != null && !p.isBlank()).distinct().count();
        assertTrue(distinctPublishers >= 15, distinctPublishers + " publishers");
    }

    @Test
    @DisplayName("every source a fact cites by id is a Source node with a title")
    void citedSourcesResolve() {
        assertEquals(0, count("""
                MATCH (n) WHERE n.sourceIds IS NOT NULL UNWIND n.sourceIds AS id
                OPTIONAL MATCH (s:Source {id: id}) WITH s WHERE s IS NULL OR s.title IS NULL
                RETURN count(*) AS n"""));
        assertEquals(0, count("""
                MATCH ()-[r]->() WHERE r.sourceIds IS NOT NULL UNWIND r.sourceIds AS id
                OPTIONAL MATCH (s:Source {id: id}) WITH s WHERE s IS NULL OR s.title IS NULL
                RETURN count(*) AS n"""));
    }

    @Test
    @DisplayName("the UN's totals of uniformed personnel cover every contributor on dates in 2015 to 2025, 2021 included")
    void unTotalsByYear() {
        List<Long> years = driver.executableQuery("""
                MATCH (d:Deployment) WHERE d.confidence = 'verified'
                WITH d.asOf.year AS year, count(*) AS countries WHERE countries >= 100
                RETURN collect(year) AS years""").execute().records().get(0).get("years").asList(v -> v.asLong());
        assertTrue(years.contains(2021L), years.toString());
        assertTrue(years.stream().filter(y -> y >= 2015 && y <= 2025).count() >= 5, years.toString());
    }

    @Test
    @DisplayName("personnel by region defaults to the newest full UN table (31 July 2025), not the fullest one of 2017")
    void regionsFromTheNewestFullTable() {
        var regions = new StatisticsRepository(neo4j.cypher()).personnelByRegion(Deadline.NONE, null);
        assertEquals(List.of("2025-07-31"), regions.stream().map(r -> r.asOf()).distinct().toList());
        assertEquals(rowsOn("2025-07-31"), regions.stream().mapToInt(r -> r.countries()).sum());
    }

    // The support analysis checked against what public sources say of 2021. It lives here, on the graph this class
    // has already loaded, because a service of its own on the bundled seed would add a Neo4j start and a seed load to
    // the suite for the same reads.

    private SupportScore.Analysis analysis2021;

    private SupportScore.Analysis analysis2021() {
        if (analysis2021 == null) {
            analysis2021 = analyse2021();
        }
        return analysis2021;
    }

    private SupportScore.Analysis analyse2021() {
        SupportSettings settings = SupportSettings.defaults();
        var inputs = new AnalyticsRepository(neo4j.cypher()).supportInputs(Deadline.NONE,
                List.of("DONATES_TO", "TRAINS"), settings.confidence(null), List.of(2021), settings.windowYears());
        return SupportScore.analyse(2021, Set.of("TRAINING", "DONATION"), inputs.year(2021, settings.windowYears()),
                settings, Deadline.NONE);
    }

    @Test
    @DisplayName("2021: none of the six African Peacekeeping Rapid Response Partnership countries comes out with NO_SUPPORT")
    void rapidResponsePartnersAreSupported() {
        var analysis = analysis2021();
        for (String iso3 : List.of("ETH", "GHA", "RWA", "SEN", "TZA", "UGA")) {
            SupportNeed need = analysis.of(iso3);
            assertTrue(need.reasons().stream().noneMatch(r -> r.code() == SupportReasonCode.NO_SUPPORT),
                    iso3 + ": " + need.reasons());
            assertFalse(need.providerIds().isEmpty(), iso3);
        }
    }

    @Test
    @DisplayName("2021: every country with a UN total dated 2021 is ranked or is a provider, and no provider is ranked")
    void contributorsOf2021AreTheUnTotals() {
        var analysis = analysis2021();
        List<String> withTotal = driver.executableQuery("""
                MATCH (c:Country)-[:REPORTED]->(d:Deployment) WHERE d.asOf.year = 2021 AND d.total > 0
                RETURN DISTINCT c.iso3 AS iso3 ORDER BY iso3""").execute().records().stream()
                .map(r -> r.get("iso3").asString()).toList();
        Set<String> providers = new TreeSet<>();
        analysis.providers().forEach(p -> providers.add(p.actorId()));
        Set<String> ranked = new TreeSet<>();
        analysis.ranked().forEach(n -> ranked.add(n.iso3()));
        assertTrue(providers.containsAll(List.of("CHN", "FRA", "GBR", "IND", "USA")), providers.toString());
        assertTrue(Collections.disjoint(providers, ranked));
        Set<String> expected = new TreeSet<>(withTotal);
        expected.removeAll(providers);
        assertEquals(expected, ranked);
        assertTrue(ranked.containsAll(List.of("UGA", "GMB", "DJI", "SLE")), ranked.toString());
    }

    private long rowsOn(String asOf) {
        return count("MATCH (d:Deployment) WHERE d.asOf = date($asOf) RETURN count(d) AS n", Map.of("asOf", asOf));
    }

    private long count(String query) {
        return count(query, Map.of());
    }

    private long count(String query, Map<String, Object> parameters) {
        Map<String, Object> all = new LinkedHashMap<>(parameters);
        all.put("confidences", CONFIDENCES);
        return driver.executableQuery(query).withParameters(all).execute().records().get(0).get("n").asLong();
    }

    @Test
    @DisplayName("every GraphQL example of the README answers, on this seed, what the README prints under it")
    void readmeExamplesAnswerAsPrinted() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        List<String> wrong = new ArrayList<>();
        int examples = 0;
        GraphQLClient http = new GraphQLClient(server.getURI());
        for (int i = 0; i + 1 < lines.size(); i++) {
            String body = requestBody(lines.get(i), json);
            if (body == null) {
                continue;
            }
            examples++;
            // as the README's curl sends it: no Accept header
            GraphQLClient.Response answer = http.post(body, "application/json", null);
            String text = answer.raw().body();
            String printed = lines.get(i + 1);
            boolean same = printed.endsWith(TRIMMED)
                    ? text.startsWith(printed.substring(0, printed.indexOf(TRIMMED)).stripTrailing())
                    : withoutRequestIds(json.readTree(printed)).equals(withoutRequestIds(json.readTree(text)));
            if (!same) {
                wrong.add("README.md line " + (i + 2) + " prints\n  " + printed + "\nthe service answers\n  " + text);
            }
            if (i + 2 < lines.size() && lines.get(i + 2).startsWith(STATEMENTS + ":")) {
                String header = answer.header(STATEMENTS);
                if (!lines.get(i + 2).equals(STATEMENTS + ": " + header)) {
                    wrong.add("README.md line " + (i + 3) + " prints " + lines.get(i + 2) + "; the service sent "
                            + header);
                }
            }
        }
        assertTrue(examples >= 20, "the README's examples were not found: " + examples);
        assertEquals(List.of(), wrong);
    }

    /** The JSON body an example line sends, or null when the line is not an example. */
    private static String requestBody(String line, ObjectMapper json) throws IOException {
        Matcher q = Q.matcher(line);
        if (q.matches()) {
            return json.writeValueAsString(Map.of("query", q.group(1)));
        }
        Matcher curl = CURL.matcher(line);
        return curl.matches() ? curl.group(1) : null;
    }

    /** The answer without its errors' request ids, which differ from one request to the next. */
    private static JsonNode withoutRequestIds(JsonNode answer) {
        for (JsonNode error : answer.path("errors")) {
            if (error.path("extensions") instanceof ObjectNode extensions) {
                extensions.remove("requestId");
            }
        }
        return answer;
    }
}
