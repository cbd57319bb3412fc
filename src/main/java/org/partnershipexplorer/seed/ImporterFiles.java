package org.partnershipexplorer.seed;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.partnershipexplorer.neo4j.ImportedCounts;

/**
 * The rows of a validated seed as the CSV files of Neo4j's offline importer ({@link OfflineImport}).
 *
 * <p>Only the shape is mapped here: which label or type a file's rows get, and between which ends. What a row
 * holds comes whole from {@link SeedWriter#parameters} (its {@code props}, its {@code edge} and its endpoint
 * columns), the same map the Bolt statements write, and each property's importer type is taken from the Java value
 * the row carries (a {@code Long} is a {@code long}, a {@code LocalDate} a {@code date}), so that a row arrives with
 * the same Neo4j types whichever way it is loaded. The header of each file is written last, beside its data, once
 * every value has shown its type; the importer reads header and data as one file ({@code --nodes=L=header,data}).
 *
 * <p>Each kind of key has an id space of its own, as the graph's uniqueness constraints have a label of their own:
 * countries and organisations share {@code Actor} (an actor column may name either), so a relationship names its
 * ends exactly as the Bolt statements find them.
 */
final class ImporterFiles implements SeedWriter.Sink {

    /**
     * Separates the elements of a list property. A list's elements may hold {@code ;} (a donation's item in a
     * delivery's id), so the importer is told another character, one no seed text is expected to hold (checked).
     */
    static final char ARRAY_DELIMITER = '\u001F';

    private final Path dir;
    private final Map<String, Output> outputs = new LinkedHashMap<>();
    private final ImportTally tally = new ImportTally();
    /** Characters of every row written, and of the longest row: what the importer's read buffer is sized by. */
    private long written;
    private int longestRow;
    /** Each id space and the seed files whose rows define its ids, for an error that names a space. */
    private final Map<String, java.util.Set<String>> spaces = new LinkedHashMap<>();
    private boolean multiline;
    /** Set by {@link #abandon()} from another thread: the writer stops at its next batch. */
    private volatile boolean abandoned;

    ImporterFiles(Path dir) {
        this.dir = dir;
    }

    /** Whether some value holds a line break: the importer must then read fields over several lines. */
    boolean multiline() {
        return multiline;
    }

    @Override
    public void run(SeedFile file, List<Map<String, Object>> rows) {
        if (abandoned) {
            throw new IllegalStateException("the import was abandoned");
        }
        for (Map<String, Object> row : rows) {
            write(file, row);
        }
    }

    private void write(SeedFile file, Map<String, Object> row) {
        Map<String, Object> props = SeedWriter.props(row);
        @SuppressWarnings("unchecked")
        Map<String, Object> edge = (Map<String, Object>) row.get("edge");
        switch (file) {
            case SOURCES -> node(file, "Source", "Source", props.get("id"), props);
            case COUNTRIES -> node(file, "Country:Actor", "Actor", props.get("id"), props);
            case ORGANIZATIONS -> node(file, "Organization:Actor", "Actor", props.get("id"), props);
            case PROGRAMS -> node(file, "Program", "Program", props.get("code"), props);
            case MISSIONS -> {
                node(file, "Mission", "Mission", props.get("acronym"), props);
                hosts(file, "LOCATED_IN", "Mission", props.get("acronym"), row, edge);
            }
            case MINISTERIALS -> {
                node(file, "Ministerial", "Ministerial", props.get("id"), props);
                hosts(file, "HOSTED_BY", "Ministerial", props.get("id"), row, edge);
            }
            case MEMBERSHIPS -> relationship(file, "MEMBER_OF", "Actor", row.get("iso3"), "Actor",
                    row.get("organization"), props);
            case CONTRIBUTIONS -> relationship(file, "CONTRIBUTES_TO", "Actor", row.get("iso3"), "Mission",
                    row.get("mission"), props);
            case DEPLOYMENTS -> {
                // a deployment has no key of its own in the graph: (iso3, asOf) names it here only
                String key = row.get("iso3") + "|" + props.get("asOf");
                node(file, "Deployment", "Deployment", key, props);
                relationship(file, "REPORTED", "Actor", row.get("iso3"), "Deployment", key, edge);
            }
            case TRAININGS -> relationship(file, "TRAINS", "Actor", row.get("trainer"), "Actor", row.get("trainee"),
                    props);
            case DONATIONS -> relationship(file, "DONATES_TO", "Actor", row.get("donor"), "Actor",
                    row.get("recipient"), props);
            case PLEDGES -> {
                Object id = props.get("id");
                node(file, "Pledge", "Pledge", id, props);
                relationship(file, "PLEDGED", "Actor", row.get("pledger"), "Pledge", id, edge);
                relationship(file, "MADE_AT", "Pledge", id, "Ministerial", row.get("ministerial"), edge);
                if (row.get("beneficiary") != null) {
                    relationship(file, "BENEFITS", "Pledge", id, "Actor", row.get("beneficiary"), edge);
                }
                if (row.get("mission") != null) {
                    relationship(file, "SUPPORTS", "Pledge", id, "Mission", row.get("mission"), edge);
                }
            }
            case ATTENDANCE -> relationship(file, "ATTENDED", "Actor", row.get("actor"), "Ministerial",
                    row.get("ministerial"), props);
        }
    }

