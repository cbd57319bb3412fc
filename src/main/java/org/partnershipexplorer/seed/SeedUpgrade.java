package org.partnershipexplorer.seed;

/**
 * What applying a new release of the seed to a store did ({@link SeedLoader#upgrade}).
 *
 * @param report  the release's files and the graph's counts afterwards
 * @param changes what the old release had that the new one does not, and the API's edits kept
 */
public record SeedUpgrade(LoadReport report, Changes changes) {

    /**
     * @param removedNodes          rows of the old release (nodes) the new one no longer holds, removed
     * @param removedRelationships  the same for relationships
     * @param keptEditedNodes       nodes edited through the API, kept as edited
     * @param keptEditedRelationships relationships edited through the API, kept as edited
     * @param keptForEdits          nodes the new release dropped, kept because an edited relationship uses them
     */
    public record Changes(long removedNodes, long removedRelationships, long keptEditedNodes,
            long keptEditedRelationships, long keptForEdits) {
    }

    /** The load's summary and what the upgrade removed and kept: the log line. */
    public String summary() {
        return report.summary() + "; " + changesText();
    }

    /** What the upgrade removed and kept, for /health. */
    public String changesText() {
        return "removed " + changes.removedNodes() + " nodes and " + changes.removedRelationships()
                + " relationships the release no longer has; kept " + changes.keptEditedNodes() + " nodes and "
                + changes.keptEditedRelationships() + " relationships edited through the API"
                + (changes.keptForEdits() > 0 ? " (and " + changes.keptForEdits()
                        + " dropped nodes that edited relationships still use)" : "");
    }
}
