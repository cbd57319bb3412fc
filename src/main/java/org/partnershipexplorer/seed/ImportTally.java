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
 * are the store's figures when the import succeeds. What is kept per node is small (its labels, shared with every
 * node of the same labels, and a count per type and direction it has), as the seed's check keeps every key anyway.
 */
final class ImportTally {

    private static final String[] NO_LABELS = new String[0];
    private static final int[] NO_DEGREES = new int[0];

    /** A node's labels (none until its own row comes), and its degree per type and direction. */
    private static final class Node {
        String[] labels = NO_LABELS;
        /** Out at {@code 2 * type}, in at {@code 2 * type + 1}; as long as the highest of them this node has. */
        int[] degrees = NO_DEGREES;
    }

    private final Map<String, Node> nodes = new HashMap<>();
    /** One array per combination of labels, shared by its nodes. */
    private final Map<String, String[]> labelSets = new HashMap<>();
    private final Map<String, Long> labels = new HashMap<>();
    private final Map<String, Long> types = new HashMap<>();
    /** Each type's place in a node's degrees. */
    private final Map<String, Integer> typeIndex = new HashMap<>();
    private final Map<String, int[]> years = new HashMap<>();

    /** A node with {@code labels} ({@code Country:Actor}) and the id {@code id} in the space {@code space}. */
    void node(String labels, String space, Object id) {
        String[] each = labelSets.computeIfAbsent(labels, l -> l.split(":"));
        for (String label : each) {
            this.labels.merge(label, 1L, Long::sum);
        }
        // a relationship may name a node before its own row comes
        nodes.computeIfAbsent(key(space, id), k -> new Node()).labels = each;
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

    private void add(String key, int slot) {
        Node node = nodes.computeIfAbsent(key, k -> new Node());
        if (node.degrees.length <= slot) {
            node.degrees = Arrays.copyOf(node.degrees, slot + 1);
        }
        node.degrees[slot]++;
    }

    /** The figures of everything handed over so far. */
    ImportedCounts counts() {
        String[] typeAt = new String[typeIndex.size()];
        typeIndex.forEach((type, index) -> typeAt[index] = type);
        Map<ImportedCounts.Degree, Long> squares = new HashMap<>();
        for (Node node : nodes.values()) {
            for (String label : node.labels) {
                for (int slot = 0; slot < node.degrees.length; slot++) {
                    long degree = node.degrees[slot];
                    if (degree > 0) {
                        squares.merge(new ImportedCounts.Degree(label, typeAt[slot / 2], slot % 2 == 0),
                                degree * degree, Long::sum);
                    }
                }
            }
        }
        return new ImportedCounts(Map.copyOf(labels), Map.copyOf(types), Map.copyOf(squares), Map.copyOf(years));
    }

    private static String key(String space, Object id) {
        // the importer compares ids as text (--id-type=string), within their space
        return space + '\u0000' + id;
    }
}
