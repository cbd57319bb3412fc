package org.partnershipexplorer.transfer;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Bounds on what an upload to {@code POST /import} may unpack to (explorer.import.*). A zip of a few hundred
 * kilobytes can inflate to gigabytes, and a single cell of hundreds of megabytes would be held whole by the CSV
 * parser: each entry is counted as it streams into the parser, and the first limit crossed refuses the upload
 * before anything is written.
 *
 * @param maxTotalBytes all entries together, unpacked
 * @param maxEntryBytes one entry (or one CSV file sent as such), unpacked
 * @param maxRatio      unpacked bytes per compressed byte of one zip entry: real seed files compress about 20 to
 *                      1, a run of zeros about 1000 to 1
 * @param maxEntries    entries of the zips and files of the upload together, seed files or not
 * @param maxCellBytes  one CSV cell, in bytes of UTF-8
 */
@ConfigurationProperties("explorer.import")
record UploadLimits(
        @Bindable(defaultValue = "209715200") long maxTotalBytes,
        @Bindable(defaultValue = "104857600") long maxEntryBytes,
        @Bindable(defaultValue = "100") int maxRatio,
        @Bindable(defaultValue = "100") int maxEntries,
        @Bindable(defaultValue = "65536") int maxCellBytes) {

    /** The limits of the configuration, by the names an operator sets them with. */
    enum Limit {
        TOTAL_BYTES("max-total-bytes", true),
        ENTRY_BYTES("max-entry-bytes", true),
        RATIO("max-ratio", false),
        ENTRIES("max-entries", false),
        CELL_BYTES("max-cell-bytes", false);

        final String property;
        /** Whether crossing it means the upload is too large (413) rather than malformed (400). */
        final boolean size;

        Limit(String property, boolean size) {
            this.property = property;
            this.size = size;
        }

        /** The setting's full name, as the refusal names it. */
        String setting() {
            return "explorer.import." + property;
        }

        /** The name in a refusal's {@code extensions.limit}: {@code maxTotalBytes}. */
        String key() {
            StringBuilder key = new StringBuilder();
            for (String word : property.split("-")) {
                key.append(key.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
            }
            return key.toString();
        }
    }
}
