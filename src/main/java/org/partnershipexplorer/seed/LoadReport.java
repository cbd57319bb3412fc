package org.partnershipexplorer.seed;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a load did.
 *
 * @param source              the seed that was loaded
 * @param includeIllustrative whether rows of confidence {@code illustrative} were loaded
 * @param files               the files the seed had, in load order
 * @param nodes               nodes per label in the whole database after the load
 * @param relationships       relationships per type in the whole database after the load
 * @param duration            validation and writing together
 */
public record LoadReport(String source, boolean includeIllustrative, List<FileRows> files, Map<String, Long> nodes,
        Map<String, Long> relationships, Duration duration) {

    /**
     * The rows of one file.
     *
     * @param file    the file name
     * @param read    data rows read
     * @param skipped rows left out because they are illustrative and the load excludes those
     */
    public record FileRows(String file, long read, long skipped) {

        public long written() {
            return read - skipped;
        }
    }

    public long rowsRead() {
        return files.stream().mapToLong(FileRows::read).sum();
    }

    public long rowsSkipped() {
        return files.stream().mapToLong(FileRows::skipped).sum();
    }

    /** One line for the log. */
    public String summary() {
        return "Seed " + source + " loaded in " + duration.toMillis() + " ms: " + rowsRead() + " rows read, "
                + rowsSkipped() + " illustrative skipped; nodes " + counts(nodes) + "; relationships "
                + counts(relationships);
    }

    private static String counts(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
