package org.partnershipexplorer.neo4j;

import java.util.Map;

/**
 * What Neo4j's offline importer wrote into a new store, counted while its files were written: nodes per label,
 * relationships per type, for each label, type and direction the sum over the label's nodes of their squared degree,
 * and for each type the first and last of the whole years its relationships carry in {@code year}.
 *
 * <p>Why: the cost limit needs these figures before the service reports ready, and on a store just filled they are
 * already known; counting them again by statements that a cold database plans slowly cost an empty start 1.5 to 2 s.
 * A reader checks them against the store's own totals first (see {@link CountStore}), so that a graph that changed
 * after the import is counted instead.
 *
 * @param labels  nodes per label
 * @param types   relationships per type
 * @param squares per label, type and direction, the sum of squared degrees; none for a combination never met
 * @param years   per type, its first and last year ({@code [first, last]}); none for a type without a year
 */
public record ImportedCounts(Map<String, Long> labels, Map<String, Long> types, Map<Degree, Long> squares,
        Map<String, int[]> years) {

    /** A node's relationships of one type in one direction ({@code out}: the node is their start). */
    public record Degree(String label, String type, boolean out) {
    }

    /** Whether these are the store's figures as far as {@code totals} tells: every label's and type's total agrees. */
    public boolean agreeWith(CountStore.Totals totals) {
        return totals.labels().entrySet().stream()
                .allMatch(e -> labels.getOrDefault(e.getKey(), 0L).longValue() == e.getValue())
                && totals.types().entrySet().stream()
                        .allMatch(e -> types.getOrDefault(e.getKey(), 0L).longValue() == e.getValue());
    }
}
