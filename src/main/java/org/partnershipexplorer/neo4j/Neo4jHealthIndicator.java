package org.partnershipexplorer.neo4j;

import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.partnershipexplorer.deadline.Deadline;

/**
 * UP only when Neo4j answers a query within the configured timeout. A readiness concern: while the database is
 * away the process still lives, and it recovers by itself when the database returns.
 */
@Singleton
@Readiness
final class Neo4jHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final Driver driver;
    private final Cypher cypher;
    private final Neo4jServer server;
    private final Neo4jSettings settings;

    Neo4jHealthIndicator(Driver driver, Cypher cypher, Neo4jServer server, Neo4jSettings settings) {
        this.driver = driver;
        this.cypher = cypher;
        this.server = server;
        this.settings = settings;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        long started = System.nanoTime();
        cypher.read(Deadline.NONE, "RETURN 1 AS one", Map.of(), r -> r.get("one").asInt());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("uri", server.uri().toString());
        details.put("database", settings.database());
        details.put("embedded", server.embedded().isPresent());
        details.put("encrypted", driver.isEncrypted());
        details.put("responseMs", (System.nanoTime() - started) / 1_000_000);
        healthStatus = io.micronaut.health.HealthStatus.UP;
        return details;
    }

    @Override
    public String getName() {
        return "neo4j";
    }
}
