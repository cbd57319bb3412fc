package org.partnershipexplorer.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partnershipexplorer.bench.SeedScaler;
import org.partnershipexplorer.seed.LoadReport.FileRows;

/**
 * The benchmark's seed (bench/README.md) must load as any import does. At 100x it needs more country twins than
 * there are three-letter codes; here the codes run out at 5x, with the same rule, in seconds rather than minutes.
 */
@DisplayName("the benchmark's scaled seed")
class ScaledSeedTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void tmpdir() {
        SeedFixtures.ensureTmpdir();
    }

    @Test
    @DisplayName("passes every key pattern when the three-letter codes run out: the twins past them are organisations")
    void twinsPastTheCodesAreOrganizations() throws IOException {
        // copies 1 and 2 whole, 50 twins of copy 3, none of copy 4
        SeedScaler.generate(Path.of("graph-seed"), dir, 5, 2 * 197 + 50);

        Map<String, Long> rows = SeedValidator.validate(SeedSource.directory(dir), true).stream()
                .collect(Collectors.toMap(FileRows::file, FileRows::read));
        assertEquals(197 + 2 * 197 + 50L, rows.get("countries.csv"));
        assertEquals(10 * 5 + (197 - 50) + 197L, rows.get("organizations.csv"));
        for (String file : List.of("trainings.csv", "donations.csv", "contributions.csv", "memberships.csv",
                "pledges.csv", "attendance.csv", "missions.csv")) {
            assertEquals(SeedFixtures.bundledRows(file) * 5, rows.get(file), file);
        }
    }
}
