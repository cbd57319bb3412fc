package org.partnershipexplorer.analytics;

import java.util.List;
import org.partnershipexplorer.partnership.Partnership;

/**
 * GraphQL {@code DuplicateSupport}: one recipient receives the same kind of support on the same subject (the item
 * donated, or the programme, else the topic, trained) from several providers in one year. Keys resolve through the
 * request's loaders; {@code partnerships} are the explore feature's records, whose fields resolve there.
 */
public record DuplicateSupport(String recipientId, String kind, String subject, int year, List<String> providerIds,
        List<Partnership> partnerships) {
}
