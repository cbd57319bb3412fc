package org.partnershipexplorer.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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

    @Test
    @DisplayName("the sums of squared degrees, one branch per label, are each field's sum over its label's nodes")
    void sumsOfSquaresPerField() {
        Map<String, Long> squares = counts.sumsOfSquares();
        assertEquals(ListSizes.FOLLOWS.stream().map(ListSizes.Follow::field).collect(Collectors.toSet()),
                squares.keySet());
        for (ListSizes.Follow follow : ListSizes.FOLLOWS) {
            // the plain way: each node's relationships of that type and direction counted, squared and summed
            String pattern = follow.out() ? "(n)-[r:" + follow.type() + "]->()" : "(n)<-[r:" + follow.type() + "]-()";
            assertEquals(count("MATCH (n:" + follow.label() + ") OPTIONAL MATCH " + pattern
                    + " WITH n, count(r) AS d RETURN sum(d * d) AS n"), squares.get(follow.field()), follow.field());
        }
        assertEquals(true, squares.get("*.trains") > 0);
        assertEquals(squares.get("Mission.contributions"), squares.get("Mission.contributors"));
    }

    private long count(String statement) {
        return cypher.read(org.partnershipexplorer.deadline.Deadline.NONE, statement, Map.of(),
                r -> r.get("n").asLong()).get(0);
    }
}
