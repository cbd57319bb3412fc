package org.partnershipexplorer.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Seed settings")
class SeedSettingsTest {

    @Test
    @DisplayName("EXPLORER_SEED reads if-empty, always and never, in any case")
    void parsesModes() {
        assertEquals(SeedMode.IF_EMPTY, SeedMode.parse("if-empty"));
        assertEquals(SeedMode.ALWAYS, SeedMode.parse(" ALWAYS "));
        assertEquals(SeedMode.NEVER, SeedMode.parse("never"));
    }

    @Test
    @DisplayName("a bad EXPLORER_SEED is refused with the accepted values")
    void refusesBadMode() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SeedSettings(null, "sometimes", true));
        assertEquals("EXPLORER_SEED (explorer.seed.mode) must be if-empty, always, never, not 'sometimes'",
                e.getMessage());
    }

    @Test
    @DisplayName("an empty EXPLORER_SEED_DIR means the bundled seed, not the working directory")
    void blankDirIsBundledSeed() {
        assertEquals(new SeedSource.Classpath("graph-seed/"), new SeedSettings("  ", "if-empty", true).source());
        assertEquals(new SeedSource.Classpath("graph-seed/"), new SeedSettings(null, "if-empty", true).source());
        assertEquals(Path.of("/srv/seed"), new SeedSettings("/srv/seed", "never", false).directory().orElseThrow());
    }

    @Test
    @DisplayName("an EXPLORER_SEED_DIR that names no folder is refused, naming the variable")
    void refusesMissingDir() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SeedSettings("/no/such/seed", "always", true).source());
        assertEquals("EXPLORER_SEED_DIR: seed folder /no/such/seed does not exist or is not a folder", e.getMessage());
    }

    @Test
    @DisplayName("column names become camelCase property names")
    void camelCase() {
        assertEquals("unRegionalGroup", Column.camelCase("un_regional_group"));
        assertEquals("valueUsd", Column.camelCase("value_usd"));
        assertEquals("iso3", Column.camelCase("iso3"));
        assertEquals("myNote", Column.camelCase("My Note"));
        assertEquals("", Column.camelCase(" _ "));
    }
}
