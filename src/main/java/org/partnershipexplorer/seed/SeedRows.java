package org.partnershipexplorer.seed;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.partnershipexplorer.neo4j.Cypher;

/**
 * One seed row at a time, for writes through the API: the same contract table ({@link SeedFile}, {@link Column},
 * {@link ValueType}) and the same statements ({@link SeedWriter}) as a load, so that a mutation and an import of
 * the same row leave the same graph and are refused for the same reasons.
 *
 * <p>A row is a map from column name (snake_case, as in the files) to cell text; an empty or missing cell is an
 * absent value, exactly as in a file.
 */
public final class SeedRows {

    private SeedRows() {
    }

    /** One thing wrong with a row: the column and what is wrong, in the loader's words. */
    public record Problem(String column, String message) {
    }

    /** A row that breaks the contract; nothing was written. */
    public static final class InvalidRowException extends RuntimeException {
        private final List<Problem> problems;

        public InvalidRowException(List<Problem> problems) {
            super(problems.stream().map(p -> p.column() + ": " + p.message()).collect(Collectors.joining("; ")));
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    /**
     * A row that passed the loader's per-row rules (types, required cells, order of years and dates).
     *
     * @param cells      the stripped cells
     * @param parameters the row as {@link SeedWriter}'s statement reads it
     * @param id         the key shown to users: the stable id of a relationship, or the key cells joined by ':'
     */
    public record Checked(SeedFile file, Map<String, String> cells, Map<String, Object> parameters, String id) {

        /** The stored properties the write sets; callers add {@code updatedBy} and {@code updatedAt} here. */
        public Map<String, Object> props() {
            return SeedWriter.props(parameters);
        }
    }

    /**
     * Checks a row against the contract, references aside (they need the graph: {@link #missingReferences}).
     *
     * @throws InvalidRowException listing every problem of the row
     */
    public static Checked check(SeedFile file, Map<String, String> cells) {
        Map<String, String> stripped = strip(cells);
        List<Problem> problems = new ArrayList<>();
        Map<String, Object> values = new HashMap<>();
        for (Column column : file.columns) {
            String cell = stripped.getOrDefault(column.name(), "");
            if (cell.isEmpty()) {
                if (column.required()) {
                    problems.add(new Problem(column.name(), "required, but empty"));
                }
                continue;
            }
            String badKey = file.keyProblem(column.name(), cell);
            if (badKey != null) {
                problems.add(new Problem(column.name(), badKey));
                continue;
            }
            try {
                values.put(column.name(), column.type().parse(cell));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(column.name(), e.getMessage()));
            }
        }
        for (Map.Entry<String, String> extra : stripped.entrySet()) {
            if (file.column(extra.getKey()).isEmpty()) {
                try {
                    ValueType.checkText(extra.getValue());
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(extra.getKey(), e.getMessage()));
                }
            }
        }
        checkRules(file, values, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRowException(problems);
        }
        List<Column> present = file.columns.stream().filter(c -> stripped.containsKey(c.name())).toList();
        Map<String, String> extras = SeedWriter.extraColumns(file, List.copyOf(stripped.keySet()));
        Map<String, Object> parameters = SeedWriter.parameters(file, present, extras,
                column -> stripped.getOrDefault(column, ""));
        return new Checked(file, stripped, parameters, id(file, stripped));
    }

    /**
     * The key cells of a row, stripped as {@link #check} strips them, for a lookup, an update or a delete: every later
     * step must use exactly the key that was checked, or a key that passed could name another row than the one the
     * steps after it find.
     *
     * @throws InvalidRowException listing the key's own problems (the rest of the row is not given yet)
     */
    public static Map<String, String> key(SeedFile file, Map<String, String> cells) {
        Map<String, String> key = new LinkedHashMap<>();
        for (String column : file.keyColumns) {
            String cell = cells.get(column);
            key.put(column, cell == null ? "" : ValueType.strip(cell));
        }
        try {
            check(file, key);
        } catch (InvalidRowException e) {
            List<Problem> keyProblems = e.problems().stream().filter(p -> key.containsKey(p.column())).toList();
            if (!keyProblems.isEmpty()) {
                throw new InvalidRowException(keyProblems);
            }
        }
        return key;
    }

    private static void checkRules(SeedFile file, Map<String, Object> values, List<Problem> problems) {
        for (RowRule rule : file.rules) {
            String problem = rule.problem(values);
            if (problem != null) {
                problems.add(new Problem(rule.column(), problem));
            }
        }
    }

    /** The key a user names a row by: a relationship's stable id, else the key cells joined by ':'. */
    public static String id(SeedFile file, Map<String, String> cells) {
        if (file.relationshipKind != null) {
            return SeedWriter.relationshipId(file, c -> ValueType.strip(cells.getOrDefault(c, "")));
        }
        return file.keyColumns.stream().map(c -> ValueType.strip(cells.getOrDefault(c, "")))
                .collect(Collectors.joining(":"));
    }

