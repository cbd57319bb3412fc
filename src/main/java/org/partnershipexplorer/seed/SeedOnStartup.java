package org.partnershipexplorer.seed;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PostConstruct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds the database while the application context starts, so the HTTP server only opens on a seeded graph.
 *
 * <p>A failure here fails the context, and so the start: a broken seed stops the service with its error list
 * rather than serving an empty or half-written graph.
 */
@Context
@Requires(property = "explorer.seed.on-startup", notEquals = "false")
final class SeedOnStartup {

    private static final Logger LOG = LoggerFactory.getLogger(SeedOnStartup.class);

    private final SeedSettings settings;
    private final StartupSeeder seeder;

    SeedOnStartup(SeedSettings settings, StartupSeeder seeder) {
        this.settings = settings;
        this.seeder = seeder;
    }

    @PostConstruct
    void seed() {
        SeedMode mode = settings.seedMode();
        if (mode == SeedMode.NEVER) {
            LOG.info("Seeding disabled (EXPLORER_SEED=never)");
            return;
        }
        try {
            seeder.seed(mode, settings.source(), settings.illustrative());
        } catch (SeedValidationException e) {
            LOG.error("The seed has bad rows; nothing was written and the service does not start:{}{}",
                    System.lineSeparator(), String.join(System.lineSeparator(), e.lines()));
            throw e;
        }
    }
}
