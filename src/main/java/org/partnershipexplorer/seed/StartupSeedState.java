package org.partnershipexplorer.seed;

import jakarta.inject.Singleton;
import java.util.Optional;

/** Whether start-up seeding has finished, and how: what readiness reports for the seed. */
@Singleton
final class StartupSeedState {

    private volatile SeedOutcome outcome;

    void finished(SeedOutcome outcome) {
        this.outcome = outcome;
    }

    /** Empty while seeding runs, or when it failed (the start then fails with it). */
    Optional<SeedOutcome> outcome() {
        return Optional.ofNullable(outcome);
    }
}
