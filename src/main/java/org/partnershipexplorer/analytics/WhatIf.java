package org.partnershipexplorer.analytics;

import java.util.List;

/** GraphQL {@code WhatIf}: the partnership graph after some actors withdraw; {@code components} are the ones after. */
public record WhatIf(List<String> withdrawnIds, List<String> orphanedRecipientIds, int componentsBefore,
        int componentsAfter, int largestBefore, int largestAfter, List<Component> components) {
}
