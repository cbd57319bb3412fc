package org.partnershipexplorer.analytics;

import java.util.List;

/**
 * GraphQL {@code SupportNeed} of one country in one year. Country, missions and providers are keys, resolved through
 * the request's loaders; {@code trend} is set only when the query asks for one ({@code since}).
 */
public record SupportNeed(String iso3, String region, int year, SupportRole role, double score,
        List<SupportReason> reasons, Integer personnel, Integer women, String personnelAsOf,
        List<String> missionAcronyms, List<String> providerIds, int supportReceived, SupportTrend trend) {

    public SupportNeed withTrend(SupportTrend trend) {
        return new SupportNeed(iso3, region, year, role, score, reasons, personnel, women, personnelAsOf,
                missionAcronyms, providerIds, supportReceived, trend);
    }
}
