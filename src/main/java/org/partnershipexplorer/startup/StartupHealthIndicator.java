package org.partnershipexplorer.startup;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DOWN while a background phase of the start that answers depend on is still running (the graph's counts, without
 * which the cost limit would judge the first queries by a worst case), UP once every one has ended. The HTTP server
 * opens before they end; an orchestrator sends traffic only once this says UP.
 */
@Singleton
@Readiness
final class StartupHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final StartupPhases phases;

    StartupHealthIndicator(StartupPhases phases) {
        this.phases = phases;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        var pending = phases.pending();
        healthStatus = pending.isEmpty() ? HealthStatus.UP : HealthStatus.DOWN;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("pending", pending);
        return details;
    }

    @Override
    public String getName() {
        return "startup";
    }
}
