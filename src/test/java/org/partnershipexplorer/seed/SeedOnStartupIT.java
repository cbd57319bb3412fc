package org.partnershipexplorer.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnershipexplorer.seed.SeedFixtures.census;
import static org.partnershipexplorer.seed.SeedFixtures.fixture;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.partnershipexplorer.startup.StartupPhases;
import org.partnershipexplorer.support.TestNeo4j;

@DisplayName("The application context seeds while it starts")
class SeedOnStartupIT {

    private TestNeo4j.Instance neo4j;

    @BeforeAll
    static void tmpdir() {
        SeedFixtures.ensureTmpdir();
    }

    @BeforeEach
    void start() {
        neo4j = TestNeo4j.cleared();
    }

    @AfterEach
    void stop() {
        neo4j.close();
    }

    private Map<String, Object> properties(String dir, String mode) {
        Map<String, Object> properties = new HashMap<>(neo4j.properties());
        properties.put("explorer.seed.dir", dir);
        properties.put("explorer.seed.mode", mode);
        return properties;
    }

    @Test
    @DisplayName("a valid EXPLORER_SEED_DIR is loaded before the context is up, by default without its illustrative actor")
    void seedsValidFolder() {
        try (ApplicationContext context = ApplicationContext.run(properties(fixture("valid").toString(), "if-empty"))) {
            // the fixture has 10 actors, one of them defined only by an illustrative row
            assertEquals(9L, census(neo4j.driver()).get("Actor"));
            assertTrue(context.isRunning());
        }
    }

    @Test
    @DisplayName("once the seed is in, the graph's counts and the change log are read in the background, before any HTTP server is up")
    void backgroundReadsBeginOnceSettled() throws Exception {
        try (ApplicationContext context = ApplicationContext.run(properties(fixture("valid").toString(), "if-empty"))) {
            StartupPhases phases = context.getBean(StartupPhases.class);
            // a bound for a stuck read, not a measure
            phases.backgroundDone().get(2, TimeUnit.MINUTES);

            assertEquals(List.of("change feed", "graph counts"), phases.phases().stream()
                    .filter(p -> p.detail().equals("background")).map(StartupPhases.Phase::name).sorted().toList());
            assertEquals(List.of(), phases.pending());
        }
    }

    @Test
    @DisplayName("with start-up seeding off, the graph's counts and the change log are read once the HTTP server is up, and not before")
    void backgroundReadsBeginWithTheServerWhenSeedingIsOff() throws Exception {
        Map<String, Object> properties = properties(fixture("valid").toString(), "if-empty");
        properties.put("explorer.seed.on-startup", "false");
        properties.put("explorer.warm-up.enabled", "false");
        properties.put("micronaut.server.port", "-1");
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            StartupPhases phases = context.getBean(StartupPhases.class);
            // no server yet: nothing says the graph is settled, so neither read has begun
            assertEquals(List.of("change feed", "graph counts"), phases.pending().stream().sorted().toList());
            assertEquals(true, phases.runningDone().isDone());

            context.getBean(io.micronaut.runtime.server.EmbeddedServer.class).start();
            // a bound for a stuck read, not a measure
            phases.backgroundDone().get(2, TimeUnit.MINUTES);
            assertEquals(List.of("change feed", "graph counts"), phases.phases().stream()
                    .filter(p -> p.detail().equals("background")).map(StartupPhases.Phase::name).sorted().toList());
            assertEquals(Map.of(), census(neo4j.driver()));
        }
    }

    @Test
    @DisplayName("a context closed right after it started waits for the start's background reads: none fails under a closed driver")
    void closeWaitsForBackgroundReads() {
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        try {
            ApplicationContext.run(properties(fixture("valid").toString(), "if-empty")).close();
        } finally {
            root.detachAppender(captured);
        }

        // the driver's retries and the service's own reads; not what other libraries say of their metrics
        assertEquals(List.of(), captured.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .filter(e -> e.getLoggerName().startsWith("org.neo4j.driver")
                        || e.getLoggerName().startsWith("org.partnershipexplorer"))
                .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage()).toList());
    }

    @Test
    @DisplayName("a broken seed fails the start with every error in the message, and writes nothing")
    void brokenSeedFailsStart() {
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> ApplicationContext.run(properties(fixture("broken").toString(), "if-empty")).close());

        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertEquals("The seed in " + fixture("broken") + " has 23 bad rows (listed above); the service does not "
                + "start", cause.getMessage());
        assertEquals(Map.of(), census(neo4j.driver()));
    }

    @Test
    @DisplayName("a bad EXPLORER_SEED fails the start naming the accepted values")
    void badModeFailsStart() {
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> ApplicationContext.run(properties("", "sometimes")).close());

        assertTrue(e.getMessage().contains("EXPLORER_SEED (explorer.seed.mode) must be if-empty, always, never, "
                + "not 'sometimes'"), e.getMessage());
    }
}
