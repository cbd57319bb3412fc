package org.partnershipexplorer.seed;

import io.micronaut.context.annotation.Value;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * UP once start-up seeding has finished (loaded, found loaded, left a database that holds other data alone) or when
 * it is off (EXPLORER_SEED=never); DOWN before that. Seeding runs while the context starts today, so the HTTP
 * port opens after it; the indicator keeps readiness right if seeding ever moves off that path.
 */
@Singleton
@Readiness
final class SeedHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final SeedSettings settings;
    private final StartupSeedState state;
    private final boolean onStartup;

    SeedHealthIndicator(SeedSettings settings, StartupSeedState state,
            @Value("${explorer.seed.on-startup:true}") boolean onStartup) {
        this.settings = settings;
        this.state = state;
        this.onStartup = onStartup;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("mode", settings.seedMode().value());
        var outcome = state.outcome();
        if (settings.seedMode() == SeedMode.NEVER || !onStartup) {
            details.put("outcome", SeedOutcome.Status.DISABLED.name());
            healthStatus = HealthStatus.UP;
        } else if (outcome.isPresent()) {
            details.put("outcome", outcome.get().status().name());
            if (outcome.get().report() != null) {
                details.put("load", outcome.get().report().summary());
            }
            if (outcome.get().detail() != null) {
                details.put("upgrade", outcome.get().detail());
            }
            healthStatus = HealthStatus.UP;
        } else {
            details.put("outcome", "PENDING");
            healthStatus = HealthStatus.DOWN;
        }
        return details;
    }

    @Override
    public String getName() {
        return "seed";
    }
}
