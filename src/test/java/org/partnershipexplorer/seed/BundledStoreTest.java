package org.partnershipexplorer.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the build's store of the bundled seed")
class BundledStoreTest {

    @TempDir
    Path tmp;

    /** A seed folder holding {@code files}. */
    private Path seed(String name, Map<String, String> files) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        for (var file : files.entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
        return dir;
    }

    /** A zip of {@code entries} (name to content), as the build writes one. */
    private static BundledStore.Archive zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return () -> new ByteArrayInputStream(bytes.toByteArray());
    }

    private static final Map<String, String> STORE = new LinkedHashMap<>(Map.of(
            "data/databases/neo4j/neostore", "store", "data/transactions/neo4j/checkpoint.0", "log",
            "graph-counts.properties", "format=1"));

    /** What a store made from the seed {@link #seed()} unpacks into a home. */
    private static final List<String> UNPACKED = List.of("data/databases/neo4j/neostore",
            "data/transactions/neo4j/checkpoint.0", "graph-counts.properties");

    /** A one-file seed folder. */
    private SeedSource seed() throws IOException {
        return SeedSource.directory(seed("seed", Map.of("countries.csv", "iso3\n")));
    }

    /** The manifest of a store made from {@code source}. */
    private static Optional<BundledStore.Manifest> madeFrom(SeedSource source) {
        return Optional.of(new BundledStore.Manifest(BundledStore.digest(source), "2026.12.2"));
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    @DisplayName("the digest reads the seed's own files only: the repository's folder and the jar's copy agree")
    void digestOfTheFolderIsTheClasspathCopys() {
        assertEquals(BundledStore.digest(SeedSource.directory(Path.of("graph-seed"))),
                BundledStore.digest(SeedSource.bundled()));
    }

    @Test
    @DisplayName("the digest changes with one byte of a file, and with bytes moved from one file to the next")
    void digestTellsSeedsApart() throws IOException {
        String base = BundledStore.digest(SeedSource.directory(seed("a", Map.of("countries.csv", "ab",
                "organizations.csv", "c"))));
        assertNotEquals(base, BundledStore.digest(SeedSource.directory(seed("b", Map.of("countries.csv", "ax",
                "organizations.csv", "c")))));
        assertNotEquals(base, BundledStore.digest(SeedSource.directory(seed("c", Map.of("countries.csv", "a",
                "organizations.csv", "bc")))));
        // a file the loader does not read is not the seed's
        assertEquals(base, BundledStore.digest(SeedSource.directory(seed("d", Map.of("countries.csv", "ab",
                "organizations.csv", "c", "README.md", "notes")))));
    }

    @Test
    @DisplayName("a store made from this seed is moved into the new home whole, with its counts, and nothing else stays")
    void unpacksIntoANewHome() throws IOException {
        SeedSource source = seed();
        Path home = tmp.resolve("home");

        assertTrue(BundledStore.restore(home, source, madeFrom(source), zip(STORE)));
        assertEquals(UNPACKED, files(home));
        assertEquals("store", Files.readString(home.resolve("data/databases/neo4j/neostore")));
    }

    @Test
    @DisplayName("a data folder holding only empty folders is replaced by the store, and counts left from another store "
            + "by the store's own")
    void replacesEmptyFoldersAndOldCounts() throws IOException {
        SeedSource source = seed();
        Path home = tmp.resolve("home");
        Files.createDirectories(home.resolve("data/databases"));
        Files.createDirectories(home.resolve("data/transactions/neo4j"));
        Files.writeString(home.resolve("graph-counts.properties"), "format=0");

        assertTrue(BundledStore.restore(home, source, madeFrom(source), zip(STORE)));
        assertEquals(UNPACKED, files(home));
        assertEquals("format=1", Files.readString(home.resolve("graph-counts.properties")));
    }

    @Test
    @DisplayName("another seed, a build without the store, or a data folder with files in it: nothing is written")
    void leavesTheHomeAloneWhenTheStoreIsNotThisStarts() throws IOException {
        SeedSource source = seed();
        var other = Optional.of(new BundledStore.Manifest("0".repeat(64), "2026.12.2"));
        var same = madeFrom(source);

        Path home = Files.createDirectories(tmp.resolve("home"));
        assertFalse(BundledStore.restore(home, source, other, zip(STORE)));
        assertFalse(BundledStore.restore(home, source, Optional.empty(), zip(STORE)));
        assertEquals(List.of(), files(home));

        Path kept = Files.createDirectories(tmp.resolve("kept/data/databases"));
        Files.writeString(kept.resolve("store_lock"), "");
        assertFalse(BundledStore.restore(tmp.resolve("kept"), source, same, zip(STORE)));
        assertEquals(List.of("data/databases/store_lock"), files(tmp.resolve("kept")));
    }

    @Test
    @DisplayName("an archive naming a path outside the home is refused, and the home is left as new as it was")
    void refusesAPathOutsideTheHome() throws IOException {
        SeedSource source = seed();
        Path home = Files.createDirectories(tmp.resolve("home"));
        Map<String, String> hostile = new LinkedHashMap<>(STORE);
        hostile.put("data/../../outside", "x");

        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> BundledStore.restore(home, source, madeFrom(source), zip(hostile)));
        assertEquals("Cannot unpack the bundled seed's store into " + home + ": bundled-store/store.zip names a path "
                + "outside the store: data/../../outside", e.getMessage());
        assertEquals(List.of(), files(home));
        assertFalse(Files.exists(tmp.resolve("outside")));
    }

    /** The new-store import of a first start with these settings and no import command. */
    private static SeedImportOnNewStore firstStart(String dir, String mode, boolean illustrative, boolean onStartup,
            boolean bundledStore) {
        return new SeedImportOnNewStore(new SeedSettings(dir, mode, illustrative), onStartup, 0, bundledStore,
                Optional.empty(), Optional.empty());
    }

    @Test
    @DisplayName("any setting but the default first start's (another folder, always, illustrative rows, seeding off, "
            + "the store turned off) leaves the new store to the import")
    void onlyTheDefaultFirstStartUnpacks() throws IOException {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path folder = seed("seed", Map.of("countries.csv", "iso3\n"));

        assertFalse(firstStart(folder.toString(), "if-empty", false, true, true).restoreBeforeFirstStart(home));
        assertFalse(firstStart(null, "always", false, true, true).restoreBeforeFirstStart(home));
        assertFalse(firstStart(null, "if-empty", true, true, true).restoreBeforeFirstStart(home));
        assertFalse(firstStart(null, "if-empty", false, false, true).restoreBeforeFirstStart(home));
        assertFalse(firstStart(null, "if-empty", false, true, false).restoreBeforeFirstStart(home));
        assertEquals(List.of(), files(home));
    }

    @Test
    @DisplayName("what a start that died while unpacking left is removed, and the store stays new")
    void removesAnUnfinishedUnpacking() throws IOException {
        Path home = tmp.resolve("home");
        Path left = Files.createDirectories(home.resolve(BundledStore.UNPACKING).resolve("data/databases/neo4j"));
        Files.writeString(left.resolve("neostore"), "part");

        BundledStore.removeUnpacking(home);
        assertEquals(List.of(), files(home));
        assertTrue(org.partnershipexplorer.neo4j.EmbeddedNeo4j.neverStarted(home));
    }
}
