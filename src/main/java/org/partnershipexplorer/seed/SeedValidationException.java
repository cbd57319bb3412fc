package org.partnershipexplorer.seed;

import java.util.ArrayList;
import java.util.List;

/** A seed that has bad rows; nothing of it was written. */
public final class SeedValidationException extends RuntimeException {

    private final List<SeedError> errors;
    private final long omitted;

    SeedValidationException(String source, List<SeedError> errors, long omitted) {
        super(message(source, errors, omitted));
        this.errors = List.copyOf(errors);
        this.omitted = omitted;
    }

    /** The errors in file order, at most {@link SeedValidator#MAX_ERRORS}. */
    public List<SeedError> getErrors() {
        return errors;
    }

    /** How many errors were found beyond those listed. */
    public long getOmitted() {
        return omitted;
    }

    /** One line an error, then {@code ... and N more} when the list was cut. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>(errors.stream().map(SeedError::toString).toList());
        if (omitted > 0) {
            lines.add("... and " + omitted + " more");
        }
        return lines;
    }

    private static String message(String source, List<SeedError> errors, long omitted) {
        long total = errors.size() + omitted;
        StringBuilder message = new StringBuilder("The seed in ").append(source).append(" has ").append(total)
                .append(total == 1 ? " error" : " errors").append("; nothing was written:");
        for (SeedError error : errors) {
            message.append(System.lineSeparator()).append(error);
        }
        if (omitted > 0) {
            message.append(System.lineSeparator()).append("... and ").append(omitted).append(" more");
        }
        return message.toString();
    }
}
