package org.partnershipexplorer.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.partnershipexplorer.neo4j.CountStore;
import org.partnershipexplorer.neo4j.Cypher;
import org.partnershipexplorer.support.ServiceTest;

/** The graph's totals behind the cost limit, read at start through Neo4j's statistics procedure, on the frozen seed. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("the graph's counts for the cost limit")
class GraphCountsIT implements ServiceTest {

    @Inject
    GraphCounts counts;

    @Inject
    Cypher cypher;

    @Test
    @DisplayName("the statistics procedure gives every label's and type's total as the count statements do")
    void statisticsProcedureMatchesCountStatements() {
        // both in one test: other test classes share this database and may write between two tests
        CountStore.Totals statistics = counts.store().fromStatistics();
        CountStore.Totals statements = counts.store().fromStatements();

        assertEquals(statements, statistics);
        assertEquals(Set.copyOf(GraphCounts.LABELS), statistics.labels().keySet());
        assertEquals(Set.copyOf(GraphCounts.TYPES), statistics.types().keySet());
        assertEquals(count("MATCH (n:Country) RETURN count(n) AS n"), statistics.labels().get("Country"));
        assertEquals(count("MATCH ()-[r:TRAINS]->() RETURN count(r) AS n"), statistics.types().get("TRAINS"));
    }

    private long count(String statement) {
        return cypher.read(org.partnershipexplorer.deadline.Deadline.NONE, statement, Map.of(),
                r -> r.get("n").asLong()).get(0);
    }
}
