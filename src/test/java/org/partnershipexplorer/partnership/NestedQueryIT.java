package org.partnershipexplorer.partnership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.partnershipexplorer.support.GraphQLClient;
import org.partnershipexplorer.support.ServiceTest;

@MicronautTest
// TestPropertyProvider (ServiceTest) is only read from a test instance that exists before the context starts
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("a nested query costs the same number of Cypher statements whatever its size (no N+1)")
class NestedQueryIT implements ServiceTest {

    @Inject
    EmbeddedServer server;

    @Test
    @DisplayName("countries, their trainees, the trainees' contributions and missions: 5 Asian countries (Bangladesh trains 20) and 100 countries cost the same")
    void nestedTraineesAreBatched() {
        GraphQLClient client = new GraphQLClient(server.getURI());
        var small = client.operation("nestedTrainees", Map.of("region", "Asia", "first", 5));
        var large = client.operation("nestedTrainees", Map.of("first", 100));
        assertTrue(small.errors().isMissingNode(), small.body().toString());
        assertTrue(large.errors().isMissingNode(), large.body().toString());
        int trainings = large.data().path("countries").path("edges").findValues("trains").stream()
                .mapToInt(t -> t.size()).sum();
        assertTrue(trainings > 50, "the large page really nests: " + trainings + " trainings");
        assertEquals(small.statements(), large.statements(),
                "statements: 5 Asian countries -> " + small.statements() + ", first 100 -> " + large.statements());
        // every level is fetched ahead in the page's statement (graphql.Prefetch, PrefetchIT)
        assertEquals(1, large.statements());
    }
}
