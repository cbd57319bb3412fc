package org.partnershipexplorer.seed;

import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.neo4j.kernel.internal.Version;
import org.partnershipexplorer.startup.StartupPhases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store of the bundled seed, made by the build and carried in the jar: what a first start on an empty
 * store would otherwise make itself (Neo4j's offline import of the seed, the schema with its indexes populated, the
 * seed's state and the graph's counts). The build runs that very start once ({@link #main}) and zips the store's
 * {@code data} folder; a first start with the same seed unpacks it (about 0.3 s with the check of the seed's digest)
 * instead of importing and indexing (10 to 14 s on two cores), and then starts as on a kept store.
 *
 * <p>Only when nothing that decides the graph differs from the build's start: the bundled seed, byte for byte (its
 * SHA-256 is in the manifest), without illustrative rows, with EXPLORER_SEED=if-empty;
 * EXPLORER_SEED_BUNDLED_STORE=false turns it off. Any other seed or setting goes through the import as before, and
 * so does a jar built without the store ({@code -Dbundled-store.skip}).
 */
public final class BundledStore {

    private static final Logger LOG = LoggerFactory.getLogger(BundledStore.class);

    /** The classpath folder the build writes the store into. */
    static final String FOLDER = "bundled-store/";
    static final String ARCHIVE = FOLDER + "store.zip";
    static final String MANIFEST = FOLDER + "store.properties";
    /** Where a start unpacks the archive before it moves the store into place; removed if a start died meanwhile. */
    static final String UNPACKING = "bundled-store.unpacking";
    /** The store's files each start writes anew or must write itself: its server's identity and the locks. */
    private static final List<String> LEFT_OUT = List.of("server_id", "store_lock", "database_lock");

    private BundledStore() {
    }

    /**
     * What the build wrote beside the archive.
     *
     * @param seedSha256 the digest of the seed the store holds ({@link #digest})
     * @param release    its release.properties version, for the log
     */
    record Manifest(String seedSha256, String release) {
    }

    /** The manifest the classpath carries, or empty for a jar built without the store. */
    static Optional<Manifest> manifest() {
        try (InputStream in = resource(MANIFEST)) {
            if (in == null) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            properties.load(in);
            return Optional.of(new Manifest(properties.getProperty("seed.sha256"), properties.getProperty("release")));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + MANIFEST + " from the classpath", e);
        }
    }

    /**
     * The SHA-256 of a seed's files as the loader reads them: each file of docs/graph-model.md and release.properties,
     * in a fixed order, each as its name, its bytes and their count, so that no two different seeds give one digest.
     */
    static String digest(SeedSource source) {
        MessageDigest sha = sha256();
        List<String> names = new ArrayList<>();
        for (SeedFile file : SeedFile.values()) {
            names.add(file.fileName);
        }
        names.add(SeedRelease.FILE);
        for (String name : names) {
            Optional<InputStream> file = source.open(name);
            if (file.isEmpty()) {
                continue;
            }
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            try (DigestInputStream in = new DigestInputStream(file.get(), sha)) {
                long bytes = in.transferTo(OutputStream.nullOutputStream());
                sha.update(Long.toString(bytes).getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + name + " of " + source.describe(), e);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * Unpacks the build's store into {@code home}, a store that has never started, when it holds {@code source}: into
     * a folder of its own first, then moved into place in one rename, so that a start that dies meanwhile leaves the
     * store new. Answers false, writing nothing, when the jar carries no store, when it holds another seed, or when
     * {@code home} already has a {@code data} folder with a file in it (what another start left: the import, which
     * knows what to do with it, goes on instead).
     */
    static boolean restore(Path home, SeedSource source) {
        return restore(home, source, manifest(), () -> resource(ARCHIVE));
    }

    /** Where the archive's bytes come from: the classpath, or a test's own. */
    interface Archive {
        InputStream open() throws IOException;
    }

    /** As {@link #restore(Path, SeedSource)}, with the manifest and the archive given. */
    static boolean restore(Path home, SeedSource source, Optional<Manifest> manifest, Archive archive) {
        if (manifest.isEmpty()) {
            LOG.info("This build carries no store of the bundled seed (built with -Dbundled-store.skip): importing it");
            return false;
        }
        if (!manifest.get().seedSha256().equals(digest(source))) {
            LOG.info("The seed is not the one the build's store holds: importing it");
            return false;
        }
        Path data = home.resolve("data");
        if (holdsFiles(data)) {
            LOG.info("{} already holds files: the build's store is not unpacked over them", data);
            return false;
        }
        long started = System.nanoTime();
        Path unpacking = home.resolve(UNPACKING);
        try {
            removeUnpacking(home);
            long bytes = unzip(archive, unpacking);
            if (Files.exists(data)) {
                deleteTree(data); // folders without a file in them (holdsFiles above)
            }
            Files.move(unpacking.resolve("data"), data, StandardCopyOption.ATOMIC_MOVE);
            // the files the build's start kept beside its store (the graph's counts): this store's, so they replace
            // any left from another
            try (Stream<Path> beside = Files.list(unpacking)) {
                for (Path file : beside.filter(Files::isRegularFile).toList()) {
                    Files.move(file, home.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            removeUnpacking(home);
            LOG.info("The bundled seed's store (release {}), made by the build, unpacked into {} in {} ms ({} MB)",
                    manifest.get().release(), home, (System.nanoTime() - started) / 1_000_000, bytes >> 20);
            return true;
        } catch (IOException e) {
            // the store is still new (it moves into place last, in one step): only the unpacking is left to remove
            try {
                removeUnpacking(home);
            } catch (UncheckedIOException left) {
                e.addSuppressed(left);
            }
            throw new UncheckedIOException("Cannot unpack the bundled seed's store into " + home + ": "
                    + e.getMessage(), e);
        }
    }

    /** Removes what a start that died while unpacking left (the store itself is moved into place whole or not). */
    static void removeUnpacking(Path home) {
        Path unpacking = home.resolve(UNPACKING);
        if (!Files.exists(unpacking)) {
            return;
        }
        try {
            deleteTree(unpacking);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + unpacking + ", which an unfinished start left", e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static boolean holdsFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.anyMatch(Files::isRegularFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot look into " + dir, e);
        }
    }

    /** Unzips the archive into {@code into}; answers the bytes written. */
    private static long unzip(Archive archive, Path into) throws IOException {
        long bytes = 0;
        try (InputStream raw = archive.open()) {
            if (raw == null) {
                throw new IOException(ARCHIVE + " is missing beside " + MANIFEST);
            }
            try (ZipInputStream zip = new ZipInputStream(raw)) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    Path target = into.resolve(entry.getName()).normalize();
                    if (!target.startsWith(into)) {
                        throw new IOException(ARCHIVE + " names a path outside the store: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        bytes += Files.copy(zip, target);
                    }
                }
            }
        }
        return bytes;
    }

    /**
     * The build's step ({@code prepare-package}): runs a first start of the service on a new store with the bundled
     * seed, as a user's first start would (the context without its HTTP server, none of the environment's settings),
     * stops it cleanly, and writes {@code store.zip} and {@code store.properties} into the folder {@code args[0]}.
     */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: BundledStore OUTPUT_FOLDER");
            System.exit(2);
        }
        // the embedded server leaves threads that outlive the context: the process ends here, failed or not, so that
        // the build never waits on it
        try {
            build(Path.of(args[0]));
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.err.println("The bundled seed's store could not be made: " + e);
            System.exit(1);
        }
        System.exit(0);
    }

    private static void build(Path out) throws Exception {
        Path home = Files.createTempDirectory("bundled-store");
        long started = System.nanoTime();
        SeedSource seed = SeedSource.bundled();
        try {
            Map<String, Object> properties = Map.of(
                    "explorer.neo4j.uri", "",
                    "explorer.neo4j.data-dir", home.toString(),
                    "explorer.neo4j.bolt-port", "0",
                    "explorer.seed.mode", "if-empty",
                    "explorer.seed.illustrative", "false",
                    "explorer.seed.bundled-store", "false",
                    "explorer.warm-up.enabled", "false",
                    "explorer.start.release-memory", "false");
            try (ApplicationContext context = ApplicationContext.builder().environmentPropertySource(false)
                    .properties(properties).start()) {
                SeedOutcome outcome = context.getBean(StartupSeedState.class).outcome().orElseThrow();
                if (outcome.status() != SeedOutcome.Status.LOADED) {
                    throw new IllegalStateException("the bundled seed was not loaded into the new store: " + outcome);
                }
                // the graph's counts are written beside the store by the start's background phases
                context.getBean(StartupPhases.class).backgroundDone().get(5, TimeUnit.MINUTES);
            }
            Files.createDirectories(out);
            long bytes = zip(home, out.resolve("store.zip"));
            Properties manifest = new Properties();
            manifest.setProperty("seed", seed.describe());
            manifest.setProperty("seed.sha256", digest(seed));
            manifest.setProperty("release", SeedRelease.of(seed).map(SeedRelease::version).orElse("none"));
            manifest.setProperty("neo4j", Version.getNeo4jVersion());
            try (OutputStream file = Files.newOutputStream(out.resolve("store.properties"))) {
                manifest.store(file, "The bundled seed's store, made by the build (BundledStore)");
            }
            System.out.printf("The bundled seed's store: %s (%d KB of %d MB of store) in %.1f s%n",
                    out.resolve("store.zip"), Files.size(out.resolve("store.zip")) >> 10, bytes >> 20,
                    (System.nanoTime() - started) / 1e9);
        } finally {
            deleteTree(home);
        }
    }

    /**
     * Zips the store's data folder and the files the start kept beside it (the graph's counts; its logs stay out);
     * answers the bytes taken in.
     */
    private static long zip(Path home, Path archive) throws IOException {
        long bytes = 0;
        List<Path> all = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(home.resolve("data"))) {
            walk.filter(Files::isRegularFile).filter(p -> !LEFT_OUT.contains(p.getFileName().toString())).sorted()
                    .forEach(all::add);
        }
        try (Stream<Path> beside = Files.list(home)) {
            beside.filter(Files::isRegularFile).sorted().forEach(all::add);
        }
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive))) {
            for (Path file : all) {
                zip.putNextEntry(new ZipEntry(home.relativize(file).toString().replace('\\', '/')));
                bytes += Files.copy(file, zip);
                zip.closeEntry();
            }
        }
        return bytes;
    }

    private static InputStream resource(String name) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return (loader != null ? loader : BundledStore.class.getClassLoader()).getResourceAsStream(name);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
