package org.partnershipexplorer.seed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.partnershipexplorer.seed.Column.Ref;
import org.partnershipexplorer.seed.LoadReport.FileRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pass 1 of a load: checks every row of every file against docs/graph-model.md and collects all errors, so a user
 * fixes a seed in one round. Files stream in dependency order; only key sets are kept in memory.
 *
 * <p>A load merges into what the graph holds, so a key named but not defined by the seed's own files may be in the
 * graph already (an import of trainings.csv alone names countries loaded long before): those keys are gathered while
 * the files stream and looked up together at the end, in one read ({@link KnownKeys}); what neither has is an error
 * at each line that names it.
 */
final class SeedValidator {

    /** More errors than this are counted, not listed: the first thousand are enough to see the pattern. */
    static final int MAX_ERRORS = 1000;
    static final int PROGRESS_EVERY = 10_000;
    static final String ROW = "(row)";
    static final String CSV = "(csv)";

    private static final Logger LOG = LoggerFactory.getLogger(SeedValidator.class);

    private final SeedSource source;
    private final boolean includeIllustrative;
    private final List<SeedError> errors = new ArrayList<>();
    private long omitted;
    /** Key to "defined only by an illustrative row", for each kind of key a later file may name. */
    private final Map<Ref, Map<String, Boolean>> defined = new EnumMap<>(Ref.class);
    /** Kinds whose file could not be read: references to them are not checked, to spare a flood of false errors. */
    private final Set<Ref> unchecked = EnumSet.noneOf(Ref.class);

    private final SeedProgress progress;
    private final KnownKeys known;
    /** Keys named but not defined by the files, by the kind looked up, each with its uses. */
    private final Map<Ref, Map<String, Uses>> undefined = new EnumMap<>(Ref.class);
    /**
     * Keys the files define that the graph must not hold as another kind sharing their namespace (an organisation
     * code that is a country's iso3 there, a pledge id that is a ministerial's), by that other kind, each with the
     * error it becomes: looked up in the same read as {@link #undefined}.
     */
    private final Map<Ref, Map<String, SeedError>> clashing = new EnumMap<>(Ref.class);

    /** Where a key is named: the first {@link #MAX_ERRORS} uses as the errors they become if it is unknown. */
    private static final class Uses {
        final List<SeedError> first = new ArrayList<>();
        long more;
    }

    private SeedValidator(SeedSource source, boolean includeIllustrative, SeedProgress progress, KnownKeys known) {
        this.source = source;
        this.includeIllustrative = includeIllustrative;
        this.progress = progress;
        this.known = known;
    }

    /**
     * Validates a whole seed.
     *
     * @return the rows of each file the seed has
     * @throws SeedValidationException listing every error, when there is one
     */
    static List<FileRows> validate(SeedSource source, boolean includeIllustrative) {
        return validate(source, includeIllustrative, SeedProgress.NONE);
    }

    static List<FileRows> validate(SeedSource source, boolean includeIllustrative, SeedProgress progress) {
        return validate(source, includeIllustrative, progress, null);
    }

    /**
     * @param known the keys the graph holds, for references the files do not define; null: the files alone must
     *              define every key they name (start-up seeding loads a whole seed; an upgrade replaces the graph's
     *              rows with the release's)
     */
    static List<FileRows> validate(SeedSource source, boolean includeIllustrative, SeedProgress progress,
            KnownKeys known) {
        SeedValidator validator = new SeedValidator(source, includeIllustrative, progress, known);
        List<FileRows> files = new ArrayList<>();
        for (SeedFile file : SeedFile.values()) {
            validator.validate(file).ifPresent(files::add);
        }
        validator.checkUndefinedAgainstGraph();
        if (!validator.errors.isEmpty()) {
            // the graph's answers come after every file: back into file order, then line order
            validator.errors.sort(Comparator.comparing((SeedError e) -> SeedFile.byFileName(e.file()).orElseThrow())
                    .thenComparingLong(SeedError::line));
            throw new SeedValidationException(source.describe(), validator.errors, validator.omitted);
        }
        return files;
    }

    private Optional<FileRows> validate(SeedFile file) {
        if (file.defines != null) {
            // trainings and donations both define partnerships: the second file adds to the first one's ids
            defined.computeIfAbsent(file.defines, kind -> new HashMap<>());
        }
        Optional<SeedCsv> opened;
        try {
            opened = SeedCsv.open(source, file.fileName);
        } catch (SeedCsv.Malformed e) {
            error(file, e.line, CSV, e.getMessage());
            markUnchecked(file);
            return Optional.of(new FileRows(file.fileName, 0, 0));
        }
        if (opened.isEmpty()) {
            LOG.debug("Seed {}: no {}", source.describe(), file.fileName);
            return Optional.empty();
        }
        try (SeedCsv csv = opened.get()) {
            return Optional.of(validateRows(file, csv));
        }
    }

