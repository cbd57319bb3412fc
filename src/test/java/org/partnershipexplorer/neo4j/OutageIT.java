package org.partnershipexplorer.neo4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.partnershipexplorer.access.Tokens;
import org.partnershipexplorer.support.GraphQLClient;
import org.partnershipexplorer.support.TestNeo4j;

@DisplayName("a Neo4j outage")
class OutageIT {

    static final String SECRET = "outage-secret-outage-secret-outage-secret-0123";

    @Test
    @DisplayName("answers SERVICE_UNAVAILABLE within a few seconds to a query and to a mutation (which writes nothing), health DOWN; the service recovers by itself")
    void outageIsReportedQuicklyAndRecovered() {
        try (TestNeo4j.Instance neo4j = TestNeo4j.fresh()) {
            Map<String, Object> properties = new HashMap<>(neo4j.properties());
            properties.put("explorer.seed.mode", "never");
            properties.put("explorer.neo4j.timeout", "1s");
            properties.put("explorer.security.jwt-secret", SECRET);
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

                // a mutation during the outage: SERVICE_UNAVAILABLE, and nothing of it once the database is back
                GraphQLClient editor = client.withToken(Tokens.mint(SECRET, "alice", List.of("editor"), Duration.ofHours(1)));
                String create = """
                        mutation { createOrganization(input: {code: "OUTAGE", name: "Written during an outage",
                          confidence: REPORTED, source: "test"}) { id } }""";
                long writeStarted = System.nanoTime();
                var write = editor.query(create);
                long writeMs = (System.nanoTime() - writeStarted) / 1_000_000;
                assertEquals("SERVICE_UNAVAILABLE", write.errorCode(), write.raw().body());
                assertTrue(writeMs < 10_000, "the write answered in " + writeMs + " ms");

                neo4j.resume();
                assertEquals("0", client.query(query).data().path("countries").path("totalCount").asText());
                assertEquals(0, neo4j.driver().executableQuery("MATCH (o:Organization {code: 'OUTAGE'}) RETURN count(o) AS n")
                        .execute().records().get(0).get("n").asLong());
                // and the same write succeeds now
                assertEquals("OUTAGE", editor.query(create).data().path("createOrganization").path("id").asText());
                assertEquals("UP", client.getPath("/health").body().path("status").asText());
            }
        }
    }
}
