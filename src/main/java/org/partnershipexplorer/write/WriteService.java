package org.partnershipexplorer.write;

import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.partnershipexplorer.graphql.ApiException;
import org.partnershipexplorer.graphql.ErrorCode;
import org.partnershipexplorer.neo4j.Cypher;
import org.partnershipexplorer.seed.SeedRows;
import org.partnershipexplorer.seed.SeedRows.Problem;

/**
 * Writes one row of one kind in one transaction: checked by the seed loader's rules ({@link SeedRows}), its
 * references checked against the graph in the same transaction, then written with the loader's own statement.
 * Any refusal rolls the transaction back: nothing is written.
 */
@Singleton
final class WriteService {

    static final String UPDATED_BY = "updated_by";
    static final String UPDATED_AT = "updated_at";

    private final Cypher cypher;

    WriteService(Cypher cypher) {
        this.cypher = cypher;
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
     * @param cells  the row the client sent, as seed cells
     * @param prefix how the client names the fields ({@code input.})
     */
    WriteResult create(WriteKind kind, Map<String, String> cells, String subject, String prefix) {
        Map<String, String> row = new LinkedHashMap<>(cells);
        stamp(row, subject);
        SeedRows.Checked checked = check(kind, row, prefix);
        return inTransaction(tx -> {
            if (SeedRows.exists(tx, kind.file, row)) {
                throw new ApiException(ErrorCode.BAD_USER_INPUT, kind.typeName + " '" + checked.id()
                        + "' already exists; " + kind.update() + " changes it",
                        Map.of("argument", prefix.isEmpty() ? "key" : prefix.substring(0, prefix.length() - 1),
                                "reason", "EXISTS"));
            }
            return write(tx, kind, checked, prefix);
        });
    }

    /**
     * @param changes the fields the client sent: a cell per field, an empty cell for an explicit null (clears it)
     */
    WriteResult update(WriteKind kind, Map<String, String> changes, String subject, String prefix) {
        return inTransaction(tx -> {
            Map<String, String> row = new LinkedHashMap<>(SeedRows.current(tx, kind.file, keyCells(kind, changes, prefix))
                    .orElseThrow(() -> ApiException.notFound(kind.typeName, SeedRows.id(kind.file, changes))));
            row.putAll(changes);
            stamp(row, subject);
            return write(tx, kind, check(kind, row, prefix), prefix);
        });
    }

    Deleted delete(WriteKind kind, Map<String, String> keyCells, boolean cascade) {
        return inTransaction(tx -> {
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
     * One write transaction within explorer.limits.query-timeout. A write that runs out of time (it waited for a
     * lock that a burst of writes to the same node held) is rolled back and answered SERVICE_UNAVAILABLE: the
     * client may simply send it again.
     */
    private <T> T inTransaction(java.util.function.Function<Cypher.Transaction, T> work) {
        try {
            return cypher.inWriteTransaction(cypher.queryTimeout(), work);
        } catch (org.partnershipexplorer.neo4j.QueryTimeoutException e) {
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "The write did not finish within the time limit "
                    + "(explorer.limits.query-timeout: the database is busy); nothing was written; try again",
                    Map.of("limit", "queryTimeout"));
        }
    }

    private static void addIfAny(List<Removed> removed, String what, long count) {
        if (count > 0) {
            removed.add(new Removed(what, count));
        }
    }

    private WriteResult write(org.partnershipexplorer.neo4j.Cypher.Transaction tx, WriteKind kind, SeedRows.Checked checked,
            String prefix) {
        List<Problem> missing = SeedRows.missingReferences(tx, checked);
        if (!missing.isEmpty()) {
            throw badInput(missing, prefix);
        }
        SeedRows.write(tx, checked);
        Map<String, String> stored = SeedRows.current(tx, kind.file, checked.cells()).orElseThrow(
                () -> new IllegalStateException(kind.typeName + " " + checked.id() + " not found after its write"));
        return new WriteResult(kind, checked.id(), stored.get(UPDATED_AT), stored.get(UPDATED_BY), stored);
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