    /**
     * The row with the key in {@code keyCells} as it is in the graph, or empty when there is none.
     *
     * @throws InvalidRowException when a key cell is not even of its type
     */
    public static Optional<Map<String, String>> current(Cypher.Transaction tx, SeedFile file, Map<String, String> keyCells) {
        List<Map<String, String>> rows = tx.run(SeedGraph.one(file), keyParameters(file, keyCells),
                r -> cells(file, r.get("props").asMap(), r.get("ends").asMap()));
        return rows.stream().findFirst();
    }

    /**
     * The row with the key in {@code keyCells}, read under its write lock (taken by stamping {@code updatedBy}, see
     * {@link SeedGraph#locked}), or empty when there is none. The lock holds until the transaction ends, so the row
     * read is the row the transaction's own {@link #update} changes.
     */
    public static Optional<Map<String, String>> locked(Cypher.Transaction tx, SeedFile file,
            Map<String, String> keyCells, String updatedBy) {
        Map<String, Object> parameters = keyParameters(file, keyCells);
        parameters.put("updatedBy", updatedBy);
        List<Map<String, String>> rows = tx.run(SeedGraph.locked(file), parameters,
                r -> cells(file, r.get("props").asMap(), r.get("ends").asMap()));
        return rows.stream().findFirst();
    }

    /** Whether the row with that key exists. */
    public static boolean exists(Cypher.Transaction tx, SeedFile file, Map<String, String> keyCells) {
        return tx.run(SeedGraph.exists(file), keyParameters(file, keyCells), r -> r.get("found").asLong()).get(0) > 0;
    }

