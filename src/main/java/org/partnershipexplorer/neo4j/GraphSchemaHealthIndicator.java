package org.partnershipexplorer.neo4j;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * UP when every constraint and index of {@link GraphSchema} exists and is online. Without them a key lookup scans
 * and two instances could write the same key twice, so an instance is not ready before they are in place.
 */
@Singleton
@Readiness
final class GraphSchemaHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final GraphSchema schema;

    GraphSchemaHealthIndicator(GraphSchema schema) {
        this.schema = schema;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        boolean inPlace = schema.inPlace();
        healthStatus = inPlace ? HealthStatus.UP : HealthStatus.DOWN;
        return Map.of("constraintsAndIndexes", GraphSchema.STATEMENTS.size(), "allOnline", inPlace);
    }

    @Override
    public String getName() {
        return "graphSchema";
    }
}
