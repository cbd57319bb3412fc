package org.partnershipexplorer.analytics;

/** GraphQL {@code SupportReason}: {@code weight} is this reason's share of the score (the shares add up to it). */
public record SupportReason(SupportReasonCode code, double weight, String text) {
}
