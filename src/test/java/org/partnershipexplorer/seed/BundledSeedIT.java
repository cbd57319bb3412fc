package org.partnershipexplorer.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.partnershipexplorer.support.ServiceTest;
import org.partnershipexplorer.support.TestNeo4j;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("the real seed in graph-seed/, as loaded by the service")
class RealSeedIT implements ServiceTest {

    private static final List<String> CONFIDENCES = List.of("verified", "reported", "estimate", "illustrative");

    @Test
    @DisplayName("every node and relationship carries a non-empty source and a known confidence")
    void everyFactHasProvenance() {
        Driver driver = TestNeo4j.shared().driver();
        long nodes = count(driver, "MATCH (n) WHERE NOT n:SeedState RETURN count(n) AS n");
        long relationships = count(driver, "MATCH ()-[r]->() RETURN count(r) AS n");
        long nodesWithout = count(driver, """
                MATCH (n) WHERE NOT n:SeedState
                  AND (n.source IS NULL OR trim(n.source) = '' OR NOT n.confidence IN $confidences)
                RETURN count(n) AS n""");
        long relationshipsWithout = count(driver, """
                MATCH ()-[r]->()
                WHERE r.source IS NULL OR trim(r.source) = '' OR NOT r.confidence IN $confidences
                RETURN count(r) AS n""");
        assertEquals(0, nodesWithout, "nodes without provenance among " + nodes);
        assertEquals(0, relationshipsWithout, "relationships without provenance among " + relationships);
    }

    @Test
    @DisplayName("the graph holds exactly the rows of the seed files")
    void countsMatchTheSeedFiles() {
        Driver driver = TestNeo4j.shared().driver();
        Map<String, Long> expected = Map.of(
                "Country", 197L, "Organization", 4L, "Mission", 37L, "Program", 8L, "Ministerial", 6L,
                "Pledge", 28L, "Deployment", 123L);
        expected.forEach((label, rows) -> assertEquals(rows,
                count(driver, "MATCH (n) WHERE $label IN labels(n) RETURN count(n) AS n", Map.of("label", label)),
                label));
        Map<String, Long> relationships = Map.of("CONTRIBUTES_TO", 3061L, "TRAINS", 127L, "DONATES_TO", 4L,
                "MEMBER_OF", 113L, "ATTENDED", 103L, "REPORTED", 123L, "PLEDGED", 28L, "MADE_AT", 28L);
        relationships.forEach((type, rows) -> assertEquals(rows,
                count(driver, "MATCH ()-[r]->() WHERE type(r) = $type RETURN count(r) AS n", Map.of("type", type)),
                type));
    }

    @Test
    @DisplayName("loaded without illustrative rows, no illustrative fact is left and the 33 sourced trainings stay")
    void withoutIllustrativeRows() {
        try (TestNeo4j.Instance neo4j = TestNeo4j.fresh()) {
            SeedFixtures.loader(neo4j).load(SeedSource.bundled(), false);
            Driver driver = neo4j.driver();
            assertEquals(0, count(driver, "MATCH (n {confidence: 'illustrative'}) RETURN count(n) AS n"));
            assertEquals(0, count(driver, "MATCH ()-[r {confidence: 'illustrative'}]->() RETURN count(r) AS n"));
            assertEquals(33, count(driver, "MATCH ()-[r:TRAINS]->() RETURN count(r) AS n"));
            assertEquals(197, count(driver, "MATCH (c:Country) RETURN count(c) AS n"));
        }
    }

    private static long count(Driver driver, String query) {
        return count(driver, query, Map.of("confidences", CONFIDENCES));
    }

    private static long count(Driver driver, String query, Map<String, Object> parameters) {
        return driver.executableQuery(query).withParameters(parameters).execute().records().get(0).get("n").asLong();
    }
}
