package org.partnershipexplorer.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.micronaut.context.ApplicationContext;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.graphdb.config.Setting;
import org.partnershipexplorer.neo4j.Cypher;
import org.partnershipexplorer.neo4j.EmbeddedMemory;
import org.partnershipexplorer.neo4j.EmbeddedNeo4j;
import org.partnershipexplorer.neo4j.GraphSchema;
import org.partnershipexplorer.neo4j.Neo4jSettings;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Neo4jContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Decides which real Neo4j the tests talk to over Bolt: a Testcontainers {@code neo4j:5.26} container where a
 * Docker engine answers, otherwise an embedded Neo4j 5.26 started in the test JVM. Never a mock.
 *
 * <p>{@code -Dexplorer.test.neo4j=embedded|container} forces one of the two.
 */
public final class TestNeo4j {

    private static Instance shared;

    private TestNeo4j() {
    }

    /**
     * The instance shared by the whole test JVM, holding the frozen seed. Embedded, it starts on a copy of the store
     * that {@link #withFrozenSeed()} copies too, so that the frozen seed is loaded once per JVM, not once for the
     * readers and again for the writers; in a container, the first application context to start on it loads the seed.
     */
    public static synchronized Instance shared() {
        if (shared == null) {
            shared = closedAtExit(withFrozenSeed());
        }
        return shared;
    }

    /** A new, empty instance for a test that needs a database of its own; the caller closes it. */
    public static Instance fresh() {
        return start();
    }

    /**
     * A new, empty instance that samples its indexes only when asked ({@code db.prepareForReplanning}), never in the
     * background; the caller closes it. Its planner keeps estimating from what the indexes held when they were
     * created, as any store's does in the seconds after a load until the background sampling catches up: the state
     * in which Neo4j 5.26 refused some of the service's statements, here for as long as a test needs it.
     */
    public static Instance withoutIndexSampling() {
        return inContainer() ? Instance.container(Map.of("db.index_sampling.background_enabled", "false"))
                : Instance.embedded(Map.of(GraphDatabaseSettings.index_background_sampling_enabled, false));
    }

    private static Instance scratch;

    /** A server kept for the whole test JVM, stopped when the JVM exits. */
    private static Instance closedAtExit(Instance instance) {
        Runtime.getRuntime().addShutdownHook(new Thread(instance::close));
        return instance;
    }

    /**
     * An empty database, as {@link #fresh()} gives, on one server kept for the whole test JVM: each call first
     * removes everything the previous test left (data, constraints and indexes, all but the two token lookup
     * indexes a new store has), so that the test starts on what a new store holds without paying for a server's
     * start and stop. Closing what it returns leaves the server running; it cannot be taken away
     * ({@link Instance#interrupt()}). For tests that use one empty database at a time, not two side by side.
     */
    public static synchronized Instance emptied() {
        scratch().empty();
        return new Instance(scratch);
    }

    /** The server {@link #emptied()} and {@link #cleared()} keep, started by the first of them. */
    private static Instance scratch() {
        if (scratch == null) {
            scratch = closedAtExit(start());
        }
        return scratch;
    }

    /**
     * An empty database holding the service's schema, on the server {@link #emptied()} keeps: the data the previous test
     * left is deleted, and its constraints and indexes are kept when they are exactly the ones the service creates;
     * anything else (a rule of the test's own, an outdated index, a partial schema) is dropped and the service's
     * schema created again ({@link GraphSchema#ensure()}). This is a store the service seeded once and then emptied:
     * a start on it finds the schema in place. For tests of loading and seeding, not of the schema's creation, which
     * take {@link #emptied()}.
     *
     * <p>Why: a change of schema makes Neo4j plan every statement anew, and most of these tests' time on a store
     * emptied of its schema too went into planning the same load statements again (a 44-row load took 1.1 to 2.4 s
     * with the schema dropped before it, 0.5 s with it kept).
     */
    public static synchronized Instance cleared() {
        scratch().clear();
        return new Instance(scratch);
    }

