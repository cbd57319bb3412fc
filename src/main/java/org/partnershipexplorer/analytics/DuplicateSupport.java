package org.partnershipexplorer.analytics;

import java.util.List;

/**
 * GraphQL {@code DuplicateSupport}: one recipient receives the same kind of support on the same subject (the item
 * donated, or the programme, else the topic, trained) from several providers in one year. Keys resolve through the
 * request's loaders; {@code partnershipIds} are the relationships' stable ids (api.md).
 */
public record DuplicateSupport(String recipientId, String kind, String subject, int year, List<String> providerIds,
        List<String> partnershipIds) {
}
