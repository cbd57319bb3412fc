package org.partnershipexplorer.seed;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.partnershipexplorer.neo4j.Cypher;
import org.partnershipexplorer.neo4j.GraphSchema;
import org.partnershipexplorer.support.TestNeo4j;

/** The seed folders under src/test/resources/seed/ and the wiring the tests build by hand around a real Neo4j. */
final class SeedFixtures {

    private SeedFixtures() {
    }

    /**
     * Creates the JVM's tmpdir (surefire points it at target/tmp): the pom's antrun 1.3 execution that should
     * create it ignores its {@code <target>} element, and JUnit's {@code @TempDir} fails without it.
     */
    static void ensureTmpdir() {
        try {
            Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixture folder, such as {@code valid} or {@code broken}. */
    static Path fixture(String name) {
        try {
            return Path.of(SeedFixtures.class.getResource("/seed/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static SeedLoader loader(TestNeo4j.Instance neo4j) {
        Cypher cypher = neo4j.cypher();
        return new SeedLoader(cypher, new GraphSchema(cypher), new SimpleMeterRegistry());
    }

    /** Nodes per label and relationships per type, every one in the database, by the test's own driver. */
    static Map<String, Long> census(Driver driver) {
        Map<String, Long> counts = new LinkedHashMap<>();
        driver.executableQuery("""
                MATCH (n) UNWIND labels(n) AS label
                RETURN label AS name, count(*) AS count ORDER BY name
                UNION ALL
                MATCH ()-[r]->()
                RETURN type(r) AS name, count(*) AS count ORDER BY name
                """).execute().records().forEach(r -> counts.put(r.get("name").asString(), r.get("count").asLong()));
        return counts;
    }

    static long nodeCount(Driver driver) {
        return driver.executableQuery("MATCH (n) RETURN count(n) AS n").execute().records().get(0).get("n").asLong();
    }

    /** A file of the bundled seed (graph-seed/), parsed with its header. */
    static org.apache.commons.csv.CSVParser bundledFile(String file) throws IOException {
        return org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(Files.newBufferedReader(Path.of("graph-seed", file), java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The data rows of a file of the bundled seed. */
    static long bundledRows(String file) throws IOException {
        try (org.apache.commons.csv.CSVParser parser = bundledFile(file)) {
            return parser.getRecords().size();
        }
    }
}
