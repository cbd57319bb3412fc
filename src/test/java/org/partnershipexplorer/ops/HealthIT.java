package org.partnershipexplorer.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.partnershipexplorer.support.GraphQLClient;
import org.partnershipexplorer.support.TestNeo4j;

@DisplayName("health for orchestrators")
class HealthIT {

    @Test
    @DisplayName("readiness is DOWN while Neo4j is away and UP again after, liveness stays UP throughout")
    void readinessFollowsNeo4jLivenessDoesNot() {
        try (TestNeo4j.Instance neo4j = TestNeo4j.fresh()) {
            Map<String, Object> properties = new HashMap<>(neo4j.properties());
            properties.put("explorer.seed.mode", "if-empty");
            properties.put("explorer.seed.dir", Path.of("src/test/resources/seed/valid").toAbsolutePath().toString());
            properties.put("explorer.neo4j.timeout", "1s");
            try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
                GraphQLClient client = new GraphQLClient(server.getURI());

                var ready = client.getPath("/health/readiness");
                assertEquals(200, ready.status(), ready.raw().body());
                assertEquals("UP", ready.body().path("status").asText());
                assertEquals("UP", ready.body().path("details").path("neo4j").path("status").asText());
                assertEquals("UP", ready.body().path("details").path("graphSchema").path("status").asText());
                assertEquals("UP", ready.body().path("details").path("seed").path("status").asText());
                assertEquals("LOADED", ready.body().path("details").path("seed").path("details").path("outcome")
                        .asText(), ready.raw().body());
                assertEquals(200, client.getPath("/health/liveness").status());

                neo4j.interrupt();
                var down = client.getPath("/health/readiness");
                assertEquals(503, down.status(), down.raw().body());
                assertEquals("DOWN", down.body().path("status").asText());
                assertEquals("DOWN", down.body().path("details").path("neo4j").path("status").asText());
                var alive = client.getPath("/health/liveness");
                assertEquals(200, alive.status(), alive.raw().body());
                assertEquals("UP", alive.body().path("status").asText());

                neo4j.resume();
                var back = client.getPath("/health/readiness");
                assertEquals(200, back.status(), back.raw().body());
                assertEquals("UP", back.body().path("status").asText());
            }
        }
    }
}
