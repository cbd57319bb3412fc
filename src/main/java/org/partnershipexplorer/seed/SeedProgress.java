package org.partnershipexplorer.seed;

/**
 * Follows a long load: the command line draws a progress bar from it ({@link ConsoleProgress}). Called from the
 * loading thread: while checking, every {@link #EVERY} rows; while writing, after each batch written and at the end
 * of each file.
 */
public interface SeedProgress {

    int EVERY = 500;

    SeedProgress NONE = new SeedProgress() {
    };

    /** Pass 1: {@code rows} rows of {@code file} checked so far. */
    default void validating(String file, long rows) {
    }

    /** Pass 2: {@code written} of the {@code total} rows the load writes are written. */
    default void writing(String file, long written, long total) {
    }
}
