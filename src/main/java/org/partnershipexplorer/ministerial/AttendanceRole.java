package org.partnershipexplorer.ministerial;

import java.util.Locale;

/** docs/graph-model.md's attendance roles ({@code host}, {@code co-chair}, {@code participant}). */
public enum AttendanceRole {
    HOST,
    CO_CHAIR,
    PARTICIPANT;

    static AttendanceRole of(String stored) {
        return valueOf(stored.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
