package org.partnershipexplorer.transfer;

/**
 * An upload over one of its limits, found while it streams into the CSV parser. It is not an IOException on
 * purpose: the parser and the seed reader turn those into row errors of a file, and this must end the whole import
 * instead.
 *
 * @see UploadLimits
 */
final class UploadRefused extends RuntimeException {

    private final UploadLimits.Limit limit;
    private final long max;
    private final String entry;
    private final long line;

    /**
     * @param entry the entry (or file) where the limit was crossed, null when it is the upload as a whole
     * @param line  the line of that entry being read, 0 when none was
     */
    UploadRefused(UploadLimits.Limit limit, long max, String entry, long line, String what) {
        super(what + " (" + limit.setting() + " = " + max + ")" + (entry == null ? "" : " in " + entry)
                + (line > 0 ? " at line " + line : "") + "; nothing was written");
        this.limit = limit;
        this.max = max;
        this.entry = entry;
        this.line = line;
    }

    UploadLimits.Limit limit() {
        return limit;
    }

    long max() {
        return max;
    }

    String entry() {
        return entry;
    }

    long line() {
        return line;
    }
}
