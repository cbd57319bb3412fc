package org.partnershipexplorer.neo4j;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.net.URI;
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

    @Singleton
    @Bean(preDestroy = "close")
    Neo4jServer neo4jServer(Neo4jSettings settings, EmbeddedMemory memory, StartupPhases phases) {
        if (settings.embedded()) {
            return Neo4jServer.embedded(phases.time("Neo4j start", () ->
                    EmbeddedNeo4j.start(settings.dataDir().toAbsolutePath().normalize(), settings.boltPort(),
                            settings.transactionTimeout(), memory)));
        }
        return Neo4jServer.external(URI.create(settings.uri().trim()));
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
