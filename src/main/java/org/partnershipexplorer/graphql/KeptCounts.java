package org.partnershipexplorer.graphql;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.partnershipexplorer.neo4j.CountStore;

/**
 * The graph's counts as the last run of an embedded store read them, kept in a file beside the store. The sums of
 * squared degrees and the years' ends take two statements that a cold start plans slowly (about 2 s on two cores,
 * while readiness waits); the totals take one quick read of Neo4j's count store. A start whose totals are those the
 * file was written with begins with the file's figures and recounts in the background; any other file (another
 * store's, an older format, a graph changed since) is ignored and the start counts as before.
 *
 * @param totals  every label's and type's total when the file was written
 * @param spans   per dated type, its first and last year
 * @param squares per field of {@link ListSizes#FOLLOWS}, the sum of squared degrees
 */
record KeptCounts(CountStore.Totals totals, Map<String, int[]> spans, Map<String, Long> squares) {

    /** The file's name in the store's folder (EXPLORER_DATA_DIR). */
    static final String FILE = "graph-counts.properties";
    /** Raised when what the file holds changes meaning: an older file is then ignored. */
    private static final String FORMAT = "1";

    /** The file's counts when they were written for these {@code totals} and the fields asked for now. */
    static Optional<KeptCounts> read(Path file, CountStore.Totals totals) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
            if (!FORMAT.equals(properties.getProperty("format"))
                    || !totals.labels().equals(numbers(properties, "label."))
                    || !totals.types().equals(numbers(properties, "type."))) {
                return Optional.empty();
            }
            Map<String, Long> squares = numbers(properties, "square.");
            Set<String> fields = ListSizes.FOLLOWS.stream().map(ListSizes.Follow::field).collect(Collectors.toSet());
            if (!squares.keySet().equals(fields)) {
                return Optional.empty();
            }
            Map<String, int[]> spans = new HashMap<>();
            for (String name : properties.stringPropertyNames()) {
                if (name.startsWith("span.")) {
                    String[] years = properties.getProperty(name).split(",");
                    spans.put(name.substring("span.".length()),
                            new int[] {Integer.parseInt(years[0]), Integer.parseInt(years[1])});
                }
            }
            return Optional.of(new KeptCounts(totals, spans, squares));
        } catch (IOException | RuntimeException unreadable) {
            // a file cut short or edited by hand: counted again, and written anew
            return Optional.empty();
        }
    }

    /** Writes the counts to {@code file} whole or not at all (a new file moved over the old one). */
    void write(Path file) throws IOException {
        Map<String, String> values = new TreeMap<>();
        values.put("format", FORMAT);
        totals.labels().forEach((label, n) -> values.put("label." + label, Long.toString(n)));
        totals.types().forEach((type, n) -> values.put("type." + type, Long.toString(n)));
        squares.forEach((field, n) -> values.put("square." + field, Long.toString(n)));
        spans.forEach((type, years) -> values.put("span." + type, years[0] + "," + years[1]));
        Properties properties = new Properties();
        properties.putAll(values);
        Path next = file.resolveSibling(FILE + ".next");
        try (Writer writer = Files.newBufferedWriter(next, StandardCharsets.UTF_8)) {
            properties.store(writer, "The graph's counts for the cost limit, as last read; rewritten by the service");
        }
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Map<String, Long> numbers(Properties properties, String prefix) {
        Map<String, Long> numbers = new HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(prefix)) {
                numbers.put(name.substring(prefix.length()), Long.parseLong(properties.getProperty(name)));
            }
        }
        return numbers;
    }
}
