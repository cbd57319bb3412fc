package org.partnershipexplorer.subscription;

import java.time.format.DateTimeFormatter;
import java.util.List;

/** The events subscribers receive: the GraphQL types PartnershipChange and DataChange, made from a logged change. */
final class Events {

    private Events() {
    }

    /** PartnershipChange; only for changes that are {@link Change#partnership()}. */
    record PartnershipChange(String sequence, Change.Operation operation, String kind, String id, String provider,
            String recipient, int year, String by, String at) {

        static PartnershipChange of(Change change) {
            // KIND:provider:recipient:year[:program or item], docs/api.md
            String[] parts = change.key().split(":", 5);
            return new PartnershipChange(Long.toString(change.sequence()), change.operation(), parts[0],
                    change.key(), parts[1], parts[2], Integer.parseInt(parts[3]), change.by(), timeOf(change));
        }

        /** Whether the subscription's arguments let it through: null or empty means any. */
        boolean matches(List<String> kinds, String actor) {
            return (kinds == null || kinds.isEmpty() || kinds.contains(kind))
                    && (actor == null || actor.equals(provider) || actor.equals(recipient));
        }
    }

    /** DataChange. */
    record DataChange(String sequence, Change.Source source, Change.Operation operation, String kind, String id,
            String detail, String by, String at) {

        static DataChange of(Change change) {
            return new DataChange(Long.toString(change.sequence()), change.source(), change.operation(),
                    change.kind(), change.key(), change.detail(), change.by(), timeOf(change));
        }
    }

    /** As WriteResult.updatedAt reads: UTC, milliseconds, {@code Z}. */
    private static String timeOf(Change change) {
        return DateTimeFormatter.ISO_INSTANT.format(change.at().toInstant());
    }
}
