package org.partnershipexplorer.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where seed files come from: a folder, a folder on the classpath (the seed bundled in the jar), or an upload to
 * the import (the transfer package's own source, which streams zip entries through its limits).
 *
 * <p>Only the file names of docs/graph-model.md are ever looked up, so other files and subfolders beside them (the
 * bundled seed's README.md, sources/, tools/) are ignored. A missing file means nothing of that kind.
 */
public interface SeedSource {

    /** The classpath folder the jar carries the seed in. */
    String BUNDLED = "graph-seed/";

    /** Opens one file, or answers empty when the source has none of that name. The caller closes the stream. */
    Optional<InputStream> open(String fileName);

    /** Names the source in logs and reports. */
    String describe();

    /**
     * A folder on disk.
     *
     * @throws IllegalArgumentException when the folder does not exist: a mistyped EXPLORER_SEED_DIR must not load
     *                                  an empty seed
     */
    static SeedSource directory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("seed folder " + dir.toAbsolutePath() + " does not exist or is not a folder");
        }
        return new Directory(dir);
    }

    /** The seed bundled in the jar under {@code graph-seed/}. */
    static SeedSource bundled() {
        return classpath(BUNDLED);
    }

    /** A folder on the classpath, such as {@code graph-seed/}. */
    static SeedSource classpath(String folder) {
        return new Classpath(folder.endsWith("/") ? folder : folder + "/");
    }

    /** A seed folder on disk. */
    record Directory(Path dir) implements SeedSource {
        @Override
        public Optional<InputStream> open(String fileName) {
            Path file = dir.resolve(fileName);
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            try {
                return Optional.of(Files.newInputStream(file));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }

        @Override
        public String describe() {
            return dir.toAbsolutePath().normalize().toString();
        }
    }

    /** A seed folder on the classpath. */
    record Classpath(String folder) implements SeedSource {
        @Override
        public Optional<InputStream> open(String fileName) {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader == null) {
                loader = SeedSource.class.getClassLoader();
            }
            return Optional.ofNullable(loader.getResourceAsStream(folder + fileName));
        }

        @Override
        public String describe() {
            return "classpath:" + folder;
        }
    }
}
