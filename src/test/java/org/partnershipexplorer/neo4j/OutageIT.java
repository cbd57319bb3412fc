package org.partnershipexplorer.neo4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.partnershipexplorer.support.GraphQLClient;
import org.partnershipexplorer.support.TestNeo4j;

@DisplayName("a Neo4j outage")
class OutageIT {

    @Test
    @DisplayName("answers SERVICE_UNAVAILABLE within a few seconds and health DOWN; the service recovers by itself")
    void outageIsReportedQuicklyAndRecovered() {
        try (TestNeo4j.Instance neo4j = TestNeo4j.fresh()) {
            Map<String, Object> properties = new HashMap<>(neo4j.properties());
            properties.put("explorer.seed.mode", "never");
            properties.put("explorer.neo4j.timeout", "2s");
            try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
                GraphQLClient client = new GraphQLClient(server.getURI());
                String query = "{ countries { totalCount } }";
                assertEquals("0", client.query(query).data().path("countries").path("totalCount").asText());

                neo4j.interrupt();
                long started = System.nanoTime();
                var during = client.query(query);
                long elapsedMs = (System.nanoTime() - started) / 1_000_000;
                assertEquals("SERVICE_UNAVAILABLE", during.errorCode(), during.status() + " " + during.raw().body());
                assertEquals("The graph database cannot be reached; try again shortly",
                        during.errors().path(0).path("message").asText());
                assertTrue(elapsedMs < 10_000, "answered in " + elapsedMs + " ms");
                var health = client.getPath("/health");
                assertEquals(503, health.status());
                assertEquals("DOWN", health.body().path("status").asText());

                neo4j.resume();
                assertEquals("0", client.query(query).data().path("countries").path("totalCount").asText());
                assertEquals("UP", client.getPath("/health").body().path("status").asText());
            }
        }
    }
}