    private FileRows validateRows(SeedFile file, SeedCsv csv) {
        List<String> header = csv.header();
        List<Column> present = new ArrayList<>();
        boolean complete = true;
        for (Column column : file.columns) {
            if (header.contains(column.name())) {
                present.add(column);
            } else if (column.required()) {
                error(file, 1, column.name(), "required column is missing from the header");
                complete = false;
            }
        }
        warnAboutIgnoredExtras(file, header);
        if (!complete) {
            markUnchecked(file);
            return new FileRows(file.fileName, 0, 0);
        }
        Map<String, Long> keys = new HashMap<>();
        long read = 0;
        long skipped = 0;
        try {
            for (SeedCsv.Row row = csv.next(); row != null; row = csv.next()) {
                read++;
                if (!validateRow(file, header.size(), present, row, keys)) {
                    skipped++;
                }
                if (read % PROGRESS_EVERY == 0) {
                    LOG.info("Validating {}: {} rows", file.fileName, read);
                }
                if (read % SeedProgress.EVERY == 0) {
                    progress.validating(file.fileName, read);
                }
            }
        } catch (SeedCsv.Malformed e) {
            error(file, e.line, CSV, e.getMessage());
            markUnchecked(file);
        }
        progress.validating(file.fileName, read);
        LOG.info("Validated {}: {} rows", file.fileName, read);
        return new FileRows(file.fileName, read, skipped);
    }

    /** Checks one row; answers whether the load will write it (false: illustrative and excluded). */
    private boolean validateRow(SeedFile file, int width, List<Column> present, SeedCsv.Row row,
            Map<String, Long> keys) {
        if (row.size() != width) {
            error(file, row.line(), ROW, row.size() + " cells, but the header has " + width);
        }
        boolean illustrative = "illustrative".equalsIgnoreCase(row.get(Column.CONFIDENCE.name()));
        Map<String, Object> values = new HashMap<>();
        for (Column column : present) {
            String cell = row.get(column.name());
            if (cell.isEmpty()) {
                if (column.required()) {
                    error(file, row.line(), column.name(), "required, but empty");
                }
                continue;
            }
            String badKey = file.keyProblem(column.name(), cell);
            if (badKey != null) {
                error(file, row.line(), column.name(), badKey);
                continue;
            }
            Object value;
            try {
                value = column.type().parse(cell);
            } catch (IllegalArgumentException e) {
                error(file, row.line(), column.name(), e.getMessage());
                continue;
            }
            values.put(column.name(), value);
            if (column.ref() != null) {
                List<?> named = value instanceof List<?> list ? list : List.of(value);
                for (Object key : named) {
                    checkReference(file, row.line(), column, (String) key, illustrative);
                }
            }
        }
        checkRules(file, row.line(), values);
        checkKey(file, row, keys, illustrative);
        return includeIllustrative || !illustrative;
    }

    private void checkReference(SeedFile file, long line, Column column, String key, boolean illustrativeRow) {
        Ref ref = column.ref();
        List<Ref> kinds = ref == Ref.ACTOR ? List.of(Ref.COUNTRY, Ref.ORGANIZATION) : List.of(ref);
        if (kinds.stream().anyMatch(unchecked::contains)) {
            return;
        }
        Boolean illustrativeOnly = kinds.stream()
                .map(kind -> defined.getOrDefault(kind, Map.of()).get(key))
                .filter(found -> found != null)
                .findFirst()
                .orElse(null);
        if (illustrativeOnly == null && known != null) {
            Uses uses = undefined.computeIfAbsent(ref, r -> new HashMap<>()).computeIfAbsent(key, k -> new Uses());
            if (uses.first.size() < MAX_ERRORS) {
                uses.first.add(new SeedError(file.fileName, line, column.name(),
                        "unknown " + ref.noun + " '" + key + "' (not in " + ref.definedIn + " nor in the database)"));
            } else {
                uses.more++;
            }
        } else if (illustrativeOnly == null) {
            error(file, line, column.name(), "unknown " + ref.noun + " '" + key + "' (not in " + ref.definedIn + ")");
        } else if (illustrativeOnly && !includeIllustrative && !illustrativeRow) {
            error(file, line, column.name(), ref.noun + " '" + key
                    + "' is defined only by an illustrative row, which a load without illustrative data skips");
        }
    }

    /** A load that merges into the graph: the key may not be held there as {@code other} (checked at the end). */
    private void clashInGraph(Ref other, String key, SeedError error) {
        if (known != null) {
            clashing.computeIfAbsent(other, r -> new HashMap<>()).putIfAbsent(key, error);
        }
    }

