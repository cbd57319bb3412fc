package org.partnershipexplorer.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.partnershipexplorer.neo4j.EmbeddedNeo4j;
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

    /** The instance shared by the whole test JVM; the first application context to start on it loads the seed. */
    public static synchronized Instance shared() {
        if (shared == null) {
            shared = start();
            Instance toClose = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(toClose::close));
        }
        return shared;
    }

    /** A new, empty instance for a test that needs a database of its own; the caller closes it. */
    public static Instance fresh() {
        return start();
    }

    private static Instance start() {
        String forced = System.getProperty("explorer.test.neo4j", "");
        boolean container = forced.equals("container") || (forced.isEmpty() && dockerAvailable());
        return container ? Instance.container() : Instance.embedded();
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** One running Neo4j, reachable over Bolt. */
    public static final class Instance implements AutoCloseable {
        private final URI boltUri;
        private final Runnable stop;
        private final Path home;
        private Driver driver;

        private Instance(URI boltUri, Runnable stop, Path home) {
            this.boltUri = boltUri;
            this.stop = stop;
            this.home = home;
        }

        static Instance embedded() {
            try {
                Path base = Path.of(System.getProperty("java.io.tmpdir"), "neo4j");
                Files.createDirectories(base);
                Path home = Files.createTempDirectory(base, "store-");
                EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(home, 0, Duration.ofSeconds(30));
                return new Instance(neo4j.boltUri(), neo4j::close, home);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @SuppressWarnings("resource")
        static Instance container() {
            Neo4jContainer<?> neo4j = new Neo4jContainer<>(DockerImageName.parse("neo4j:5.26"))
                    .withoutAuthentication();
            neo4j.start();
            return new Instance(URI.create(neo4j.getBoltUrl()), neo4j::stop, null);
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

        /** A driver for the test's own look at the database (checking what a request wrote, counting nodes). */
        public synchronized Driver driver() {
            if (driver == null) {
                driver = GraphDatabase.driver(boltUri, AuthTokens.none());
            }
            return driver;
        }

        @Override
        public synchronized void close() {
            if (driver != null) {
                driver.close();
            }
            stop.run();
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
