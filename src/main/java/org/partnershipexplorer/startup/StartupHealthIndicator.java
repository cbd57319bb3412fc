package org.partnershipexplorer.startup;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * DOWN while a background phase of the start that answers depend on is still running (the graph's counts, without
 * which the cost limit would judge the first queries by a worst case), UP once every one has ended. The HTTP server
 * opens before they end; an orchestrator sends traffic only once this says UP.
 *
 * <p>A check that comes while they run waits for them, at most {@code explorer.startup.readiness-wait} (30 s), so
 * that a client that waits for the port and then asks once is told UP as soon as the start has really finished; a
 * probe with a shorter timeout of its own just sees the instance not ready yet.
 */
@Singleton
@Readiness
final class StartupHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final StartupPhases phases;
    private final Duration wait;

    StartupHealthIndicator(StartupPhases phases, @Value("${explorer.startup.readiness-wait:30s}") Duration wait) {
        this.phases = phases;
        this.wait = wait;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        if (!phases.pending().isEmpty() && !wait.isZero()) {
            try {
                phases.backgroundDone().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException stillRunning) {
                // not ready yet: said below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
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
