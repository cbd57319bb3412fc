package org.partnershipexplorer.seed;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.partnershipexplorer.seed.SeedFixtures.census;
import static org.partnershipexplorer.seed.SeedFixtures.fixture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.partnershipexplorer.support.TestNeo4j;

@DisplayName("Loading a seed into Neo4j")
class SeedLoaderIT {

    /** The valid fixture with its illustrative rows, counted label by label and type by type. */
    static final Map<String, Long> FULL = Map.ofEntries(
            entry("Actor", 10L), entry("Country", 7L), entry("Organization", 3L), entry("Program", 1L),
            entry("Mission", 4L), entry("Ministerial", 2L), entry("Pledge", 4L), entry("Deployment", 2L),
            entry("MEMBER_OF", 7L), entry("LOCATED_IN", 3L), entry("HOSTED_BY", 2L), entry("CONTRIBUTES_TO", 3L),
            entry("REPORTED", 2L), entry("TRAINS", 4L), entry("DONATES_TO", 2L), entry("PLEDGED", 4L),
            entry("MADE_AT", 4L), entry("BENEFITS", 1L), entry("SUPPORTS", 1L), entry("ATTENDED", 5L));

    @TempDir
    Path dir;

    private TestNeo4j.Instance neo4j;
    private Driver driver;
    private SeedLoader loader;

    @BeforeAll
    static void tmpdir() {
        SeedFixtures.ensureTmpdir();
    }

    @BeforeEach
    void start() {
        neo4j = TestNeo4j.cleared();
        driver = neo4j.driver();
        loader = SeedFixtures.loader(neo4j);
    }

    @AfterEach
    void stop() {
        neo4j.close();
    }