    /** A mission's or a ministerial's host countries, each a relationship with the row's confidence and source. */
    private void hosts(SeedFile file, String type, String space, Object id, Map<String, Object> row,
            Map<String, Object> edge) {
        Object hosts = row.get("hostIso3");
        if (hosts instanceof List<?> list) {
            for (Object host : list) {
                relationship(file, type, space, id, "Actor", host, edge);
            }
        }
    }

    private void node(SeedFile file, String labels, String space, Object id, Map<String, Object> props) {
        spaces.computeIfAbsent(space, s -> new java.util.LinkedHashSet<>()).add(file.fileName);
        output(file, "--nodes=" + labels + "=", ":ID(" + space + ")").row(List.of(id), props);
        tally.node(labels, space, id);
    }

    private void relationship(SeedFile file, String type, String fromSpace, Object from, String toSpace, Object to,
            Map<String, Object> props) {
        output(file, "--relationships=" + type + "=", ":START_ID(" + fromSpace + "),:END_ID(" + toSpace + ")")
                .row(List.of(from, to), props);
        tally.relationship(type, fromSpace, from, toSpace, to, props);
    }

    private Output output(SeedFile file, String option, String ids) {
        String key = file.fileName + " " + option;
        Output out = outputs.get(key);
        if (out == null) {
            String name = option.replaceAll("[^A-Za-z_]+", "-").replaceAll("^-+|-+$", "") + "-from-" + file.fileName;
            out = new Output(option, ids, dir.resolve("header-" + name), dir.resolve(name));
            outputs.put(key, out);
        }
        return out;
    }

    /**
     * Where the ids of the importer's group (id space) {@code space} come from: the seed files, such as
     * {@code countries.csv, organizations.csv} for {@code Actor}; empty for a space no row defined.
     */
    String filesOf(String space) {
        return String.join(", ", spaces.getOrDefault(space, java.util.Set.of()));
    }

    /**
     * Closes every data file and writes its header.
     *
     * @return the importer's arguments naming them: {@code --nodes=...} and {@code --relationships=...}
     */
    List<String> finish() {
        List<String> arguments = new ArrayList<>();
        for (Output out : outputs.values()) {
            arguments.add(out.finish());
        }
        return arguments;
    }

    /** The importer's own read buffer ({@code --read-buffer-size}, 4 Mi): sized for inputs of hundreds of megabytes. */
    static final long IMPORTER_READ_BUFFER = 4L << 20;
    /** The smallest read buffer these files get (the importer counts it in characters). */
    static final long MIN_READ_BUFFER = 256L << 10;

    /**
     * The read buffer for the importer to read these files with (in characters): its own for a large input, an
     * eighth of the input (at least 256 Ki) for a small one, and never less than twice the longest row, since the
     * importer cuts its input at line ends and refuses a row that does not fit in one buffer ("no newline character
     * in the whole buffer"). The importer allocates buffers of that size as it reads each file (a sample of each
     * first, then the import): with its own size the bundled seed's many small files took it 0.2 to 0.6 s longer
     * than with 256 Ki to 1 Mi (bench/README.md, "The empty start: counts from the import, ..."), while a million
     * relationships read with 1 Mi buffers took 1.5 s longer than with its own.
     */
    long readBufferSize() {
        long size = Math.min(IMPORTER_READ_BUFFER, Math.max(MIN_READ_BUFFER, written / 8));
        return Math.max(size, 2L * longestRow);
    }

    /** What the rows written so far make in the store, counted as they were written. */
    ImportedCounts counts() {
        return tally.counts();
    }

    /** Stops the writing from another thread (the check refused the seed): the writer stops at its next batch. */
    void abandon() {
        abandoned = true;
    }

