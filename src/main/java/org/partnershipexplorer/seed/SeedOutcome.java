package org.partnershipexplorer.seed;

import io.micronaut.core.annotation.Nullable;

/**
 * What start-up seeding did.
 *
 * @param status what happened
 * @param report the load, when this instance loaded the seed
 * @param detail what an upgrade removed and kept, or null
 */
public record SeedOutcome(Status status, @Nullable LoadReport report, @Nullable String detail) {

    public SeedOutcome(Status status, @Nullable LoadReport report) {
        this(status, report, null);
    }

    public enum Status {
        /** EXPLORER_SEED=never. */
        DISABLED,
        /** This instance loaded the seed. */
        LOADED,
        /** if-empty, and this instance applied a newer release to the seed loaded before. */
        UPGRADED,
        /** if-empty, and the seed was loaded before (by this or another instance). */
        ALREADY_LOADED,
        /** if-empty, and the database holds data that did not come from start-up seeding. */
        NOT_EMPTY
    }
}
