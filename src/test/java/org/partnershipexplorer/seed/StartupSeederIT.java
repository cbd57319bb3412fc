package org.partnershipexplorer.seed;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.partnershipexplorer.seed.SeedFixtures.census;
import static org.partnershipexplorer.seed.SeedFixtures.fixture;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.partnershipexplorer.neo4j.Cypher;
import org.partnershipexplorer.neo4j.GraphSchema;
import org.partnershipexplorer.seed.SeedOutcome.Status;
import org.partnershipexplorer.support.TestNeo4j;

@DisplayName("Seeding at start")
class StartupSeederIT {

    private static final SeedSource VALID = SeedSource.directory(fixture("valid"));

    private TestNeo4j.Instance neo4j;
    private Driver driver;

    @BeforeAll
    static void tmpdir() {
        SeedFixtures.ensureTmpdir();
    }

    @BeforeEach
    void start() {
        neo4j = TestNeo4j.cleared();
        driver = neo4j.driver();
    }

    @AfterEach
    void stop() {
        neo4j.close();
    }

    /** A seeder as one service instance has it: its own query helper, loader and lock owner id. */
    private StartupSeeder instance(Duration maxWait, Duration staleAfter) {
        Cypher cypher = neo4j.cypher();
        GraphSchema schema = new GraphSchema(cypher);
        return new StartupSeeder(cypher, schema, new SeedLoader(cypher, schema, new SimpleMeterRegistry()), maxWait, staleAfter,
                Duration.ofMillis(100));
    }

    private StartupSeeder instance() {
        return instance(Duration.ofMinutes(1), Duration.ofMinutes(10));
    }

    @Test
    @DisplayName("two instances starting together on an empty database load the seed once")
    void racingInstancesLoadOnce() throws Exception {
        StartupSeeder first = instance();
        StartupSeeder second = instance();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<SeedOutcome>> outcomes = List.of(
                    pool.submit(() -> { go.await(); return first.seed(SeedMode.IF_EMPTY, VALID, true); }),
                    pool.submit(() -> { go.await(); return second.seed(SeedMode.IF_EMPTY, VALID, true); }));
            go.countDown();
            List<Status> statuses = List.of(outcomes.get(0).get().status(), outcomes.get(1).get().status());

            assertEquals(1, statuses.stream().filter(s -> s == Status.LOADED).count(), statuses::toString);
            assertEquals(1, statuses.stream().filter(s -> s == Status.ALREADY_LOADED).count(), statuses::toString);
        } finally {
            pool.shutdownNow();
        }
        Map<String, Long> expected = new java.util.HashMap<>(SeedLoaderIT.FULL);
        expected.put("SeedState", 1L);
        assertEquals(expected, census(driver));
        assertEquals(List.of("loaded"), seedStates());
    }

    @Test
    @DisplayName("if-empty leaves a loaded database alone; always loads it again to the same graph")
    void ifEmptyThenAlways() {
        assertEquals(Status.LOADED, instance().seed(SeedMode.IF_EMPTY, VALID, true).status());
        SeedOutcome again = instance().seed(SeedMode.IF_EMPTY, VALID, true);
        assertEquals(Status.ALREADY_LOADED, again.status());
        assertNull(again.report());

        SeedOutcome always = instance().seed(SeedMode.ALWAYS, VALID, true);

        assertEquals(Status.LOADED, always.status());
        assertEquals(10L, always.report().nodes().get("Actor"));
        assertEquals(List.of("loaded"), seedStates());
    }

    @Test
    @DisplayName("if-empty on a store whose seed is loaded decides from one read: nothing is written, not even the lock")
    void keptStoreIsReadNotLocked() {
        assertEquals(Status.LOADED, instance().seed(SeedMode.IF_EMPTY, VALID, true).status());
        Cypher cypher = neo4j.cypher();
        GraphSchema schema = new GraphSchema(cypher);
        StartupSeeder kept = new StartupSeeder(cypher, schema, new SeedLoader(cypher, schema, new SimpleMeterRegistry()),
                Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofMillis(100));
        schema.ensure();
        long writesBefore = cypher.writesCommitted();

        assertEquals(Status.ALREADY_LOADED, kept.seed(SeedMode.IF_EMPTY, VALID, true).status());
        assertEquals(writesBefore, cypher.writesCommitted());
        assertEquals(List.of("loaded"), seedStates());
    }

    @Test
    @DisplayName("if-empty leaves a database that holds other data as it is, and never runs under never")
    void ifEmptyRespectsExistingData() {
        driver.executableQuery("CREATE (:Country:Actor {iso3: 'FRA', id: 'FRA'})").execute();

        assertEquals(Status.DISABLED, instance().seed(SeedMode.NEVER, VALID, true).status());
        assertEquals(Status.NOT_EMPTY, instance().seed(SeedMode.IF_EMPTY, VALID, true).status());

        assertEquals(Map.of("Actor", 1L, "Country", 1L), census(driver));
    }

    @Test
    @DisplayName("a broken seed fails the start, releases the lock and leaves the database as it was")
    void brokenSeedReleasesLock() {
        SeedSource broken = SeedSource.directory(fixture("broken"));

        SeedValidationException e = assertThrows(SeedValidationException.class,
                () -> instance().seed(SeedMode.IF_EMPTY, broken, true));

        assertEquals(23, e.getErrors().size());
        assertEquals(Map.of(), census(driver));
        assertEquals(Status.LOADED, instance().seed(SeedMode.IF_EMPTY, VALID, true).status());
    }

    @Test
    @DisplayName("an instance waits for a loading lock, and gives up after the wait with a clear error")
    void waitsForLiveLock() {
        driver.executableQuery("""
                CREATE (:SeedState {id: 'seed', status: 'loading', owner: 'other', startedAt: datetime()})
                """).execute();

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> instance(Duration.ofMillis(500), Duration.ofMinutes(10)).seed(SeedMode.IF_EMPTY, VALID, true));

        assertEquals("Another instance has been loading the seed for longer than PT0.5S; giving up. "
                + "If it died, its lock expires after PT10M", e.getMessage());
        assertEquals(Map.of("SeedState", 1L), census(driver));
    }

    @Test
    @DisplayName("a loading lock older than the stale age is taken over and the seed loaded")
    void takesOverStaleLock() {
        driver.executableQuery("""
                CREATE (:SeedState {id: 'seed', status: 'loading', owner: 'dead',
                                    startedAt: datetime() - duration({minutes: 11})})
                """).execute();

        assertEquals(Status.LOADED, instance().seed(SeedMode.IF_EMPTY, VALID, true).status());

        assertEquals(List.of("loaded"), seedStates());
        assertEquals(10L, census(driver).get("Actor"));
    }

    private List<String> seedStates() {
        return driver.executableQuery("MATCH (s:SeedState) RETURN s.status AS status").execute().records().stream()
                .map(r -> r.get("status").asString()).toList();
    }
}
