package org.partnershipexplorer.subscription;

import java.time.OffsetDateTime;

/**
 * One committed change as the change log holds it (a {@code :Change} node).
 *
 * @param sequence  its place in the log: one more than the change committed before it, on whichever instance
 * @param source    what committed it
 * @param operation for a write: created, updated or deleted; null for an import or a seed release
 * @param kind      for a write: the GraphQL type written (Training, Country...); null otherwise
 * @param key       for a write: the key or stable id of what was written; null otherwise
 * @param detail    for an import: the files loaded; for a seed release: its version; null for a write
 * @param by        who: an editor token's subject, or {@code seed} for start-up seeding
 * @param at        when it committed (the server's clock, UTC, milliseconds)
 */
public record Change(long sequence, Source source, Operation operation, String kind, String key, String detail,
        String by, OffsetDateTime at) {

    /** What committed a change; the GraphQL enum ChangeSource. */
    public enum Source {
        WRITE, IMPORT, SEED_RELEASE
    }

    /** The GraphQL enum ChangeOperation. */
    public enum Operation {
        CREATED, UPDATED, DELETED
    }

    /** The partnership kinds of docs/api.md, whose ids read {@code KIND:provider:recipient:year[:more]}. */
    static final java.util.Set<String> PARTNERSHIP_TYPES = java.util.Set.of("Training", "Donation");

    /** Whether this change created, updated or deleted a training or a donation. */
    public boolean partnership() {
        return source == Source.WRITE && PARTNERSHIP_TYPES.contains(kind) && key != null
                && key.split(":", 5).length >= 4;
    }

    /** A change before it has its sequence and time: what a write, an import or a seed release hands the log. */
    public record New(Source source, Operation operation, String kind, String key, String detail, String by) {

        public static New write(Operation operation, String kind, String key, String by) {
            return new New(Source.WRITE, operation, kind, key, null, by);
        }

        public static New imported(String files, String by) {
            return new New(Source.IMPORT, null, null, null, files, by);
        }

        public static New seedRelease(String release, String by) {
            return new New(Source.SEED_RELEASE, null, null, null, release, by);
        }
    }
}
