package org.partnershipexplorer.seed;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.partnershipexplorer.neo4j.ImportedCounts;

/**
 * Counts what {@link ImporterFiles} hands the offline importer, as it hands it over: the figures a start would
 * otherwise read back from the store it has just filled ({@link ImportedCounts}).
 *
 * <p>A node is known by its id space and id, as the importer joins a relationship to its ends; its degree is kept per
 * relationship type and direction, and squared and summed per label only at the end, once every relationship is in.
 * Every row the importer is given becomes a node or a relationship (it refuses the whole import otherwise), so these
 * are the store's figures when the import succeeds.
 */
final class ImportTally {

    /** Each node's labels. */
    private final Map<String, String[]> nodeLabels = new HashMap<>();
    /** Each node's degree per type and direction: out at {@code 2 * type}, in at {@code 2 * type + 1}. */
    private final Map<String, long[]> degrees = new HashMap<>();
    private final Map<String, Long> labels = new HashMap<>();
    private final Map<String, Long> types = new HashMap<>();
    /** Each type's place in a node's degrees. */
    private final Map<String, Integer> typeIndex = new HashMap<>();
    private final Map<String, int[]> years = new HashMap<>();

    /** A node with {@code labels} ({@code Country:Actor}) and the id {@code id} in the space {@code space}. */
    void node(String labels, String space, Object id) {
        String[] each = labels.split(":");
        for (String label : each) {
            this.labels.merge(label, 1L, Long::sum);
        }
        nodeLabels.put(key(space, id), each);
    }

    /** A relationship of {@code type} between two nodes named as the importer names them; {@code props} its own. */
    void relationship(String type, String fromSpace, Object from, String toSpace, Object to,
            Map<String, Object> props) {
        types.merge(type, 1L, Long::sum);
        int index = typeIndex.computeIfAbsent(type, t -> typeIndex.size());
        add(key(fromSpace, from), 2 * index);
        add(key(toSpace, to), 2 * index + 1);
        // the graph's reads of a type's years take whole numbers only (a year written as text is none to them)
        if (props.get("year") instanceof Long year && year >= 0 && year <= Integer.MAX_VALUE) {
            int[] span = years.computeIfAbsent(type, t -> new int[] {Integer.MAX_VALUE, Integer.MIN_VALUE});
            span[0] = Math.min(span[0], year.intValue());
            span[1] = Math.max(span[1], year.intValue());
        }
    }

    private void add(String node, int slot) {
        long[] counts = degrees.get(node);
        if (counts == null || counts.length <= slot) {
            counts = counts == null ? new long[2 * typeIndex.size()] : Arrays.copyOf(counts, 2 * typeIndex.size());
            degrees.put(node, counts);
        }
        counts[slot]++;
    }

    /** The figures of everything handed over so far. */
    ImportedCounts counts() {
        String[] typeAt = new String[typeIndex.size()];
        typeIndex.forEach((type, index) -> typeAt[index] = type);
        Map<ImportedCounts.Degree, Long> squares = new HashMap<>();
        degrees.forEach((node, counts) -> {
            // every relationship's ends are nodes of the import: the importer refuses the whole import otherwise
            for (String label : nodeLabels.getOrDefault(node, new String[0])) {
                for (int slot = 0; slot < counts.length; slot++) {
                    if (counts[slot] > 0) {
                        squares.merge(new ImportedCounts.Degree(label, typeAt[slot / 2], slot % 2 == 0),
                                counts[slot] * counts[slot], Long::sum);
                    }
                }
            }
        });
        return new ImportedCounts(Map.copyOf(labels), Map.copyOf(types), Map.copyOf(squares), Map.copyOf(years));
    }

    private static String key(String space, Object id) {
        // the importer compares ids as text (--id-type=string), within their space
        return space + '\u0000' + id;
    }
}
