package org.partnershipexplorer.neo4j;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.MetricsAdapter;
import org.partnershipexplorer.startup.StartupPhases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the server (embedded unless NEO4J_URI is set) and the one driver every query goes through. */
@Factory
final class Neo4jFactory {

    private static final Logger LOG = LoggerFactory.getLogger(Neo4jFactory.class);

    /**
     * Eager and first of the eager beans: the embedded server starts on a thread of its own at once, while the context
     * builds the rest; {@link Cypher} waits for it before the first statement. The time that wait held the start back
     * is the phase "Neo4j start" (its detail says what the server took in all).
     */
    @Context
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @Bean(preDestroy = "close")
    Neo4jServer neo4jServer(Neo4jSettings settings, EmbeddedMemory memory, StartupPhases phases,
            List<NewStoreImport> imports) {
        if (!settings.embedded()) {
            return Neo4jServer.external(URI.create(settings.uri().trim()));
        }
        Path home = settings.dataDir().toAbsolutePath().normalize();
        // the address must be known now, for the driver: "any free port" is chosen here rather than by Neo4j
        int port = settings.boltPort() == 0 ? freeLoopbackPort() : settings.boltPort();
        long began = System.nanoTime();
        CompletableFuture<EmbeddedNeo4j> starting = new CompletableFuture<>();
        AtomicLong took = new AtomicLong();
        AtomicBoolean created = new AtomicBoolean();
        AtomicReference<ImportedCounts> imported = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                // a brand-new store may be filled by an offline importer first (a seed), which only writes a database
                // that does not exist yet; a failure there stops the start, the store left new
                imports.forEach(i -> i.recoverInterrupted(home));
                created.set(EmbeddedNeo4j.neverStarted(home));
                if (!imports.isEmpty() && created.get()) {
                    long importing = System.nanoTime();
                    if (imports.stream().anyMatch(i -> i.restoreBeforeFirstStart(home))) {
                        // a store made as this start would make it: the server starts on it as on a kept one
                        created.set(false);
                        phases.recordInside("bundled store", java.time.Duration.ofNanos(System.nanoTime() - importing),
                                "unpacked into the new store, as the build made it");
                    } else {
                        imports.forEach(i -> i.beforeFirstStart(home).ifPresent(imported::set));
                        phases.recordInside("offline import", java.time.Duration.ofNanos(System.nanoTime() - importing),
                                "into the new store, before Neo4j started");
                    }
                }
                EmbeddedNeo4j server = EmbeddedNeo4j.start(home, port, settings.transactionTimeout(), memory);
                took.set(System.nanoTime() - began);
                starting.complete(server);
            } catch (RuntimeException | Error e) {
                starting.completeExceptionally(e);
            }
        }, "neo4j-start");
        thread.start();
        return Neo4jServer.starting(URI.create("bolt://127.0.0.1:" + port), starting, waited -> phases.record(
                "Neo4j start", waited, String.format(Locale.ROOT, "waited for; %.2f s in all, alongside the context",
                        took.get() / 1e9)), created, imported);
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on 127.0.0.1 for the embedded server's Bolt", e);
        }
    }

    /**
     * Eager, so that the database starts with the application rather than on the first request.
     *
     * <p>The driver's defaults retry a transaction for 30 s and wait 60 s for a pooled connection; a caller
     * would see a hang. Both are cut to the configured timeout so an outage becomes SERVICE_UNAVAILABLE quickly.
     *
     * <p>The connection pool's metrics ({@code neo4j.driver.connections.*}) go through the driver's Micrometer
     * adapter, which reports to Micrometer's global registry; Micronaut adds its own registry (the one
     * {@code /prometheus} reads) to the global one when it creates it, which asking for it here guarantees.
     *
     * <p>Destroyed before {@link Neo4jServer}, which it depends on: the driver's connections close while the
     * embedded database still answers, and the database then stops with no client left.
     */
    @Context
    @Bean(preDestroy = "close")
    Driver driver(Neo4jServer server, Neo4jSettings settings, MeterRegistry meterRegistry) {
        Config config = Config.builder()
                .withConnectionTimeout(settings.timeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .withConnectionAcquisitionTimeout(settings.timeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .withMaxTransactionRetryTime(settings.timeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .withLogging(Logging.slf4j())
                .withUserAgent("partnership-explorer")
                .withDriverMetrics()
                .withMetricsAdapter(MetricsAdapter.MICROMETER)
                .build();
        AuthToken auth = settings.password() == null || settings.password().isEmpty()
                ? AuthTokens.none()
                : AuthTokens.basic(settings.username(), settings.password());
        LOG.info("Neo4j driver for {} (database {})", server.uri(), settings.database());
        return GraphDatabase.driver(server.uri(), auth, config);
    }
}
