package org.partnershipexplorer.analytics;

/** GraphQL {@code SupportReason}: {@code weight} is the points this reason adds to the score (they add up to it). */
public record SupportReason(SupportReasonCode code, double weight, String text) {
}
