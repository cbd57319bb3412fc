package org.partnershipexplorer.analytics;

import java.util.List;

/**
 * GraphQL {@code SupportNeed} of one country in one year. Country, missions and providers are keys, resolved through
 * the request's loaders.
 */
public record SupportNeed(String iso3, String region, int year, double score, List<SupportReason> reasons,
        Integer personnel, String personnelAsOf, List<String> missionAcronyms, List<String> providerIds,
        int supportReceived) {

    /** True when the country served in a mission that year: only contributors are ranked. */
    public boolean contributor() {
        return !missionAcronyms.isEmpty();
    }
}
