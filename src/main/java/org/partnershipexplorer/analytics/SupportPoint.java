package org.partnershipexplorer.analytics;

/** GraphQL {@code SupportPoint}: one year of a country's support, for a chart. */
public record SupportPoint(int year, SupportRole role, double score, int providers, int supportReceived,
        Integer personnel) {

    static SupportPoint of(SupportNeed need) {
        return new SupportPoint(need.year(), need.role(), need.score(), need.providerIds().size(),
                need.supportReceived(), need.personnel());
    }
}
