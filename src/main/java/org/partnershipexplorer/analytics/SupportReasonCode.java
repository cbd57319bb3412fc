package org.partnershipexplorer.analytics;

/** GraphQL {@code SupportReasonCode}, in the order reasons of equal weight are listed. */
public enum SupportReasonCode {
    NO_SUPPORT,
    SINGLE_PROVIDER,
    SMALL_COMPONENT,
    PEERS_WELL_SUPPORTED,
    HIGH_PERSONNEL_LOW_SUPPORT
}
