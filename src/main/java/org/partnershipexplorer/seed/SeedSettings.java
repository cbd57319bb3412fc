package org.partnershipexplorer.seed;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the service seeds at start.
 *
 * @param dir          EXPLORER_SEED_DIR: the folder to load; empty means the seed bundled in the jar. A string,
 *                     because an empty variable must not become {@code Path.of("")}, the working directory
 * @param mode         EXPLORER_SEED: {@code if-empty}, {@code always} or {@code never}
 * @param illustrative EXPLORER_SEED_ILLUSTRATIVE: false leaves out every row of confidence {@code illustrative}
 */
@ConfigurationProperties("explorer.seed")
public record SeedSettings(
        @Nullable String dir,
        @Bindable(defaultValue = "if-empty") String mode,
        @Bindable(defaultValue = "false") boolean illustrative) {

    /** A bad mode stops the start here, before anything touches the database. */
    public SeedSettings {
        SeedMode.parse(mode);
    }

    public SeedMode seedMode() {
        return SeedMode.parse(mode);
    }

    /** The folder named by EXPLORER_SEED_DIR, if any. */
    public Optional<Path> directory() {
        return dir == null || dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir.trim()));
    }

    /**
     * The configured folder, or the bundled seed.
     *
     * @throws IllegalArgumentException when EXPLORER_SEED_DIR names no folder
     */
    public SeedSource source() {
        try {
            return directory().map(SeedSource::directory).orElseGet(SeedSource::bundled);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("EXPLORER_SEED_DIR: " + e.getMessage(), e);
        }
    }
}
