package org.partnershipexplorer.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.partnershipexplorer.neo4j.Cypher;
import org.partnershipexplorer.neo4j.GraphSchema;
import org.partnershipexplorer.neo4j.Neo4jSettings;
import org.partnershipexplorer.seed.SeedLoader;
import org.partnershipexplorer.seed.SeedSource;
import org.partnershipexplorer.support.FrozenSeed;
import org.partnershipexplorer.support.TestNeo4j;

@DisplayName("export then import")
class RoundTripIT {

    @Test
    @DisplayName("the real seed exported by the export command and imported into an empty database gives the same graph, property by property")
    void exportThenImportGivesTheSameGraph() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Files.createDirectories(tmp);
        Path exported = Files.createTempDirectory(tmp, "export-");
        Path again = Files.createTempDirectory(tmp, "export-again-");
        try (TestNeo4j.Instance first = TestNeo4j.fresh(); TestNeo4j.Instance second = TestNeo4j.cleared()) {
            loader(first).load(SeedSource.directory(FrozenSeed.directory()), true);
            // what a mutation leaves: a datetime and a subject, which must survive as such
            first.driver().executableQuery("""
                    MATCH (c:Country {iso3: 'KEN'})-[r:CONTRIBUTES_TO {id: 'CONTRIBUTION:KEN:UNMISS:2016'}]->()
                    SET c.updatedBy = 'alice', c.updatedAt = datetime('2025-01-02T03:04:05.123Z'),
                        r.updatedBy = 'bob', r.updatedAt = datetime('2025-02-03T04:05:06+02:00')
                    """).execute();

            Run export = cli(List.of("export", exported.toString()), first);
            assertEquals(0, export.code, export.err);
            assertTrue(export.out.contains("contributions.csv: 3061 rows"), export.out);

            Run imported = cli(List.of("import", "--restore", exported.toString()), second);
            assertEquals(0, imported.code, imported.err);
            assertTrue(imported.err.contains("writing [##############################] 100%"), imported.err);

            Map<String, Long> census = GraphDigest.census(first.driver());
            assertEquals(197L, census.get("node Country"));
            assertEquals(census, GraphDigest.census(second.driver()));
            assertEquals(GraphDigest.lines(first.driver()), GraphDigest.lines(second.driver()));
            assertEquals(GraphDigest.digest(first.driver()), GraphDigest.digest(second.driver()));

            // and the second database exports the same files, byte for byte
            assertEquals(0, cli(List.of("export", again.toString()), second).code);
            for (Path file : Files.list(exported).toList()) {
                assertEquals(Files.readString(file), Files.readString(again.resolve(file.getFileName())), file.toString());
            }
        }
    }

    @Test
    @DisplayName("the import command without --restore stamps every row with the account that runs it and the time, over the stamps the files carry")
    void importWithoutRestoreStampsTheImporter() throws IOException {
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "stamped-");
        Files.writeString(dir.resolve("programs.csv"), "code,name,confidence,source,updated_by,updated_at\n"
                + "AUDIT-TEST,Audit test programme,reported,https://example.org/audit,mallory,2001-02-03T04:05:06Z\n");
        try (TestNeo4j.Instance neo4j = TestNeo4j.cleared()) {
            java.time.Instant started = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            Run run = cli(List.of("import", dir.toString()), neo4j);
            assertEquals(0, run.code, run.err);
            var record = neo4j.driver().executableQuery(
                    "MATCH (p:Program {code: 'AUDIT-TEST'}) RETURN p.updatedBy AS by, p.updatedAt AS at")
                    .execute().records().get(0);
            assertEquals(System.getProperty("user.name"), record.get("by").asString());
            java.time.Instant at = record.get("at").asZonedDateTime().toInstant();
            assertTrue(!at.isBefore(started) && !at.isAfter(java.time.Instant.now()), at + " not since " + started);

            assertEquals(2, cli(List.of("import", "--restor", dir.toString()), neo4j).code);
        }
    }

    @Test
    @DisplayName("the import command refuses a broken seed with file:line errors and writes nothing")
    void brokenSeedIsRefused() throws Exception {
        try (TestNeo4j.Instance neo4j = TestNeo4j.cleared()) {
            Path broken = Path.of(RoundTripIT.class.getResource("/seed/broken").toURI());
            Run run = cli(List.of("import", broken.toString()), neo4j);
            assertEquals(1, run.code);
            assertTrue(run.err.contains("nothing was written"), run.err);
            assertTrue(run.err.contains("trainings.csv:"), run.err);
            assertEquals(Map.of(), GraphDigest.census(neo4j.driver()));
        }
    }

    record Run(int code, String out, String err) {
    }

    static Run cli(List<String> args, TestNeo4j.Instance neo4j) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, Object> properties = new HashMap<>(neo4j.properties());
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .execute(args, properties);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static SeedLoader loader(TestNeo4j.Instance neo4j) {
        Neo4jSettings settings = new Neo4jSettings(neo4j.boltUri().toString(), "neo4j", "", "neo4j",
                Path.of("unused"), 0, Duration.ofSeconds(5), Duration.ofSeconds(30));
        Cypher cypher = new Cypher(neo4j.driver(), settings);
        return new SeedLoader(cypher, new GraphSchema(cypher), new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    }
}
