package org.partnershipexplorer.analytics;

import java.util.List;

/** GraphQL {@code CriticalProviders}. */
public record CriticalProviders(List<CriticalProvider> providers, List<CutPoint> cutPoints) {
}
