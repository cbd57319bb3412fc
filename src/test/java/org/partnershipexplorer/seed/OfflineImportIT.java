package org.partnershipexplorer.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnershipexplorer.seed.SeedFixtures.fixture;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.partnershipexplorer.neo4j.EmbeddedNeo4j;
import org.partnershipexplorer.support.GraphQLClient;

/**
 * Start-up seeding of a brand-new embedded store through Neo4j's offline importer, against the same seed loaded over
 * Bolt into another new store (the importer turned off by its row threshold): the same graph, the same answers, and
 * a failure that leaves the store new.
 */
@DisplayName("A brand-new embedded store is seeded by Neo4j's offline importer")
class OfflineImportIT {

    /**
     * Ports of this test's servers, Bolt and HTTP, new for each context: a port just closed may not be free at once.
     */
    private static int nextPort = 19610;
    private int bolt;

    private static final String CENTRALITY = """
            query { centrality(first: 500, confidence: [VERIFIED, REPORTED, ESTIMATE, ILLUSTRATIVE]) {
                      actor { id name } inDegree outDegree inPartners outPartners betweenness pageRank } }""";
    private static final String ISOLATED = """
            query { isolatedContributors(year: 2024, first: 50, confidence: [VERIFIED, REPORTED, ESTIMATE, ILLUSTRATIVE]) {
              totalCount edges { node { country { iso3 name } score personnel reasons { code weight text }
                                        missions { acronym } providers { id } supportReceived } } } }""";

    @TempDir
    Path tmp;

    @BeforeAll
    static void tmpdir() {
        SeedFixtures.ensureTmpdir();
    }

    /** How a new store gets its seed: over Bolt, through the importer, or as the build's store of the bundled seed. */
    private enum Way { BOLT, IMPORTER, BUNDLED_STORE }

    private Map<String, Object> properties(Path home, String seedDir, boolean illustrative, boolean importer) {
        return properties(home, seedDir, illustrative, importer ? Way.IMPORTER : Way.BOLT);
    }

