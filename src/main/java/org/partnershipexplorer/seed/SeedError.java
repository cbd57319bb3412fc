package org.partnershipexplorer.seed;

/**
 * One thing wrong with a seed, pointed at the cell that has it.
 *
 * @param file    the seed file, such as {@code trainings.csv}
 * @param line    the line in that file, 1 being the header
 * @param column  the column, or {@code (row)} when the row as a whole is wrong
 * @param message what is wrong
 */
public record SeedError(String file, long line, String column, String message) {

    /** The contract's format: {@code trainings.csv:14: trainee: unknown actor 'XYZ' (...)}. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + column + ": " + message;
    }
}
