package org.partnershipexplorer.ministerial;

import java.util.Locale;

/** docs/graph-model.md's pledge statuses; a pledge without one is {@link #UNKNOWN}. */
public enum PledgeStatus {
    PLEDGED,
    IN_PROGRESS,
    DELIVERED,
    LAPSED,
    UNKNOWN;

    static PledgeStatus of(String stored) {
        return stored == null ? UNKNOWN : valueOf(stored.trim().toUpperCase(Locale.ROOT));
    }

    String stored() {
        return name().toLowerCase(Locale.ROOT);
    }
}