    @Test
    @DisplayName("the valid fixture gives exact node and relationship counts, and the report says the same")
    void loadsValidFixture() {
        LoadReport report = loader.load(SeedSource.directory(fixture("valid")), true);

        assertEquals(FULL, census(driver));
        assertEquals(44, report.rowsRead());
        assertEquals(0, report.rowsSkipped());
        assertEquals(List.of("Country", "Organization", "Actor", "Mission", "Program", "Ministerial", "Pledge",
                "Deployment"), List.copyOf(report.nodes().keySet()));
        assertEquals(10L, report.nodes().get("Actor"));
        assertEquals(4L, report.relationships().get("TRAINS"));
        assertEquals(FULL.entrySet().stream().filter(e -> e.getKey().equals(e.getKey().toUpperCase()))
                .mapToLong(Map.Entry::getValue).sum(),
                report.relationships().values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    @DisplayName("what a load wrote is found by search as soon as the load returns (the index is eventually consistent)")
    void loadIsSearchableWhenItReturns() {
        loader.load(SeedSource.directory(fixture("valid")), true);

        List<String> found = driver.executableQuery("""
                CALL db.index.fulltext.queryNodes('search', 'Ghana') YIELD node RETURN node.iso3 AS iso3
                """).execute().records().stream().map(r -> r.get("iso3").asString()).toList();
        assertEquals(List.of("GHA"), found);
    }

    @Test
    @DisplayName("a store whose search index refreshed on every commit gets it rebuilt eventually consistent")
    void outdatedSearchIndexIsRebuilt() {
        // a store without the service's schema, so that the outdated index is the only one of its name
        neo4j = TestNeo4j.emptied();
        driver.executableQuery("""
                CREATE FULLTEXT INDEX search FOR (n:Country|Organization|Mission|Program)
                ON EACH [n.name, n.iso3, n.iso2, n.code, n.acronym]
                """).execute();
        var schema = new org.partnershipexplorer.neo4j.GraphSchema(neo4j.cypher());
        assertFalse(schema.inPlace());

        schema.ensure();

        assertEquals(true, driver.executableQuery("""
                SHOW FULLTEXT INDEXES YIELD name, options WHERE name = 'search'
                RETURN options.indexConfig['fulltext.eventually_consistent'] AS flag
                """).execute().records().get(0).get("flag").asBoolean());
        assertEquals(true, schema.inPlace());
    }

    @Test
    @DisplayName("loading the same seed twice leaves the same graph")
    void loadIsIdempotent() {
        loader.load(SeedSource.directory(fixture("valid")), true);
        Map<String, Map<String, Object>> first = snapshot();
        loader.load(SeedSource.directory(fixture("valid")), true);

        assertEquals(FULL, census(driver));
        assertEquals(first, snapshot());
    }

    @Test
    @DisplayName("without illustrative data, every illustrative row and the node it defines are left out")
    void skipsIllustrativeRows() {
        LoadReport report = loader.load(SeedSource.directory(fixture("valid")), false);

        Map<String, Long> expected = new java.util.HashMap<>(FULL);
        expected.putAll(Map.of("Actor", 9L, "Country", 6L, "Pledge", 3L, "MEMBER_OF", 6L, "TRAINS", 3L,
                "PLEDGED", 3L, "MADE_AT", 3L, "ATTENDED", 4L));
        assertEquals(expected, census(driver));
        assertEquals(5, report.rowsSkipped());
        assertEquals(0L, count("MATCH (n) WHERE n.confidence = 'illustrative' RETURN count(n)"));
    }

    @Test
    @DisplayName("a broken seed writes nothing: the database holds exactly what it held before")
    void brokenSeedWritesNothing() {
        driver.executableQuery("CREATE (:Country:Actor {iso3: 'FRA', id: 'FRA', name: 'France'})-[:MEMBER_OF]->"
                + "(:Organization:Actor {code: 'EU', id: 'EU'})").execute();
        Map<String, Long> before = census(driver);

        SeedValidationException e = assertThrows(SeedValidationException.class,
                () -> loader.load(SeedSource.directory(fixture("broken")), true));

        assertEquals(23, e.getErrors().size());
        assertEquals("countries.csv:3: confidence: unknown confidence 'sure' (verified, reported, estimate, "
                + "illustrative)", e.getErrors().get(0).toString());
        assertEquals(before, census(driver));
        assertEquals(3L, SeedFixtures.nodeCount(driver) + count("MATCH ()-[r]->() RETURN count(r)"));
    }

    @Test
    @DisplayName("values are typed as the contract says, absent cells are absent properties, and every element "
            + "carries confidence and source")
    void storesTypedProperties() {
        loader.load(SeedSource.directory(fixture("valid")), true);

        Map<String, Object> korea = properties("MATCH (n:Country {iso3: 'KOR'}) RETURN properties(n) AS p");
        assertEquals(Map.ofEntries(entry("iso3", "KOR"), entry("id", "KOR"), entry("name", "Republic of Korea"),
                entry("region", "Asia"), entry("iso2", "KR"), entry("subregion", "Eastern Asia"),
                entry("unRegionalGroup", "Asia-Pacific"), entry("unMember", true), entry("m49", "410"),
                entry("confidence", "verified"), entry("source", "https://unstats.un.org/unsd/methodology/m49/")),
                korea);
        Map<String, Object> westernSahara = properties("MATCH (n:Country {iso3: 'ESH'}) RETURN properties(n) AS p");
        assertFalse(westernSahara.containsKey("unRegionalGroup"));
        assertEquals(false, westernSahara.get("unMember"));

        Map<String, Object> seoul = properties("MATCH (n:Ministerial {id: 'seoul-2021'}) RETURN properties(n) AS p");
        assertEquals(LocalDate.of(2021, 12, 7), seoul.get("startDate"));
        assertEquals(155L, seoul.get("reportedParticipants"));
        assertEquals("UN Peacekeeping Ministerial, Seoul 2021", seoul.get("name"));

        Map<String, Object> training = properties("""
                MATCH (:Country {iso3: 'KOR'})-[r:TRAINS {program: 'TPP'}]->(:Country {iso3: 'VNM'})
                RETURN properties(r) AS p""");
        assertEquals(Map.of("id", "TRAINING:KOR:VNM:2021:TPP", "year", 2021L, "endYear", 2023L, "program", "TPP",
                "topic", "engineering", "trainees", 40L, "confidence", "reported",
                "source", "https://example.org/kor-vnm-engineering"), training);
        assertEquals("TRAINING:KOR:VNM:2021", properties("""
                MATCH (:Country {iso3: 'KOR'})-[r:TRAINS {topic: 'medical'}]->() RETURN properties(r) AS p""")
                .get("id"));
        assertEquals(Map.of("id", "CONTRIBUTION:IND:MINUSMA:2021", "year", 2021L, "confidence", "estimate",
                "source", "Geo-PKO v2.3, Cil et al. 2020"), properties("""
                MATCH (:Country {iso3: 'IND'})-[r:CONTRIBUTES_TO]->(:Mission {acronym: 'MINUSMA'})
                RETURN properties(r) AS p"""));
        assertEquals(List.of("IND", "PAK"), driver.executableQuery("""
                MATCH (:Mission {acronym: 'UNMOGIP'})-[:LOCATED_IN]->(c:Country) RETURN c.iso3 AS iso3 ORDER BY iso3
                """).execute().records().stream().map(r -> r.get("iso3").asString()).toList());
        assertEquals(LocalDate.of(2021, 12, 31), properties("""
                MATCH (:Country {iso3: 'KOR'})-[:REPORTED]->(d:Deployment) RETURN properties(d) AS p""").get("asOf"));
        assertEquals(List.of("seoul-2021-kor-1:MINURSO", "seoul-2021-kor-2:VNM"), driver.executableQuery("""
                MATCH (p:Pledge)-[:BENEFITS|SUPPORTS]->(x) RETURN p.id + ':' + coalesce(x.iso3, x.acronym) AS s
                ORDER BY s""").execute().records().stream().map(r -> r.get("s").asString()).toList());
        assertEquals(0L, count("""
                MATCH (n) WHERE n.confidence IS NULL OR n.source IS NULL RETURN count(n)"""));
        assertEquals(0L, count("""
                MATCH ()-[r]->() WHERE r.confidence IS NULL OR r.source IS NULL RETURN count(r)"""));
    }

    @Test
    @DisplayName("a reload follows the seed: an emptied cell removes its property and a moved endpoint moves the edge")
    void reloadFollowsChangedSeed() throws IOException {
        copyFixture("valid");
        loader.load(SeedSource.directory(dir), true);
        replace("missions.csv", "IND;PAK", "PAK");
        replace("pledges.csv", "Training for Viet Nam,40,trainees,VNM", "Training for Ghana,40,trainees,GHA");
        replace("countries.csv", "Eastern Asia,Asia-Pacific", "Eastern Asia,");

        loader.load(SeedSource.directory(dir), true);

        assertFalse(properties("MATCH (n:Country {iso3: 'KOR'}) RETURN properties(n) AS p")
                .containsKey("unRegionalGroup"));
        assertEquals(1L, count("MATCH (:Mission {acronym: 'UNMOGIP'})-[r:LOCATED_IN]->() RETURN count(r)"));
        assertEquals(1L, count("""
                MATCH (:Pledge {id: 'seoul-2021-kor-2'})-[r:BENEFITS]->(:Country {iso3: 'GHA'}) RETURN count(r)"""));
        Map<String, Long> expected = new java.util.HashMap<>(FULL);
        expected.put("LOCATED_IN", 2L);
        assertEquals(expected, census(driver));
    }

    private Map<String, Map<String, Object>> snapshot() {
        Map<String, Map<String, Object>> all = new java.util.TreeMap<>();
        driver.executableQuery("""
                MATCH (n) RETURN 'node:' + labels(n)[0] + ':' + coalesce(n.id, n.iso3, n.code, n.acronym)
                       + coalesce(':' + toString(n.asOf), '') AS key, properties(n) AS p
                UNION ALL
                MATCH (a)-[r]->(b)
                RETURN type(r) + ':' + elementId(a) + ':' + elementId(b) + ':' + coalesce(r.id, '') AS key,
                       properties(r) AS p
                """).execute().records().forEach(r -> all.put(r.get("key").asString(), r.get("p").asMap()));
        return all;
    }

    private Map<String, Object> properties(String query) {
        return driver.executableQuery(query).execute().records().get(0).get("p").asMap();
    }

    private long count(String query) {
        return driver.executableQuery(query).execute().records().get(0).get(0).asLong();
    }

    private void copyFixture(String name) throws IOException {
        try (Stream<Path> files = Files.list(fixture(name))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
    }

    private void replace(String file, String from, String to) throws IOException {
        String text = Files.readString(dir.resolve(file));
        if (!text.contains(from)) {
            throw new IllegalStateException(file + " has no '" + from + "'");
        }
        Files.writeString(dir.resolve(file), text.replace(from, to));
    }
}
