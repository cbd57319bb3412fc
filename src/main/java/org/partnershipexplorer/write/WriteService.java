package org.partnershipexplorer.write;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.partnershipexplorer.deadline.Deadline;
import org.partnershipexplorer.graphql.ApiException;
import org.partnershipexplorer.graphql.ErrorCode;
import org.partnershipexplorer.neo4j.Cypher;
import org.partnershipexplorer.neo4j.DuplicateKeyException;
import org.partnershipexplorer.seed.SeedRows;
import org.partnershipexplorer.seed.SeedRows.Problem;
import org.partnershipexplorer.subscription.Change;
import org.partnershipexplorer.subscription.ChangeLog;

/**
 * Writes one row of one kind in one transaction: checked by the seed loader's rules ({@link SeedRows}), its
 * references checked against the graph in the same transaction, then written with the loader's own statements
 * (a create creates, an update sets only what was sent). Any refusal rolls the transaction back: nothing is written.
 */
@Singleton
final class WriteService {

    static final String UPDATED_BY = "updated_by";
    static final String UPDATED_AT = "updated_at";
    static final String EXPECTED_UPDATED_AT = "expectedUpdatedAt";

    private final Cypher cypher;
    private final ChangeLog changes;

    WriteService(Cypher cypher, ChangeLog changes) {
        this.cypher = cypher;
        this.changes = changes;
    }

    /**
     * What a create or update left in the graph: the GraphQL {@code WriteResult}, named after it as every record
     * is (the union {@code Written} is what {@code node} answers).
     */
    record WriteResult(WriteKind writeKind, String id, String updatedAt, String updatedBy, Map<String, String> row) {

        /** WriteResult.kind: the GraphQL type name of what was written. */
        public String kind() {
            return writeKind.typeName;
        }
    }

    record Removed(String what, long count) {
    }

    record Deleted(String kind, String id, List<Removed> removed) {
    }

    /**
     * The points a test can hold a write at ({@link #pause}), to line concurrent writes up where they could
     * interfere.
     */
    enum Step {
        /** A create, checked and inside its transaction, about to write. */
        CREATE_WRITES,
        /** An update that has read its row under the row's write lock, before it checks and writes. */
        UPDATE_READ
    }

    /** Called at each {@link Step} of every write; only tests set it (to block a write there). */
    volatile java.util.function.Consumer<Step> pause = step -> {
    };

    /**
     * Creates a row. The key is not looked up first: the node or relationship is created, not merged, and the
     * database's uniqueness constraint on the key refuses it when the key exists, or when another create of the
     * same key committed first however the two interleaved. Of concurrent creates of one key, one writes and the
     * others answer CONFLICT.
     *
     * @param cells  the row the client sent, as seed cells
     * @param prefix how the client names the fields ({@code input.})
     */
    WriteResult create(Deadline deadline, WriteKind kind, Map<String, String> cells, String subject, String prefix) {
        Map<String, String> row = new LinkedHashMap<>(cells);
        stamp(row, subject);
        SeedRows.Checked checked = check(kind, row, prefix);
        try {
            return inTransaction(deadline, Change.Operation.CREATED, subject, tx -> {
                List<Problem> missing = SeedRows.missingReferences(tx, checked);
                if (!missing.isEmpty()) {
                    throw badInput(missing, prefix);
                }
                pause.accept(Step.CREATE_WRITES);
                SeedRows.create(tx, checked);
                return stored(tx, kind, checked);
            });
        } catch (DuplicateKeyException e) {
            throw keyTaken(kind, checked.id(), e);
        }
    }

