package org.partnershipexplorer.analytics;

import java.util.List;

/**
 * GraphQL {@code SupportProvider}: who carries the load in a year's window. {@code soleRecipientIds} are the
 * recipients it alone supports there, the ones a withdrawal would leave with nothing.
 */
public record SupportProvider(String actorId, int year, int recipients, int given, int contributorsSupported,
        List<String> soleRecipientIds, int providers) {
}
