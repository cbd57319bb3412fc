package org.partnershipexplorer.partnership;

/** Which way a partnership runs, seen from one actor. */
public enum Direction {
    /** the actor provides to the partner */
    OUTGOING,
    /** the partner provides to the actor */
    INCOMING,
    BOTH
}
