package org.partnershipexplorer.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;

/**
 * The release of a seed, from its {@code release.properties} ({@code version=2026.12.0}, {@code date=2026-12-05}).
 * A store loaded by start-up seeding records the version it holds; a newer bundled release is applied at start
 * ({@link StartupSeeder}). Versions compare part by part as numbers, so 2026.12.0 is newer than 2026.9.3.
 */
public record SeedRelease(String version, LocalDate date) implements Comparable<SeedRelease> {

    public static final String FILE = "release.properties";

    public SeedRelease {
        if (version == null || !version.matches("\\d+(\\.\\d+)*")) {
            throw new IllegalArgumentException(FILE + ": version must be numbers separated by dots, not '" + version + "'");
        }
    }

    /** The seed's release, or empty for a seed without release.properties (an import, a test fixture). */
    public static Optional<SeedRelease> of(SeedSource source) {
        Optional<InputStream> file = source.open(FILE);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = file.get()) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(FILE + " of " + source.describe() + " cannot be read", e);
        }
        try {
            String date = properties.getProperty("date");
            return Optional.of(new SeedRelease(properties.getProperty("version", "").trim(),
                    date == null ? null : LocalDate.parse(date.trim())));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(FILE + " of " + source.describe() + ": date must be YYYY-MM-DD", e);
        }
    }

    /** Whether this release is newer than what a store holds ({@code null}: a store loaded before releases). */
    public boolean newerThan(String stored) {
        return stored == null || compare(version, stored) > 0;
    }

    @Override
    public int compareTo(SeedRelease other) {
        return compare(version, other.version);
    }

    static int compare(String a, String b) {
        long[] x = Arrays.stream(a.split("\\.")).mapToLong(Long::parseLong).toArray();
        long[] y = Arrays.stream(b.split("\\.")).mapToLong(Long::parseLong).toArray();
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Long.compare(i < x.length ? x[i] : 0, i < y.length ? y[i] : 0);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