    /** Closes the data files after a failure, without headers: the folder they are in is deleted. */
    void closeQuietly() {
        for (Output out : outputs.values()) {
            try {
                out.data.close();
            } catch (IOException ignored) {
                // the folder goes anyway
            }
        }
    }

    /** One data file and its header: the ids, then one column per property, in the order first seen. */
    private final class Output {

        private final String option;
        private final String ids;
        private final Path header;
        private final Path dataFile;
        private final BufferedWriter data;
        /** Property to importer type; the columns' order is the map's. */
        private final Map<String, String> columns = new LinkedHashMap<>();
        private final List<String> order = new ArrayList<>();
        private final StringBuilder line = new StringBuilder(256);

        Output(String option, String ids, Path header, Path dataFile) {
            this.option = option;
            this.ids = ids;
            this.header = header;
            this.dataFile = dataFile;
            try {
                this.data = Files.newBufferedWriter(dataFile, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the importer's file " + dataFile, e);
            }
        }

        /**
         * A row: its ids, then its properties under the columns seen so far. A property first seen on a later row
         * gets a column at the end; the rows before it are shorter, which the importer reads as that property absent.
         */
        void row(List<Object> idValues, Map<String, Object> props) {
            for (String property : props.keySet()) {
                if (!columns.containsKey(property)) {
                    columns.put(property, null);
                    order.add(property);
                }
            }
            line.setLength(0);
            for (int i = 0; i < idValues.size(); i++) {
                if (i > 0) {
                    line.append(',');
                }
                quoted(String.valueOf(idValues.get(i)));
            }
            // the last column this row fills: trailing absent cells are left off, as the rows before a new column are
            int last = -1;
            for (int i = 0; i < order.size(); i++) {
                if (props.get(order.get(i)) != null) {
                    last = i;
                }
            }
            for (int i = 0; i <= last; i++) {
                line.append(',');
                String property = order.get(i);
                Object value = props.get(property);
                if (value != null) {
                    cell(property, value);
                }
            }
            line.append('\n');
            written += line.length();
            longestRow = Math.max(longestRow, line.length());
            try {
                data.append(line);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the importer's file " + dataFile, e);
            }
        }

        private void cell(String property, Object value) {
            String type = type(value);
            String seen = columns.get(property);
            if (seen == null) {
                columns.put(property, type);
            } else if (!seen.equals(type)) {
                throw new IllegalStateException("The property " + property + " holds a " + seen + " in one row and a "
                        + type + " in another: the importer takes one type per column");
            }
            if (value instanceof String s) {
                quoted(s);
            } else if (value instanceof List<?> list) {
                StringBuilder joined = new StringBuilder();
                for (Object element : list) {
                    String text = String.valueOf(element);
                    if (text.indexOf(ARRAY_DELIMITER) >= 0) {
                        throw new IllegalArgumentException("The value '" + text + "' of " + property
                                + " holds the control character U+001F, which the offline import puts between a "
                                + "list's elements");
                    }
                    if (!joined.isEmpty()) {
                        joined.append(ARRAY_DELIMITER);
                    }
                    joined.append(text);
                }
                quoted(joined.toString());
            } else {
                line.append(value);
            }
        }

        private void quoted(String text) {
            if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
                multiline = true;
            }
            line.append('"').append(text.replace("\"", "\"\"")).append('"');
        }

        /** The header names the columns and types seen; a column never filled is a string (no row holds it). */
        String finish() {
            try {
                data.close();
                StringBuilder head = new StringBuilder(ids);
                for (String property : order) {
                    String type = columns.get(property);
                    head.append(',').append(property).append(':').append(type == null ? "string" : type);
                }
                Files.writeString(header, head.append('\n'), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the importer's file " + header, e);
            }
            return option + header + "," + dataFile;
        }
    }

    /** The importer's type of a value as {@link SeedWriter#parameters} parses it. */
    private static String type(Object value) {
        if (value instanceof String) {
            return "string";
        } else if (value instanceof Long || value instanceof Integer) {
            return "long";
        } else if (value instanceof Double) {
            return "double";
        } else if (value instanceof Boolean) {
            return "boolean";
        } else if (value instanceof LocalDate) {
            return "date";
        } else if (value instanceof OffsetDateTime) {
            return "datetime";
        } else if (value instanceof List<?>) {
            return "string[]";
        }
        throw new IllegalStateException("No importer type for " + value.getClass().getName());
    }
}