    /**
     * Changes the fields sent and nothing else. The row is read under its write lock, so that the rules between a
     * cell sent and a cell stored (an end year and its start) are checked against the stored cell as it will stay,
     * and an update of other fields of the same row waits for this one to commit instead of undoing it.
     *
     * @param changes           the fields the client sent: a cell per field, an empty cell for an explicit null
     *                          (clears it)
     * @param expectedUpdatedAt the {@code updatedAt} the client last read, or null: when given, a row changed since
     *                          is refused with CONFLICT
     */
    WriteResult update(Deadline deadline, WriteKind kind, Map<String, String> changes, String expectedUpdatedAt,
            String subject, String prefix) {
        Map<String, String> key = keyCells(kind, changes, prefix);
        OffsetDateTime expected = expectedUpdatedAt == null ? null : expectedUpdatedAt(expectedUpdatedAt);
        return inTransaction(deadline, Change.Operation.UPDATED, subject, tx -> {
            Map<String, String> row = new LinkedHashMap<>(SeedRows.locked(tx, kind.file, key, subject)
                    .orElseThrow(() -> ApiException.notFound(kind.typeName, SeedRows.id(kind.file, changes))));
            pause.accept(Step.UPDATE_READ);
            if (expected != null) {
                requireUnchanged(kind, SeedRows.id(kind.file, key), row.get(UPDATED_AT), expectedUpdatedAt.trim(),
                        expected);
            }
            row.putAll(changes);
            stamp(row, subject);
            SeedRows.Checked checked = check(kind, row, prefix);
            List<Problem> missing = SeedRows.missingReferences(tx, checked, changes.keySet());
            if (!missing.isEmpty()) {
                throw badInput(missing, prefix);
            }
            Set<String> written = new HashSet<>(changes.keySet());
            written.add(UPDATED_BY);
            written.add(UPDATED_AT);
            SeedRows.update(tx, checked, written);
            return stored(tx, kind, checked);
        });
    }

    Deleted delete(Deadline deadline, WriteKind kind, Map<String, String> keyCells, boolean cascade, String subject) {
        return inTransaction(deadline, Change.Operation.DELETED, subject, tx -> {
            Map<String, String> key = keyCells(kind, keyCells, "");
            String id = SeedRows.id(kind.file, key);
            if (!SeedRows.exists(tx, kind.file, key)) {
                throw ApiException.notFound(kind.typeName, id);
            }
            List<Removed> removed = new ArrayList<>();
            if (kind.references != null) {
                Map<String, Object> parameters = Map.of("key", key.get(kind.keyColumns().get(0)));
                tx.run(kind.references, parameters, r -> new Removed(r.get("what").asString(), r.get("count").asLong()))
                        .forEach(removed::add);
                if (!removed.isEmpty() && !cascade) {
                    String listed = String.join(", ", removed.stream().map(r -> r.count() + " " + r.what()).toList());
                    Map<String, Object> extensions = new LinkedHashMap<>();
                    extensions.put("argument", "cascade");
                    extensions.put("referencedBy", removed.stream()
                            .map(r -> Map.of("what", r.what(), "count", r.count())).toList());
                    throw new ApiException(ErrorCode.BAD_USER_INPUT, kind.typeName + " '" + id + "' is referenced by "
                            + listed + "; delete those first, or pass cascade: true to delete them with it", extensions);
                }
                if (cascade) {
                    tx.run(kind.cascade, parameters, r -> {
                        addIfAny(removed, "Deployment", r.get("deployments").asLong());
                        addIfAny(removed, "Pledge", r.get("pledges").asLong());
                        return null;
                    });
                }
            }
            SeedRows.delete(tx, kind.file, key);
            return new Deleted(kind.typeName, id, removed);
        });
    }

