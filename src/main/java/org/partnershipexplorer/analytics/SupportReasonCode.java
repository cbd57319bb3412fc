package org.partnershipexplorer.analytics;

/** GraphQL {@code SupportReasonCode}, in the order reasons of equal weight are listed. */
public enum SupportReasonCode {
    NO_SUPPORT,
    SINGLE_PROVIDER,
    LOST_PROVIDERS,
    SMALL_COMPONENT,
    PEERS_WELL_SUPPORTED,
    HIGH_PERSONNEL_LOW_SUPPORT,
    WOMEN_BELOW_TARGET,
    /** Not a need: says why a provider has no score. */
    PROVIDER
}