    private Map<String, Object> properties(Path home, String seedDir, boolean illustrative, Way way) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("explorer.neo4j.uri", "");
        properties.put("explorer.neo4j.data-dir", home.toString());
        bolt = nextPort++;
        properties.put("explorer.neo4j.bolt-port", String.valueOf(bolt));
        properties.put("micronaut.server.host", "127.0.0.1");
        properties.put("micronaut.server.port", String.valueOf(nextPort++));
        properties.put("explorer.seed.dir", seedDir);
        properties.put("explorer.seed.mode", "if-empty");
        properties.put("explorer.seed.illustrative", String.valueOf(illustrative));
        // the Bolt store: a threshold no seed reaches keeps the importer out
        properties.put("explorer.seed.offline-import-min-rows",
                way == Way.BOLT ? String.valueOf(Long.MAX_VALUE) : "0");
        properties.put("explorer.seed.bundled-store", String.valueOf(way == Way.BUNDLED_STORE));
        properties.put("explorer.warm-up.enabled", "false");
        return properties;
    }

    /** What a store holds, read back every way the comparison needs. */
    private record Graph(Map<String, String> exported, Map<String, Long> census, Map<String, Long> propertyTypes,
            String centrality, String isolated, long seedStates, String seedState) {
    }

    private Graph seedAndRead(String name, String seedDir, boolean illustrative, Way way) throws IOException {
        Path home = tmp.resolve(name);
        Path export = tmp.resolve(name + "-export");
        try (ApplicationContext context = ApplicationContext.run(properties(home, seedDir, illustrative, way))) {
            var phases = context.getBean(org.partnershipexplorer.startup.StartupPhases.class).phases();
            if (way == Way.BUNDLED_STORE) {
                // the build's store, unpacked: then a kept store's start, which finds the seed and the schema there
                assertEquals(SeedOutcome.Status.ALREADY_LOADED,
                        context.getBean(StartupSeedState.class).outcome().orElseThrow().status());
                assertEquals(List.of("bundled store", "in place"), phases.stream()
                        .filter(p -> p.name().equals("bundled store") || p.name().equals("schema"))
                        .map(p -> p.name().equals("schema") ? p.detail() : p.name()).toList());
            } else {
                assertEquals(SeedOutcome.Status.LOADED,
                        context.getBean(StartupSeedState.class).outcome().orElseThrow().status());
                // a store this start created: the schema is created without a look for what is there, and is all there
                assertEquals(List.of("created"), phases.stream().filter(p -> p.name().equals("schema"))
                        .map(p -> p.detail()).toList());
            }
            assertEquals(true, context.getBean(org.partnershipexplorer.neo4j.GraphSchema.class).inPlace(), name);
            context.getBean(SeedExporter.class).toDirectory(export);
            EmbeddedServer server = context.getBean(EmbeddedServer.class);
            server.start();
            GraphQLClient client = new GraphQLClient(server.getURI());
            String centrality = client.query(CENTRALITY).body().toString();
            String isolated = client.query(ISOLATED).body().toString();
            try (Driver driver = GraphDatabase.driver("bolt://127.0.0.1:" + bolt, AuthTokens.none())) {
                // the record of the load, as a restart reads it: the same whichever way the rows went in
                var state = driver.executableQuery("""
                        MATCH (s:SeedState)
                        RETURN count(s) AS n, collect(s {.status, .source, .illustrative, .release})[0] AS state,
                               collect(keys(s))[0] AS keys
                        """).execute().records().get(0);
                return new Graph(files(export), SeedFixtures.census(driver), propertyTypes(driver), centrality,
                        isolated, state.get("n").asLong(), new TreeMap<>(state.get("state").asMap()) + " "
                        + state.get("keys").asList(org.neo4j.driver.Value::asString).stream().sorted().toList());
            }
        }
    }

    private static Map<String, String> files(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path file : list.toList()) {
                files.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    /** Each label's or type's property with its Neo4j type, and how many carry it. */
    private static Map<String, Long> propertyTypes(Driver driver) {
        Map<String, Long> types = new TreeMap<>();
        // labels in name order: labels(n) gives them in the order of their token ids, which the importer, reading
        // its node files in parallel, allocates in no fixed order
        driver.executableQuery("""
                MATCH (n) UNWIND keys(n) AS k
                RETURN labels(n) AS labels, k, valueType(n[k]) AS type, count(*) AS n
                """).execute().records().forEach(r -> types.merge("node:" + String.join(":",
                        r.get("labels").asList(org.neo4j.driver.Value::asString).stream().sorted().toList()) + " "
                        + r.get("k").asString() + " " + r.get("type").asString(), r.get("n").asLong(), Long::sum));
        driver.executableQuery("""
                MATCH ()-[r]->() UNWIND keys(r) AS k
                RETURN type(r) AS what, k, valueType(r[k]) AS type, count(*) AS n
                """).execute().records().forEach(r -> types.put("relationship " + r.get("what").asString() + " "
                        + r.get("k").asString() + " " + r.get("type").asString(), r.get("n").asLong()));
        return types;
    }

    private void assertSameGraph(String seedDir, boolean illustrative) throws IOException {
        Graph bolt = seedAndRead("bolt", seedDir, illustrative, Way.BOLT);
        Graph imported = seedAndRead("imported", seedDir, illustrative, Way.IMPORTER);
        assertSameGraph(bolt, imported, illustrative);
    }

    private static void assertSameGraph(Graph bolt, Graph imported, boolean illustrative) {
        assertEquals(bolt.exported().keySet(), imported.exported().keySet());
        for (String file : bolt.exported().keySet()) {
            assertEquals(bolt.exported().get(file), imported.exported().get(file), file + " differs");
        }
        assertEquals(bolt.census(), imported.census());
        assertEquals(bolt.propertyTypes(), imported.propertyTypes());
        assertEquals(bolt.centrality(), imported.centrality());
        assertEquals(bolt.isolated(), imported.isolated());
        assertFalse(imported.centrality().contains("\"errors\""), imported.centrality());
        // the seed's state as start-up seeding leaves it, and no other SeedState (the bulk load's lock is gone)
        assertEquals(1L, imported.seedStates());
        assertEquals(bolt.seedState(), imported.seedState());
        assertTrue(imported.seedState().startsWith("{illustrative=" + illustrative + ", release=")
                && imported.seedState().contains(", status=loaded} [id, illustrative, loadedAt, owner, "),
                imported.seedState());
    }

    @Test
    @DisplayName("the test fixture through the importer is the graph the Bolt load makes: export, counts, property types, GraphQL answers")
    void fixtureSameAsBolt() throws IOException {
        assertSameGraph(fixture("valid").toString(), false);
    }

    @Test
    @DisplayName("the build's store of the bundled seed, which its importer made and a first start unpacks, is the "
            + "graph the Bolt load makes, file by file")
    void bundledSameAsBolt() throws IOException {
        assertTrue(BundledStore.manifest().isPresent(), "the classes carry no store of the bundled seed: the build "
                + "makes it in the phase prepare-package, before the integration tests (mvn verify)");
        Graph bolt = seedAndRead("bolt", "", false, Way.BOLT);
        Path unpacked = tmp.resolve("unpacked");
        Graph restored = seedAndRead("unpacked", "", false, Way.BUNDLED_STORE);
        assertSameGraph(bolt, restored, false);
        // the store moved into place whole, with the counts kept beside it, and nothing left of the unpacking
        assertEquals(List.of("data", "graph-counts.properties", "logs"), listing(unpacked));
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    @DisplayName("a seed refused by validation fails the start with the same message, and the store stays brand new")
    void invalidSeedLeavesStoreNew() throws IOException {
        Path home = tmp.resolve("broken");
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> ApplicationContext.run(properties(home, fixture("broken").toString(), false, true)).close());

        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertEquals("The seed in " + fixture("broken") + " has 23 bad rows (listed above); the service does not "
                + "start", cause.getMessage());
        assertTrue(EmbeddedNeo4j.neverStarted(home));
        assertEquals(List.of(), contents(home));
    }

    @Test
    @DisplayName("a value longer than the importer's smallest read buffer, in a seed much smaller than it, is imported whole")
    void longValueImportedWhole() throws IOException {
        Path seed = tmp.resolve("long-value-seed");
        try (Stream<Path> files = Files.walk(fixture("valid"))) {
            for (Path file : files.toList()) {
                Path copy = seed.resolve(fixture("valid").relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        // a row of more than 400,000 characters (800,000 bytes in UTF-8), beyond the 256 Ki characters of the smallest
        // read buffer, in a seed of a few kilobytes
        String topic = "é".repeat(400_000);
        Path trainings = seed.resolve("trainings.csv");
        Files.writeString(trainings, Files.readString(trainings, StandardCharsets.UTF_8)
                .replaceFirst(",engineering,", "," + topic + ","), StandardCharsets.UTF_8);

        // the importer alone, then the server on what it wrote: no service around them
        Path home = tmp.resolve("long-value");
        OfflineImport.run(home, SeedSource.directory(seed), false, null, SeedProgress.NONE, null, dir -> { });
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(home, 0, java.time.Duration.ofSeconds(30));
                Driver driver = GraphDatabase.driver(neo4j.boltUri().toString(), AuthTokens.none())) {
            assertEquals(List.of(400_000L, 1L), driver.executableQuery("""
                    MATCH ()-[t:TRAINS]->() WHERE size(t.topic) > 1000
                    RETURN size(t.topic) AS length, count(*) AS n
                    """).execute().records().stream().flatMap(r -> Stream.of(r.get("length").asLong(),
                            r.get("n").asLong())).toList());
        }
    }

    @Test
    @DisplayName("a row the importer refuses leaves the store brand new, says which file and why, and the next start loads")
    void importerFailureLeavesStoreNew() throws IOException {
        Path home = tmp.resolve("refused");
        String seed = fixture("valid").toString();
        // a country written twice into the importer's files: the validator never saw it, the importer refuses it
        SeedImportOnNewStore.BeforeImporter duplicate = dir -> {
            try (Stream<Path> files = Files.list(dir)) {
                Path countries = files.filter(f -> f.getFileName().toString().equals("nodes-Country-Actor-from-countries.csv"))
                        .findFirst().orElseThrow();
                String first = Files.readAllLines(countries, StandardCharsets.UTF_8).get(0);
                Files.writeString(countries, first + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            } catch (IOException io) {
                throw new java.io.UncheckedIOException(io);
            }
        };
        RuntimeException e = assertThrows(RuntimeException.class, () -> ApplicationContext.builder()
                .properties(properties(home, seed, false, true)).singletons(duplicate).start().close());

        SeedImportException refused = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SeedImportException s) {
                refused = s;
            }
        }
        assertTrue(refused != null, "not refused by the importer: " + e);
        String message = refused.getMessage();
        assertTrue(message.startsWith("Neo4j's importer refused the seed: "), message);
        assertTrue(message.contains("Id 'KOR' is defined more than once in group 'Actor' (ids of group Actor: the "
                + "keys of countries.csv, organizations.csv)"), message);
        assertTrue(message.endsWith("Nothing was written: the store " + home.toAbsolutePath().normalize()
                + " is left as it was"), message);
        assertTrue(EmbeddedNeo4j.neverStarted(home));
        assertEquals(List.of(), contents(home));

        try (ApplicationContext context = ApplicationContext.run(properties(home, seed, false, true))) {
            assertEquals(SeedOutcome.Status.LOADED, context.getBean(StartupSeedState.class).outcome().orElseThrow().status());
            try (Driver driver = GraphDatabase.driver("bolt://127.0.0.1:" + bolt, AuthTokens.none())) {
                assertEquals(9L, SeedFixtures.census(driver).get("Actor"));
            }
        }
    }

    @Test
    @DisplayName("what an import killed midway left (its marker, part of a store) is removed at the next start, which imports again")
    void interruptedImportIsRedone() throws IOException {
        Path home = tmp.resolve("killed");
        Files.createDirectories(home.resolve("data/databases/neo4j"));
        Files.writeString(home.resolve("data/databases/neo4j/neostore"), "half written");
        Files.createDirectories(home.resolve("seed-import-123"));
        Files.writeString(home.resolve("seed-import-123/nodes.csv"), "KOR");
        // the marker as the import wrote it before it began: the home was empty
        Files.writeString(home.resolve(OfflineImport.MARKER), "");

        try (ApplicationContext context = ApplicationContext.run(properties(home, fixture("valid").toString(), false,
                true))) {
            assertEquals(SeedOutcome.Status.LOADED, context.getBean(StartupSeedState.class).outcome().orElseThrow().status());
            try (Driver driver = GraphDatabase.driver("bolt://127.0.0.1:" + bolt, AuthTokens.none())) {
                assertEquals(9L, SeedFixtures.census(driver).get("Actor"));
            }
        }
        assertFalse(Files.exists(home.resolve(OfflineImport.MARKER)));
        assertFalse(Files.exists(home.resolve("seed-import-123")));
    }

    /** Every path under {@code home} but itself. */
    private static List<String> contents(Path home) throws IOException {
        if (!Files.exists(home)) {
            return List.of();
        }
        List<String> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(home)) {
            walk.filter(p -> !p.equals(home)).sorted(Comparator.naturalOrder())
                    .forEach(p -> paths.add(home.relativize(p).toString()));
        }
        return paths;
    }
}
