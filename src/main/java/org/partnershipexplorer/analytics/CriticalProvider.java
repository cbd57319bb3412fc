package org.partnershipexplorer.analytics;

import java.util.List;

/** GraphQL {@code CriticalProvider}: the only provider of each of {@code soleRecipientIds}. */
public record CriticalProvider(String providerId, List<String> soleRecipientIds) {
}
