package org.partnershipexplorer.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Seed releases")
class SeedReleaseTest {

    @Test
    @DisplayName("versions compare part by part as numbers; a store with no recorded release is older than any")
    void comparesNumerically() {
        SeedRelease release = new SeedRelease("2026.12.0", LocalDate.of(2026, 12, 5));
        assertTrue(release.newerThan("2026.9.3"));
        assertTrue(release.newerThan(null));
        assertFalse(release.newerThan("2026.12.0"));
        assertFalse(release.newerThan("2026.12.0.1"));
        assertFalse(release.newerThan("2027.1"));
        assertEquals(0, SeedRelease.compare("2026.12", "2026.12.0"));
    }

    @Test
    @DisplayName("the bundled seed has a release, dated")
    void bundledRelease() {
        SeedRelease bundled = SeedRelease.of(SeedSource.bundled()).orElseThrow();
        assertEquals(new SeedRelease("2026.12.2", LocalDate.of(2026, 12, 5)), bundled);
    }

    @Test
    @DisplayName("a version that is not numbers and dots is refused, naming the file")
    void refusesBadVersion() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SeedRelease("v2", null));
        assertEquals("release.properties: version must be numbers separated by dots, not 'v2'", e.getMessage());
    }
}