    /**
     * A new instance of the test's own holding the frozen seed as the service's start-up seeding leaves it; the
     * caller closes it. Embedded, it starts on a copy of a store that the service seeded once per JVM and then
     * stopped cleanly, so that each class that writes does not pay for the load again (the service starting on it
     * finds the seed loaded, as after a restart). In a container, the service loads the seed as before.
     */
    public static Instance withFrozenSeed() {
        if (inContainer()) {
            return Instance.container(Map.of());
        }
        try {
            Path copy = Files.createTempDirectory(storeBase(), "store-");
            copyTree(frozenSeedTemplate(), copy);
            return Instance.embedded(copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies the store holding the frozen seed (seeded once per JVM, then stopped cleanly) into {@code home}, for a
     * service started as a process of its own: it starts on a kept store, with its schema in place, instead of
     * creating the schema on an empty one (ShutdownIT, where what is tested is the stop).
     */
    public static void copyFrozenSeedStore(Path home) {
        try {
            copyTree(frozenSeedTemplate(), home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path frozenSeedTemplate;

    /**
     * The template store: seeded by a service context (no HTTP server) with the frozen seed, then stopped. The context
     * seeds it as a service seeds a brand-new embedded store, through Neo4j's offline importer before its server
     * starts: about 4 s sooner in a cold test JVM than the same rows over Bolt, whose statements Neo4j plans first
     * (bench/README.md). {@code -Dexplorer.test.frozen-seed-over-bolt=true} loads it over Bolt instead, into a server
     * started for it, to run any test against a store seeded that way (OfflineImportIT compares the two).
     */
    private static synchronized Path frozenSeedTemplate() throws IOException {
        if (frozenSeedTemplate == null) {
            Path home = Files.createTempDirectory(storeBase(), "frozen-seed-template-");
            Map<String, Object> properties = new HashMap<>();
            properties.put("explorer.seed.mode", "if-empty");
            properties.putAll(FrozenSeed.properties());
            properties.put("explorer.warm-up.enabled", "false");
            if (!Boolean.getBoolean("explorer.test.frozen-seed-over-bolt")) {
                properties.put("explorer.neo4j.uri", "");
                properties.put("explorer.neo4j.data-dir", home.toString());
                properties.put("explorer.neo4j.bolt-port", "0");
                try (ApplicationContext context = ApplicationContext.run(properties, "test")) {
                    // imported before the server started, the schema and the seed's state written while it starts
                }
            } else {
                try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(home, 0, Duration.ofSeconds(30))) {
                    properties.put("explorer.neo4j.uri", neo4j.boltUri().toString());
                    properties.put("explorer.neo4j.password", "");
                    try (ApplicationContext context = ApplicationContext.run(properties, "test")) {
                        // the seed is loaded while the context starts (seed.SeedOnStartup)
                    }
                }
            }
            frozenSeedTemplate = home;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> Instance.deleteQuietly(home)));
        }
        return frozenSeedTemplate;
    }

    private static Path storeBase() throws IOException {
        Path base = Path.of(System.getProperty("java.io.tmpdir"), "neo4j");
        Files.createDirectories(base);
        return base;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static Instance start() {
        return inContainer() ? Instance.container(Map.of()) : Instance.embedded(Map.of());
    }

    /** Whether the tests' Neo4j runs in a container: forced so, or not forced and a Docker engine answers. */
    private static boolean inContainer() {
        String forced = System.getProperty("explorer.test.neo4j", "");
        return forced.equals("container") || (forced.isEmpty() && dockerAvailable());
    }

    private static boolean dockerAvailable() {
        // Asking Testcontainers where no engine can be logs a page of errors; look for one first.
        boolean socket = Files.exists(Path.of("/var/run/docker.sock"));
        if (!socket && System.getenv("DOCKER_HOST") == null) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** One running Neo4j, reachable over Bolt; it can be taken away and brought back to test outages. */
    public static final class Instance implements AutoCloseable {
        private final URI boltUri;
        private final Path home;
        private final Outage outage;
        private Driver driver;

        /** How an instance is taken away for a while, brought back, and stopped for good. */
        private interface Outage {
            void interrupt();

            void resume();

            void close();
        }

        /** The server this instance only borrows (see {@link TestNeo4j#emptied()}), or null when it owns one. */
        private final Instance lender;

        /**
         * The service's constraints and indexes as SHOW lists them, recorded the first time {@link #clear()} created
         * them on this server.
         */
        private List<String> serviceSchema;

        private Instance(URI boltUri, Path home, Outage outage) {
            this.boltUri = boltUri;
            this.home = home;
            this.outage = outage;
            this.lender = null;
        }

        private Instance(Instance lender) {
            this.boltUri = lender.boltUri;
            this.home = null;
            this.outage = null;
            this.lender = lender;
        }

        /**
         * Deletes every node and relationship, then every constraint and index but the token lookup indexes, and
         * checks that nothing is left: what follows must see a store as a new one is.
         */
        private void empty() {
            deleteData();
            dropSchema();
        }

        /** Deletes every node and relationship, and makes the schema the service's, as {@link #cleared()} says. */
        private void clear() {
            deleteData();
            if (serviceSchema != null && serviceSchema.equals(schema())) {
                return;
            }
            dropSchema();
            new GraphSchema(cypher()).ensure();
            serviceSchema = schema();
        }

        /** Every constraint and index but the token lookup indexes, each as the statement that would create it. */
        private List<String> schema() {
            List<String> rules = new ArrayList<>();
            driver().executableQuery("SHOW CONSTRAINTS YIELD createStatement").execute().records()
                    .forEach(r -> rules.add(r.get(0).asString()));
            driver().executableQuery("SHOW INDEXES YIELD type, state, createStatement WHERE type <> 'LOOKUP' "
                    + "RETURN state + ' ' + createStatement").execute().records()
                    .forEach(r -> rules.add(r.get(0).asString()));
            Collections.sort(rules);
            return rules;
        }

        private void deleteData() {
            Driver driver = driver();
            try (var session = driver.session()) {
                // in batches: a test may leave more than one transaction's memory should hold
                session.run("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume();
            }
        }

        private void dropSchema() {
            Driver driver = driver();
            for (var constraint : driver.executableQuery("SHOW CONSTRAINTS YIELD name").execute().records()) {
                driver.executableQuery("DROP CONSTRAINT `" + constraint.get("name").asString() + "`").execute();
            }
            for (var index : driver.executableQuery("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP'")
                    .execute().records()) {
                driver.executableQuery("DROP INDEX `" + index.get("name").asString() + "`").execute();
            }
            long left = driver.executableQuery("MATCH (n) RETURN count(n) AS n").execute().records().get(0).get("n")
                    .asLong()
                    + driver.executableQuery("SHOW CONSTRAINTS").execute().records().size()
                    + driver.executableQuery("SHOW INDEXES YIELD type WHERE type <> 'LOOKUP' RETURN type").execute()
                            .records().size();
            if (left != 0) {
                throw new IllegalStateException("the shared test database still holds " + left + " elements or indexes");
            }
        }

        /** An embedded server on a new store, with Neo4j settings of the test's over the service's. */
        static Instance embedded(Map<Setting<?>, Object> settings) {
            try {
                return embedded(Files.createTempDirectory(storeBase(), "store-"), settings);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** An embedded server on the store under {@code home}, which it deletes when closed. */
        static Instance embedded(Path home) {
            return embedded(home, Map.of());
        }

        private static Instance embedded(Path home, Map<Setting<?>, Object> settings) {
            {
                EmbeddedNeo4j first = EmbeddedNeo4j.start(home, 0, Duration.ofSeconds(30), EmbeddedMemory.DEFAULTS,
                        settings);
                int port = first.boltUri().getPort();
                Outage outage = new Outage() {
                    private EmbeddedNeo4j running = first;

                    @Override
                    public synchronized void interrupt() {
                        running.close();
                        running = null;
                    }

                    @Override
                    public synchronized void resume() {
                        // the same store on the same port: to a client, the same server come back
                        running = EmbeddedNeo4j.start(home, port, Duration.ofSeconds(30), EmbeddedMemory.DEFAULTS,
                                settings);
                    }

                    @Override
                    public synchronized void close() {
                        if (running != null) {
                            running.close();
                            running = null;
                        }
                    }
                };
                return new Instance(first.boltUri(), home, outage);
            }
        }

        /** A Neo4j 5.26 container with settings of the test's ({@code db.index_sampling.background_enabled}). */
        @SuppressWarnings("resource")
        static Instance container(Map<String, String> settings) {
            Neo4jContainer<?> neo4j = new Neo4jContainer<>(DockerImageName.parse("neo4j:5.26"))
                    .withoutAuthentication();
            settings.forEach(neo4j::withNeo4jConfig);
            neo4j.start();
            // A paused container keeps its port mapping and its data, unlike a stopped one.
            Outage outage = new Outage() {
                @Override
                public void interrupt() {
                    neo4j.getDockerClient().pauseContainerCmd(neo4j.getContainerId()).exec();
                }

                @Override
                public void resume() {
                    neo4j.getDockerClient().unpauseContainerCmd(neo4j.getContainerId()).exec();
                }

                @Override
                public void close() {
                    neo4j.stop();
                }
            };
            return new Instance(URI.create(neo4j.getBoltUrl()), null, outage);
        }

        /** Takes the database away, as an outage would. */
        public void interrupt() {
            ownServer().interrupt();
        }

        /** Brings it back at the same address with the same data. */
        public void resume() {
            ownServer().resume();
        }

        private Outage ownServer() {
            if (lender != null) {
                throw new UnsupportedOperationException("the shared empty database cannot be taken away: use fresh()");
            }
            return outage;
        }

        public URI boltUri() {
            return boltUri;
        }

        /** The application properties that point the service at this instance. */
        public Map<String, String> properties() {
            Map<String, String> properties = new HashMap<>();
            properties.put("explorer.neo4j.uri", boltUri.toString());
            properties.put("explorer.neo4j.password", "");
            return properties;
        }

        /** The service's statement runner over {@link #driver()}, for a test that drives the service's classes itself. */
        public Cypher cypher() {
            Neo4jSettings settings = new Neo4jSettings(boltUri.toString(), "neo4j", "", "neo4j",
                    Path.of("unused"), 0, Duration.ofSeconds(5), Duration.ofSeconds(30));
            return new Cypher(driver(), settings);
        }

        /** A driver for the test's own look at the database (checking what a request wrote, counting nodes). */
        public synchronized Driver driver() {
            if (lender != null) {
                return lender.driver();
            }
            if (driver == null) {
                driver = GraphDatabase.driver(boltUri, AuthTokens.none());
            }
            return driver;
        }

        @Override
        public synchronized void close() {
            if (lender != null) {
                return; // the server stays for the next test, which empties it first
            }
            if (driver != null) {
                driver.close();
            }
            outage.close();
            if (home != null) {
                deleteQuietly(home);
            }
        }

        private static void deleteQuietly(Path dir) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // a leftover temp folder under target/ is harmless
            }
        }
    }
}