    /**
     * One write transaction within explorer.limits.query-timeout and within the time the request has left: a
     * mutation shares its request's deadline with the reads beside it. A write that runs out of its own time (it
     * waited for a lock that a burst of writes to the same node held) is rolled back and answered
     * SERVICE_UNAVAILABLE: the client may simply send it again. One stopped by the request's deadline is rolled
     * back too, and answered as any field past the deadline (QUERY_TOO_COMPLEX, requestTimeout).
     *
     * <p>Unlike a read, the caller waits for the database's answer however long it takes to come: a write given up
     * on could still commit after its caller was told it did not.
     *
     * <p>The write's entry in the change log is its transaction's last statement: subscribers hear of it once it
     * committed, and never of a write that was rolled back.
     */
    private <T> T inTransaction(Deadline deadline, Change.Operation operation, String subject,
            java.util.function.Function<Cypher.Transaction, T> work) {
        Duration timeout = deadline.timeout(cypher.queryTimeout());
        boolean cutByDeadline = timeout.compareTo(cypher.queryTimeout()) < 0;
        try {
            return cypher.inWriteTransaction(timeout, tx -> {
                T result = work.apply(tx);
                logChange(tx, operation, subject, result);
                return result;
            });
        } catch (org.partnershipexplorer.neo4j.QueryTimeoutException e) {
            if (cutByDeadline) {
                throw deadline.exceeded(e);
            }
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "The write did not finish within the time limit "
                    + "(explorer.limits.query-timeout: the database is busy); nothing was written; try again",
                    Map.of("limit", "queryTimeout"));
        }
    }

    private void logChange(Cypher.Transaction tx, Change.Operation operation, String subject, Object result) {
        if (result instanceof WriteResult written) {
            changes.append(tx, Change.New.write(operation, written.kind(), written.id(), subject),
                    OffsetDateTime.parse(written.updatedAt()));
        } else if (result instanceof Deleted deleted) {
            changes.append(tx, Change.New.write(operation, deleted.kind(), deleted.id(), subject),
                    OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS));
        }
    }

    private static void addIfAny(List<Removed> removed, String what, long count) {
        if (count > 0) {
            removed.add(new Removed(what, count));
        }
    }

    /** The row as the write left it, read back in the write's transaction. */
    private static WriteResult stored(Cypher.Transaction tx, WriteKind kind, SeedRows.Checked checked) {
        Map<String, String> stored = SeedRows.current(tx, kind.file, checked.cells()).orElseThrow(
                () -> new IllegalStateException(kind.typeName + " " + checked.id() + " not found after its write"));
        return new WriteResult(kind, checked.id(), stored.get(UPDATED_AT), stored.get(UPDATED_BY), stored);
    }

    /**
     * CONFLICT for a create whose key the database already holds. Countries and organisations share the keys of
     * actors, so a country's create may also run into an organisation of that code created meanwhile.
     */
    private static ApiException keyTaken(WriteKind kind, String id, DuplicateKeyException e) {
        boolean actor = (kind == WriteKind.COUNTRY || kind == WriteKind.ORGANIZATION) && e.concerns("Actor")
                && !e.concerns(kind.typeName);
        String message = actor
                ? kind.typeName + " '" + id + "' cannot be created: a country or organization has the key '" + id
                        + "' already (countries and organizations share their keys)"
                : kind.typeName + " '" + id + "' already exists; " + kind.update() + " changes it";
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("argument", "input");
        extensions.put("kind", kind.typeName);
        extensions.put("key", id);
        return new ApiException(ErrorCode.CONFLICT, message, extensions);
    }

    /** The precondition as a point in time, so that any spelling of the same instant matches. */
    private static OffsetDateTime expectedUpdatedAt(String text) {
        try {
            return OffsetDateTime.parse(text.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.badInput(EXPECTED_UPDATED_AT, "not an ISO date-time with offset; send the updatedAt "
                    + "of the row as you last read it (2026-11-28T02:32:01.405Z)");
        }
    }

    /** CONFLICT, and nothing written, when the row's stored updatedAt is not the one the client last read. */
    private static void requireUnchanged(WriteKind kind, String id, String stored, String sent,
            OffsetDateTime expected) {
        if (stored != null && OffsetDateTime.parse(stored).isEqual(expected)) {
            return;
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("argument", EXPECTED_UPDATED_AT);
        extensions.put("kind", kind.typeName);
        extensions.put("key", id);
        extensions.put(EXPECTED_UPDATED_AT, sent);
        extensions.put("updatedAt", stored);
        String now = stored == null ? "it has no updatedAt: it was never changed through the API"
                : "its updatedAt is now " + stored;
        throw new ApiException(ErrorCode.CONFLICT, kind.typeName + " '" + id + "' was changed since "
                + sent + " (" + EXPECTED_UPDATED_AT + "): " + now + "; nothing was written: read it again and "
                + "apply your change to what is stored now", extensions);
    }

    private static SeedRows.Checked check(WriteKind kind, Map<String, String> row, String prefix) {
        try {
            return SeedRows.check(kind.file, row);
        } catch (SeedRows.InvalidRowException e) {
            throw badInput(e.problems(), prefix);
        }
    }

    private static Map<String, String> keyCells(WriteKind kind, Map<String, String> cells, String prefix) {
        try {
            return SeedRows.key(kind.file, cells);
        } catch (SeedRows.InvalidRowException e) {
            throw badInput(e.problems(), prefix);
        }
    }

    private static void stamp(Map<String, String> row, String subject) {
        row.put(UPDATED_BY, subject);
        row.put(UPDATED_AT, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS).toString());
    }

    /** BAD_USER_INPUT naming every bad field (in the client's camelCase) and why. */
    static ApiException badInput(List<Problem> problems, String prefix) {
        List<Map<String, Object>> fields = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (Problem problem : problems) {
            String field = prefix + WriteWiring.field(problem.column());
            fields.add(Map.of("field", field, "reason", problem.message()));
            parts.add(field + ": " + problem.message());
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("argument", fields.get(0).get("field"));
        extensions.put("fields", fields);
        return new ApiException(ErrorCode.BAD_USER_INPUT, String.join("; ", parts), extensions);
    }
}
