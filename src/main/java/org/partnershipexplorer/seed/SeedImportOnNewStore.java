package org.partnershipexplorer.seed;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.partnershipexplorer.neo4j.ImportedCounts;
import org.partnershipexplorer.neo4j.NewStoreImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the seed of this start (start-up seeding, or the {@code import} command's folder) into a brand-new embedded
 * store with Neo4j's offline importer ({@link OfflineImport}), before the server starts on it; the load that follows
 * ({@link SeedLoader#load}) then finds the rows in place and does only what a load does besides them.
 *
 * <p>The neo4j package calls this through {@link NewStoreImport} and knows nothing of seeds; this class decides
 * whether there is a seed to load at all: the command's request, or start-up seeding when it is on.
 *
 * <p>Below {@code explorer.seed.offline-import-min-rows} rows the seed goes over Bolt as before: for a small seed
 * the importer's fixed cost is larger than what it saves (bench/ANALYTICS.md, "Loading").
 *
 * <p>Start-up seeding of the bundled seed, as a first start does it by default, needs neither: the build has made
 * that store already ({@link BundledStore}), and it is unpacked instead.
 */
@Singleton
final class SeedImportOnNewStore implements NewStoreImport {

    private static final Logger LOG = LoggerFactory.getLogger(SeedImportOnNewStore.class);

    private final SeedSettings settings;
    private final boolean onStartup;
    private final long minRows;
    /** EXPLORER_SEED_BUNDLED_STORE: false imports the bundled seed on a first start, as any other seed. */
    private final boolean bundledStore;
    private final Optional<SeedImportRequest> request;
    /** Tests break the importer's files here; nothing otherwise. */
    private final Consumer<Path> beforeImporter;
    private volatile OfflineImport.Imported imported;

    SeedImportOnNewStore(SeedSettings settings, @Value("${explorer.seed.on-startup:true}") boolean onStartup,
            @Value("${explorer.seed.offline-import-min-rows:0}") long minRows,
            @Value("${explorer.seed.bundled-store:true}") boolean bundledStore,
            Optional<SeedImportRequest> request, Optional<BeforeImporter> beforeImporter) {
        this.settings = settings;
        this.onStartup = onStartup;
        this.minRows = minRows;
        this.bundledStore = bundledStore;
        this.request = request;
        this.beforeImporter = beforeImporter.<Consumer<Path>>map(b -> b::accept).orElse(dir -> { });
    }

    @Override
    public void recoverInterrupted(Path home) {
        BundledStore.removeUnpacking(home);
        OfflineImport.recoverInterrupted(home);
    }

    /**
     * The build's store of the bundled seed, when this start would make that very store: start-up seeding (not the
     * import command) of the bundled seed without illustrative rows, EXPLORER_SEED=if-empty. With {@code always} the
     * seed would be loaded again over it, and an import is the faster way to the same graph.
     */
    @Override
    public boolean restoreBeforeFirstStart(Path home) {
        if (!bundledStore || request.isPresent() || !onStartup || settings.seedMode() != SeedMode.IF_EMPTY
                || settings.illustrative() || settings.directory().isPresent()) {
            return false;
        }
        return BundledStore.restore(home, settings.source());
    }

    @Override
    public Optional<ImportedCounts> beforeFirstStart(Path home) {
        Optional<SeedImportRequest> wanted = request.or(this::startupSeed);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        SeedImportRequest seed = wanted.get();
        try {
            if (minRows > 0) {
                long rows = rows(seed.source());
                if (rows < minRows) {
                    LOG.info("The seed has {} rows, fewer than the {} from which the offline importer pays "
                            + "(explorer.seed.offline-import-min-rows): it goes over Bolt", rows, minRows);
                    return Optional.empty();
                }
            }
            OfflineImport.Imported done = OfflineImport.run(home, seed.source(), seed.includeIllustrative(),
                    seed.stamp(), seed.progress(), seed.importerOutput(), beforeImporter);
            imported = done;
            return Optional.of(done.counts());
        } catch (SeedValidationException e) {
            if (request.isPresent()) {
                throw e; // the command prints the list itself
            }
            // as SeedOnStartup reports a bad seed loaded over Bolt: the list once in the log, a summary as the failure
            LOG.error("The seed has bad rows; nothing was written:{}{}",
                    System.lineSeparator(), String.join(System.lineSeparator(), e.lines()));
            throw new IllegalStateException("The seed in " + seed.source().describe() + " has "
                    + (e.getErrors().size() + e.getOmitted()) + " bad rows (listed above); the service does not start");
        }
    }

    /** The data rows of the seed's files, read but not checked: the importer's validation comes once, after. */
    private static long rows(SeedSource source) {
        long rows = 0;
        try {
            for (SeedFile file : SeedFile.values()) {
                java.util.Optional<SeedCsv> csv = SeedCsv.open(source, file.fileName);
                if (csv.isPresent()) {
                    try (SeedCsv open = csv.get()) {
                        while (open.next() != null) {
                            rows++;
                        }
                    }
                }
            }
        } catch (RuntimeException unreadable) {
            // a file the validator will refuse, with the line and the reason: the import path reports it
            return Long.MAX_VALUE;
        }
        return rows;
    }

    /** Start-up seeding's seed, when it is on: a new store is empty, so every mode but never loads it. */
    private Optional<SeedImportRequest> startupSeed() {
        if (!onStartup || settings.seedMode() == SeedMode.NEVER) {
            return Optional.empty();
        }
        return Optional.of(new SeedImportRequest(settings.source(), settings.illustrative(), null, SeedProgress.NONE,
                null));
    }

    /**
     * The import of {@code source} this process made into the new store, once: the load that follows takes it
     * instead of writing the rows again; empty when there was none (or it was another seed, or already taken).
     */
    synchronized Optional<OfflineImport.Imported> take(SeedSource source, boolean includeIllustrative) {
        OfflineImport.Imported found = imported;
        if (found == null || !found.source().equals(source.describe())
                || found.includeIllustrative() != includeIllustrative) {
            return Optional.empty();
        }
        imported = null;
        return Optional.of(found);
    }

    /** Whether the store holds an import of {@code source} that no load has taken yet. */
    boolean holds(SeedSource source) {
        OfflineImport.Imported found = imported;
        return found != null && found.source().equals(source.describe());
    }

    /** A test's hook into the importer's folder, once its files are written. */
    interface BeforeImporter {
        void accept(Path dir);
    }
}