    /**
     * The parameters {@link SeedGraph#one} and {@link SeedGraph#exists} take: the parsed key cells, and the stable
     * id for a relationship file.
     */
    static Map<String, Object> keyParameters(SeedFile file, Map<String, String> keyCells) {
        Map<String, Object> key = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (String name : file.keyColumns) {
            Column column = file.column(name).orElseThrow();
            String cell = ValueType.strip(keyCells.getOrDefault(name, ""));
            if (cell.isEmpty()) {
                if (column.required()) {
                    problems.add(new Problem(name, "required, but empty"));
                }
                continue;
            }
            String badKey = file.keyProblem(name, cell);
            if (badKey != null) {
                problems.add(new Problem(name, badKey));
                continue;
            }
            try {
                key.put(name, column.type().parse(cell));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(name, e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRowException(problems);
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("key", key);
        parameters.put("id", id(file, keyCells));
        return parameters;
    }

    /**
     * The keys a checked row names that the graph lacks, and an organisation code that clashes with a country's
     * iso3 (or the reverse): the checks the loader makes against earlier files, made against the graph.
     */
    public static List<Problem> missingReferences(Cypher.Transaction tx, Checked row) {
        return missingReferences(tx, row, row.file().columnNames());
    }

    /**
     * As {@link #missingReferences(Cypher.Transaction, Checked)}, for the keys named in {@code columns} only: an
     * update checks what it was sent, the rest of the row being in the graph already.
     */
    public static List<Problem> missingReferences(Cypher.Transaction tx, Checked row, Collection<String> columns) {
        List<Problem> problems = new ArrayList<>();
        for (Column column : row.file().columns) {
            String cell = row.cells().getOrDefault(column.name(), "");
            if (column.ref() == null || cell.isEmpty() || !columns.contains(column.name())) {
                continue;
            }
            Object value = column.type().parse(cell);
            Collection<?> keys = value instanceof List<?> list ? list : List.of(value);
            for (Object key : keys) {
                boolean found = tx.run(SeedGraph.reference(column.ref()), Map.of("key", key),
                        r -> r.get("found").asBoolean()).get(0);
                if (!found) {
                    problems.add(new Problem(column.name(), "unknown " + column.ref().noun + " '" + key + "'"));
                }
            }
        }
        if (row.file() == SeedFile.ORGANIZATIONS && columns.contains("code")
                && clashes(tx, Column.Ref.COUNTRY, row.cells().get("code"))) {
            problems.add(new Problem("code", "code '" + row.cells().get("code") + "' clashes with a country's iso3"));
        }
        if (row.file() == SeedFile.COUNTRIES && columns.contains("iso3")
                && clashes(tx, Column.Ref.ORGANIZATION, row.cells().get("iso3"))) {
            problems.add(new Problem("iso3", "iso3 '" + row.cells().get("iso3") + "' clashes with an organisation's code"));
        }
        if (columns.contains("id")) {
            for (Column.Ref other : SeedFile.sharingIds(row.file())) {
                if (clashes(tx, other, row.cells().get("id"))) {
                    problems.add(new Problem("id", SeedFile.idClash(row.cells().get("id"), other, "in the database")));
                }
            }
        }
        return problems;
    }

    private static boolean clashes(Cypher.Transaction tx, Column.Ref other, String key) {
        return tx.run(SeedGraph.reference(other), Map.of("key", key), r -> r.get("found").asBoolean()).get(0);
    }

    /**
     * Writes a new row with the loader's statement, creating its node or relationship instead of merging it.
     *
     * @throws org.partnershipexplorer.neo4j.DuplicateKeyException (from the transaction) when the key is taken,
     *         also by a create that committed while this one ran
     */
    public static void create(Cypher.Transaction tx, Checked row) {
        tx.run(SeedWriter.createStatement(row.file()), Map.of("rows", List.of(row.parameters())));
    }

    /**
     * Writes the cells of {@code sent} (an empty one removes its property) of a row read by {@link #locked} in the
     * same transaction; the other properties stay as they are stored.
     *
     * @param row  the whole row as it is to be, checked: the stored cells with those sent over them
     * @param sent the columns the client sent, and the audit stamps; key columns name the row and are not written
     */
    public static void update(Cypher.Transaction tx, Checked row, Collection<String> sent) {
        SeedFile file = row.file();
        Map<String, Object> props = row.props();
        Map<String, Object> set = new HashMap<>();
        boolean ends = false;
        for (Column column : file.columns) {
            if (!sent.contains(column.name()) || file.keyColumns.contains(column.name())) {
                continue;
            }
            if (column.stored()) {
                set.put(column.property(), props.get(column.property()));
            }
            // the relationships a node row implies carry its endpoints, confidence and source
            ends |= !column.stored() || column == Column.CONFIDENCE || column == Column.SOURCE;
        }
        Map<String, Object> parameters = keyParameters(file, row.cells());
        parameters.put("set", set);
        parameters.put("row", row.parameters());
        tx.run(SeedWriter.update(file, ends), parameters);
    }

    /**
     * Deletes the row with that key: a relationship, or a node with the relationships that are part of its own row
     * (a mission's hosts, a pledge's pledger). What else points at a node is the caller's decision.
     */
    public static void delete(Cypher.Transaction tx, SeedFile file, Map<String, String> keyCells) {
        tx.run(SeedGraph.delete(file), keyParameters(file, keyCells));
    }

    /**
     * A row as the graph holds it, back as cells: contract columns from their properties and endpoints, every other
     * property as an extra column named in snake_case (which the loader turns back into the same camelCase name).
     */
    static Map<String, String> cells(SeedFile file, Map<String, Object> props, Map<String, Object> ends) {
        Map<String, String> cells = new LinkedHashMap<>();
        Set<String> known = new java.util.HashSet<>(Set.of("id"));
        for (Column column : file.columns) {
            Object value = ends.containsKey(column.name()) ? ends.get(column.name())
                    : column.stored() ? props.get(column.property()) : null;
            if (column.stored()) {
                known.add(column.property());
            }
            if (value != null) {
                cells.put(column.name(), format(value));
            }
        }
        new TreeSet<>(props.keySet()).stream()
                .filter(p -> !known.contains(p))
                .forEach(p -> cells.put(snakeCase(p), format(props.get(p))));
        return cells;
    }

    /** The extra columns (beyond the contract) a set of stored property names needs, in snake_case. */
    static List<String> extraColumns(SeedFile file, Collection<String> properties) {
        Set<String> known = new java.util.HashSet<>(Set.of("id"));
        file.columns.stream().filter(Column::stored).forEach(c -> known.add(c.property()));
        return new TreeSet<>(properties).stream().filter(p -> !known.contains(p)).map(SeedRows::snakeCase).toList();
    }

    /** {@code valueUsd} becomes {@code value_usd}; {@link Column#camelCase} turns it back. */
    static String snakeCase(String property) {
        StringBuilder out = new StringBuilder();
        for (char c : property.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String format(Object value) {
        if (value instanceof ZonedDateTime zoned) {
            return zoned.toOffsetDateTime().toString();
        }
        if (value instanceof OffsetDateTime || value instanceof LocalDate) {
            return value.toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).sorted().collect(Collectors.joining(";"));
        }
        return String.valueOf(value);
    }

    /** The non-empty cells, stripped as a file's are ({@link ValueType#strip}). */
    private static Map<String, String> strip(Map<String, String> cells) {
        Map<String, String> stripped = new LinkedHashMap<>();
        cells.forEach((k, v) -> {
            String cell = v == null ? "" : ValueType.strip(v);
            if (!cell.isEmpty()) {
                stripped.put(k, cell);
            }
        });
        return stripped;
    }
}
