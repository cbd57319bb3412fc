package org.partnershipexplorer.seed;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PostConstruct;
import org.partnershipexplorer.startup.MemoryRelease;
import org.partnershipexplorer.startup.SettledGraph;
import org.partnershipexplorer.startup.StartupPhases;
import org.partnershipexplorer.subscription.Change;
import org.partnershipexplorer.subscription.ChangeLog;
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
// the last eager bean: everything that does not need the database is built while the embedded server starts
@io.micronaut.core.annotation.Order(io.micronaut.core.order.Ordered.LOWEST_PRECEDENCE)
final class SeedOnStartup {

    private static final Logger LOG = LoggerFactory.getLogger(SeedOnStartup.class);

    private final SeedSettings settings;
    private final StartupSeeder seeder;
    private final StartupSeedState state;
    private final StartupPhases phases;
    private final ChangeLog changes;
    private final SettledGraph settled;
    private final MemoryRelease memory;

    SeedOnStartup(SeedSettings settings, StartupSeeder seeder, StartupSeedState state, StartupPhases phases,
            ChangeLog changes, SettledGraph settled, MemoryRelease memory) {
        this.settings = settings;
        this.seeder = seeder;
        this.state = state;
        this.phases = phases;
        this.changes = changes;
        this.settled = settled;
        this.memory = memory;
    }

    @PostConstruct
    void seed() {
        SeedMode mode = settings.seedMode();
        if (mode == SeedMode.NEVER) {
            LOG.info("Seeding disabled (EXPLORER_SEED=never)");
            state.finished(new SeedOutcome(SeedOutcome.Status.DISABLED, null));
            settled.announce();
            return;
        }
        long started = System.nanoTime();
        try {
            SeedOutcome outcome = seeder.seed(mode, settings.source(), settings.illustrative());
            phases.record("seed", java.time.Duration.ofNanos(System.nanoTime() - started), outcome.status().name());
            if (outcome.status() == SeedOutcome.Status.LOADED || outcome.status() == SeedOutcome.Status.UPGRADED) {
                // committed: subscribers of every instance hear of the release (dataChanged)
                changes.appendCommitted(Change.New.seedRelease(SeedRelease.of(settings.source())
                        .map(SeedRelease::version).orElse(settings.source().describe()), "seed"));
                // The load was one transaction: its state, most of the heap the start ever uses, is garbage now. A full
                // collection lets the heap shrink back (README "Memory": -XX:MaxHeapFreeRatio), so a service that has
                // just loaded the seed stays as small as one started on a kept store; once per start that loads.
                memory.afterLoad();
            }
            state.finished(outcome);
            settled.announce();
        } catch (SeedValidationException e) {
            // The list is logged once here. Micronaut logs the failing bean's exception with the messages of every
            // cause, so the exception that fails the start carries a one-line summary, not the list again.
            LOG.error("The seed has bad rows; nothing was written:{}{}",
                    System.lineSeparator(), String.join(System.lineSeparator(), e.lines()));
            throw new IllegalStateException("The seed in " + settings.source().describe() + " has "
                    + (e.getErrors().size() + e.getOmitted()) + " bad rows (listed above); the service does not start");
        }
    }
}