    /**
     * Looks the keys the files named but did not define up in the graph, and the keys they define that another kind
     * holds there, all at once; the first missing and the second found are errors.
     */
    private void checkUndefinedAgainstGraph() {
        if (undefined.isEmpty() && clashing.isEmpty()) {
            return;
        }
        Map<Ref, Set<String>> wanted = new EnumMap<>(Ref.class);
        undefined.forEach((ref, keys) -> wanted.put(ref, new java.util.HashSet<>(keys.keySet())));
        clashing.forEach((ref, keys) -> wanted.computeIfAbsent(ref, r -> new java.util.HashSet<>())
                .addAll(keys.keySet()));
        Map<Ref, Set<String>> found = known.existing(wanted);
        clashing.forEach((ref, keys) -> keys.forEach((key, error) -> {
            if (found.getOrDefault(ref, Set.of()).contains(key)) {
                error(error);
            }
        }));
        for (Map.Entry<Ref, Map<String, Uses>> kind : undefined.entrySet()) {
            Set<String> present = found.getOrDefault(kind.getKey(), Set.of());
            for (Map.Entry<String, Uses> key : kind.getValue().entrySet()) {
                if (!present.contains(key.getKey())) {
                    key.getValue().first.forEach(this::error);
                    omitted += key.getValue().more;
                }
            }
        }
    }

    private void checkRules(SeedFile file, long line, Map<String, Object> values) {
        for (RowRule rule : file.rules) {
            String problem = rule.problem(values);
            if (problem != null) {
                error(file, line, rule.column(), problem);
            }
        }
    }

    /** Duplicate keys, organisation codes that clash with a country, and the keys later files may name. */
    private void checkKey(SeedFile file, SeedCsv.Row row, Map<String, Long> keys, boolean illustrative) {
        List<String> parts = new ArrayList<>();
        for (String column : file.keyColumns) {
            String cell = row.get(column);
            if (cell.isEmpty() && file.column(column).orElseThrow().required()) {
                return;
            }
            parts.add(cell);
        }
        String key = String.join("\u0000", parts);
        String shown = String.join(", ", parts.stream().filter(p -> !p.isEmpty()).toList());
        String column = file.keyColumns.get(0);
        Long first = keys.putIfAbsent(key, row.line());
        if (first != null) {
            error(file, row.line(), column, "duplicate key '" + shown + "' (first on line " + first + ")");
            return;
        }
        if (file == SeedFile.ORGANIZATIONS && !unchecked.contains(Ref.COUNTRY)
                && defined.get(Ref.COUNTRY).containsKey(key)) {
            error(file, row.line(), column, "code '" + key + "' clashes with a country's iso3 in countries.csv");
        } else if (file == SeedFile.ORGANIZATIONS) {
            clashInGraph(Ref.COUNTRY, key, new SeedError(file.fileName, row.line(), column,
                    "code '" + key + "' clashes with a country's iso3 in the database"));
        } else if (file == SeedFile.COUNTRIES) {
            clashInGraph(Ref.ORGANIZATION, key, new SeedError(file.fileName, row.line(), column,
                    "iso3 '" + key + "' clashes with an organisation's code in the database"));
        }
        for (Ref other : SeedFile.sharingIds(file)) {
            if (unchecked.contains(other)) {
                continue;
            }
            if (defined.getOrDefault(other, Map.of()).containsKey(key)) {
                error(file, row.line(), column, SeedFile.idClash(key, other, "in " + other.definedIn));
            } else {
                clashInGraph(other, key, new SeedError(file.fileName, row.line(), column,
                        SeedFile.idClash(key, other, "in the database")));
            }
        }
        if (file.defines != null) {
            // a relationship is named by its stable id, as the graph and the API name it
            String defines = file.relationshipKind != null ? SeedWriter.relationshipId(file, row::get) : key;
            defined.get(file.defines).put(defines, illustrative);
        }
    }

    private void warnAboutIgnoredExtras(SeedFile file, List<String> header) {
        for (String name : header) {
            if (file.column(name).isPresent()) {
                continue;
            }
            String property = Column.camelCase(name);
            if (property.isEmpty() || file.storesProperty(property)) {
                LOG.warn("{}: extra column '{}' is ignored: its property name '{}' is taken or empty",
                        file.fileName, name, property);
            }
        }
    }

    private void markUnchecked(SeedFile file) {
        if (file.defines != null) {
            unchecked.add(file.defines);
        }
    }

    private void error(SeedFile file, long line, String column, String message) {
        error(new SeedError(file.fileName, line, column, message));
    }

    private void error(SeedError error) {
        if (errors.size() < MAX_ERRORS) {
            errors.add(error);
        } else {
            omitted++;
        }
    }
}
