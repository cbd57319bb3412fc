package org.partnershipexplorer.analytics;

import java.util.List;

/** GraphQL {@code PartnerSuggestion}; provider and missions are keys resolved through the request's loaders. */
public record PartnerSuggestion(String providerId, double score, List<String> reasons, int commonNeighbours,
        double adamicAdar, List<String> sharedMissionAcronyms, boolean sameRegion, int pastDeliveries) {
}
