package org.partnershipexplorer.neo4j;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the graph lives. With no {@code uri} the service starts its own embedded server.
 *
 * @param uri                  NEO4J_URI: {@code bolt://}, {@code neo4j://} (routing) or {@code neo4j+s://} (Aura)
 * @param username             NEO4J_USERNAME
 * @param password             NEO4J_PASSWORD
 * @param database             NEO4J_DATABASE
 * @param dataDir              EXPLORER_DATA_DIR: the embedded store
 * @param boltPort             EXPLORER_BOLT_PORT: the embedded server's Bolt port on 127.0.0.1 (0 = any free port)
 * @param timeout              how long a query may wait for a connection or a retry before the caller is told
 *                             that Neo4j is unavailable
 * @param transactionTimeout   the embedded server's limit on one transaction
 */
@ConfigurationProperties("explorer.neo4j")
public record Neo4jSettings(
        @Nullable String uri,
        @Bindable(defaultValue = "neo4j") String username,
        @Nullable String password,
        @Bindable(defaultValue = "neo4j") String database,
        @Bindable(defaultValue = "./data") Path dataDir,
        @Bindable(defaultValue = "7687") int boltPort,
        @Bindable(defaultValue = "5s") Duration timeout,
        @Bindable(defaultValue = "30s") Duration transactionTimeout) {

    public boolean embedded() {
        return uri == null || uri.isBlank();
    }
}
