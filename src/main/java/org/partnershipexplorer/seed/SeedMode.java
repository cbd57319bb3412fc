package org.partnershipexplorer.seed;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** EXPLORER_SEED: when the service loads the seed at start. */
public enum SeedMode {
    /** Only into a database that holds nothing but the seed lock. */
    IF_EMPTY("if-empty"),
    /** At every start: MERGE makes it idempotent. */
    ALWAYS("always"),
    NEVER("never");

    private final String value;

    SeedMode(String value) {
        this.value = value;
    }

    /** The configuration spelling, such as {@code if-empty}. */
    public String value() {
        return value;
    }

    /**
     * Reads the configuration spelling ({@code if-empty}, {@code always}, {@code never}, any case).
     *
     * @throws IllegalArgumentException naming the variable and the accepted values
     */
    public static SeedMode parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(mode -> mode.value.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("EXPLORER_SEED (explorer.seed.mode) must be "
                        + Arrays.stream(values()).map(SeedMode::value).collect(Collectors.joining(", "))
                        + ", not '" + text + "'"));
    }
}
