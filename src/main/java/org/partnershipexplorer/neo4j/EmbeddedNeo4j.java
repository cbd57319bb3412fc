package org.partnershipexplorer.neo4j;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.config.Setting;
import org.neo4j.graphdb.Transaction;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Neo4j 5.26 Community server inside this JVM, reachable only over Bolt on 127.0.0.1.
 *
 * <p>The service talks to it through the driver exactly as it talks to an external server, so the
 * embedded and the external deployments run the same code path.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedNeo4j.class);

    private final DatabaseManagementService dbms;
    private final URI boltUri;
    private final Path home;
    private final Thread shutdownHook;
    private boolean closed;

    private EmbeddedNeo4j(DatabaseManagementService dbms, URI boltUri, Path home) {
        this.dbms = dbms;
        this.boltUri = boltUri;
        this.home = home;
        // A failed start ends in System.exit without closing the application context: stop the store cleanly
        // anyway, so that the next start needs no recovery. Once the application has started, the context's own
        // shutdown takes over (releaseShutdownHook): JVM hooks run concurrently, and this one would stop the
        // database under requests in flight and before the driver closes.
        this.shutdownHook = new Thread(this::stop, "embedded-neo4j-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Whether the default database has never been created under {@code home} (no store, no transaction logs): only
     * then may an offline importer write it.
     */
    public static boolean neverStarted(Path home) {
        Path data = home.resolve("data");
        return !java.nio.file.Files.exists(data.resolve("databases").resolve(GraphDatabaseSettings.DEFAULT_DATABASE_NAME))
                && !java.nio.file.Files.exists(data.resolve("transactions").resolve(GraphDatabaseSettings.DEFAULT_DATABASE_NAME));
    }

    /**
     * Starts a server whose store lives under {@code home}.
     *
     * @param boltPort the Bolt port on 127.0.0.1, 0 for any free port
     */
    public static EmbeddedNeo4j start(Path home, int boltPort, Duration transactionTimeout) {
        return start(home, boltPort, transactionTimeout, EmbeddedMemory.DEFAULTS);
    }

    /** As {@link #start(Path, int, Duration)}, with the memory the server may take. */
    public static EmbeddedNeo4j start(Path home, int boltPort, Duration transactionTimeout, EmbeddedMemory memory) {
        return start(home, boltPort, transactionTimeout, memory, Map.of());
    }

    /**
     * As {@link #start(Path, int, Duration, EmbeddedMemory)}, with Neo4j settings of the caller's over the service's
     * (the tests': a server that samples its indexes only when asked).
     */
    public static EmbeddedNeo4j start(Path home, int boltPort, Duration transactionTimeout, EmbeddedMemory memory,
            Map<Setting<?>, Object> settings) {
        long started = System.nanoTime();
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home.toAbsolutePath())
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
                // Netty 4.2 (Micronaut 4.10) cannot host Neo4j 5.26's in-JVM local channel, and a failing
                // local connector stops the whole DBMS. Re-check at every Neo4j upgrade (internal setting).
                .setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
                // Bolt listens on loopback only; the service is the one client that matters.
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.transaction_timeout, transactionTimeout)
                // A transaction past its timeout is stopped when the monitor next looks (every 2 s by default): a
                // request's deadline (explorer.limits.request-timeout) would be overrun by up to that much.
                .setConfig(GraphDatabaseSettings.transaction_monitor_check_interval, Duration.ofMillis(100))
                // Without these, every stop waits about 10 s for Bolt's Netty loops to go quiet.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(1))
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                // Neo4j's default reports usage data (its version, the machine's size, the graph's counts) to Neo4j
                // once a day; a user's service is not Neo4j's to report on.
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(memory.neo4jSettings())
                .setConfig(settings)
                .build();
        try {
            GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            int port = db.getDependencyResolver()
                    .resolveDependency(ConnectorPortRegister.class)
                    .getLocalAddress(ConnectorType.BOLT)
                    .getPort();
            URI uri = URI.create("bolt://127.0.0.1:" + port);
            LOG.info("Embedded Neo4j started in {} ms, store {}, Bolt {}, memory {}",
                    (System.nanoTime() - started) / 1_000_000, home.toAbsolutePath(), uri,
                    memory.describe());
            return new EmbeddedNeo4j(dbms, uri, home);
        } catch (RuntimeException e) {
            dbms.shutdown();
            throw e;
        }
    }

    public URI boltUri() {
        return boltUri;
    }

    /**
     * Reads the default database through Neo4j's Java API, in a transaction of its own: no Cypher, so nothing to
     * parse or plan (see {@link Neo4jServer#readEmbedded}).
     */
    public <T> T read(Function<Transaction, T> work) {
        try (Transaction tx = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).beginTx()) {
            return work.apply(tx);
        }
    }

    public Path home() {
        return home;
    }

    @Override
    public void close() {
        releaseShutdownHook();
        stop();
    }

    /** Leaves stopping to {@link #close()}: the owner now stops the database in its own order. */
    public void releaseShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs or has run; stop() is idempotent
        }
    }

    private synchronized void stop() {
        if (closed) {
            return;
        }
        closed = true;
        LOG.info("Stopping embedded Neo4j, store {}", home.toAbsolutePath());
        long started = System.nanoTime();
        dbms.shutdown();
        LOG.info("Embedded Neo4j stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
    }
}
