package org.partnershipexplorer.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.partnershipexplorer.support.GraphQLClient;
import org.partnershipexplorer.support.TestNeo4j;

/**
 * One start, looked at twice: what ran is recorded as the background ended, before the readiness test holds a phase of
 * its own, so that the two tests need one database and one service between them.
 */
@DisplayName("the start: its phases and when it says ready")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StartupIT {

    private TestNeo4j.Instance neo4j;
    private EmbeddedServer server;
    private StartupPhases phases;
    /** The phases and what was pending once the start's background had ended. */
    private List<StartupPhases.Phase> ranAtStart;
    private List<String> pendingAtStart;

    @BeforeAll
    void start() throws Exception {
        neo4j = TestNeo4j.emptied();
        server = ApplicationContext.run(EmbeddedServer.class, properties(neo4j));
        phases = server.getApplicationContext().getBean(StartupPhases.class);
        // a bound for a stuck start, not a measure: the assertions are on what ran, never on how long
        phases.backgroundDone().get(5, TimeUnit.MINUTES);
        ranAtStart = phases.phases();
        pendingAtStart = phases.pending();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.getApplicationContext().close();
        }
        if (neo4j != null) {
            neo4j.close();
        }
    }

    private static Map<String, Object> properties(TestNeo4j.Instance neo4j) {
        Map<String, Object> properties = new HashMap<>(neo4j.properties());
        // a readiness check answers at once, without waiting for the background to end
        properties.put("explorer.startup.readiness-wait", "0s");
        properties.put("explorer.seed.mode", "if-empty");
        properties.put("explorer.seed.dir", Path.of("src/test/resources/seed/valid").toAbsolutePath().toString());
        properties.put("micronaut.server.port", -1);
        return properties;
    }

    @Test
    @DisplayName("the schema, then the seed, hold the HTTP server back; the graph's counts and the change feed's first "
            + "read follow in the background")
    void phasesInOrder() {
        List<String> held = ranAtStart.stream().filter(p -> !p.detail().equals("background"))
                .map(p -> p.name() + " (" + p.detail() + ")").toList();
        // the GraphQL schema is built whenever Micronaut creates its bean: its place among the others is not ours
        assertEquals(List.of("schema (created)", "seed (LOADED)"),
                held.stream().filter(p -> !p.startsWith("GraphQL schema")).toList());
        assertEquals(1, held.stream().filter(p -> p.startsWith("GraphQL schema")).count(), held.toString());
        assertEquals(List.of("change feed", "graph counts"), ranAtStart.stream()
                .filter(p -> p.detail().equals("background")).map(StartupPhases.Phase::name).sorted().toList());
        assertEquals(List.of(), pendingAtStart);
    }

    @Test
    @DisplayName("readiness says DOWN, naming it, while a background phase of the start runs, and UP once it has ended")
    void readinessWaitsForTheBackground() throws Exception {
        GraphQLClient client = new GraphQLClient(server.getURI());
        assertEquals(200, client.getPath("/health/readiness").status());

        StartupPhases.Background held = phases.expect("held by the test");
        var down = client.getPath("/health/readiness");
        assertEquals(503, down.status(), down.raw().body());
        var startup = down.body().path("details").path("startup");
        assertEquals("DOWN", startup.path("status").asText(), down.raw().body());
        assertEquals("[\"held by the test\"]", startup.path("details").path("pending").toString());

        held.run(() -> "done").get(1, TimeUnit.MINUTES);
        var up = client.getPath("/health/readiness");
        assertEquals(200, up.status(), up.raw().body());
        assertEquals("UP", up.body().path("details").path("startup").path("status").asText());
    }
}
