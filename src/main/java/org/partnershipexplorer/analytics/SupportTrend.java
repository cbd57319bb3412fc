package org.partnershipexplorer.analytics;

import java.util.List;

/**
 * GraphQL {@code SupportTrend}: a country then ({@code since}) and now. {@code scoreThen} is null when it was not a
 * ranked contributor then; providers are keys, resolved through the request's loaders.
 */
public record SupportTrend(int since, SupportRole roleThen, Double scoreThen, List<String> gainedIds,
        List<String> lostIds) {
}
