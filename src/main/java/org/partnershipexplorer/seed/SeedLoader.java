package org.partnershipexplorer.seed;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.partnershipexplorer.deadline.Deadline;
import org.partnershipexplorer.neo4j.CountStore;
import org.partnershipexplorer.neo4j.Cypher;
import org.partnershipexplorer.neo4j.GraphSchema;
import org.partnershipexplorer.seed.LoadReport.FileRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a seed folder into the graph: validates every file first and writes only a seed without a single bad row,
 * then writes all of it: into an empty store in batches that each commit, removed whole if the load fails
 * ({@link BulkLoad}); into a store holding data in one transaction, as its rows merge into what is there. Start-up seeding, POST /import and the {@code import DIR} command all
 * go through here.
 */
@Singleton
public final class SeedLoader {

    /**
     * A load into a store holding data is one transaction; it may take far longer than the limit that guards ordinary
     * requests. Each batch of a load into an empty store has the same limit.
     */
    static final Duration LOAD_TIMEOUT = Duration.ofMinutes(30);

    /**
     * A load in batches whose lock has not been renewed for this long is taken for dead (its process stopped) and
     * removed by the next load or start. A batch renews it; one batch takes about a second on an idle machine.
     */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    private static final Logger LOG = LoggerFactory.getLogger(SeedLoader.class);

    /** The labels and types a seed writes, counted after a load. Fixed here, so they may be spliced into Cypher. */
    static final List<String> LABELS = List.of(
            "Country", "Organization", "Actor", "Mission", "Program", "Ministerial", "Pledge", "Deployment");
    static final List<String> TYPES = List.of(
            "MEMBER_OF", "LOCATED_IN", "HOSTED_BY", "CONTRIBUTES_TO", "REPORTED", "TRAINS", "DONATES_TO",
            "PLEDGED", "MADE_AT", "BENEFITS", "SUPPORTS", "ATTENDED");

    /** Every load (start-up seeding, imports), by outcome: loaded, invalid (bad rows, nothing written), failed. */
    static final String LOADS = "explorer.seed.loads";
    /** Rows written by loads that succeeded. */
    static final String ROWS = "explorer.seed.rows";

    private final Cypher cypher;
    private final GraphSchema schema;
    private final MeterRegistry metrics;
    /** The report's counts, read after the load committed. Not under a request's query timeout: on a busy machine
     *  their first plan took longer, and the start failed with the seed already written. */
    private final CountStore store;

    /** The offline import into a brand-new store, if this process made one; null where there is none (tests). */
    private final SeedImportOnNewStore newStore;

    public SeedLoader(Cypher cypher, GraphSchema schema, MeterRegistry metrics) {
        this(cypher, schema, metrics, null);
    }

    @jakarta.inject.Inject
    SeedLoader(Cypher cypher, GraphSchema schema, MeterRegistry metrics, SeedImportOnNewStore newStore) {
        this.cypher = cypher;
        this.schema = schema;
        this.metrics = metrics;
        this.store = new CountStore(cypher, LOAD_TIMEOUT, LABELS, TYPES);
        this.newStore = newStore;
    }

    /**
     * Whether the store holds {@code source} as Neo4j's offline importer wrote it before the server started, not yet
     * taken by a load: start-up seeding then treats the store as the empty one it was.
     */
    boolean holdsImport(SeedSource source) {
        return newStore != null && newStore.holds(source);
    }

    /**
     * Validates the seed without writing anything.
     *
     * @return the rows of each file the seed has
     * @throws SeedValidationException listing every bad row
     */
    public List<FileRows> validate(SeedSource source, boolean includeIllustrative) {
        return SeedValidator.validate(source, includeIllustrative);
    }

    /**
     * Loads a seed: all of it, or nothing when a row is bad or the write fails.
     *
     * @param includeIllustrative false leaves out every row of confidence {@code illustrative}
     * @throws SeedValidationException listing every bad row; the database is then untouched
     */
    public LoadReport load(SeedSource source, boolean includeIllustrative) {
        return metered(() -> loadUnmetered(source, includeIllustrative, null, SeedProgress.NONE, null));
    }

    /**
     * As {@link #load(SeedSource, boolean)}, for an import: every row is stamped with {@code stamp}, whatever
     * {@code updated_by} and {@code updated_at} it carries (null: rows keep the stamps they carry, as a restore of
     * a backup must), and {@code progress} follows both passes. An import may be part of a seed (trainings.csv
     * alone): a key its files name but do not define may be one the graph holds, which the load merges into.
     */
    public LoadReport load(SeedSource source, boolean includeIllustrative, Stamp stamp, SeedProgress progress) {
        return metered(() -> loadUnmetered(source, includeIllustrative, stamp, progress, this::existing));
    }

    private LoadReport metered(java.util.function.Supplier<LoadReport> load) {
        Timer.Sample sample = Timer.start(metrics);
        String outcome = "failed";
        try {
            LoadReport report = load.get();
            outcome = "loaded";
            Counter.builder(ROWS).description("Seed rows written by successful loads and imports").register(metrics)
                    .increment(report.rowsRead() - report.rowsSkipped());
            return report;
        } catch (SeedValidationException e) {
            outcome = "invalid";
            throw e;
        } finally {
            sample.stop(Timer.builder(LOADS)
                    .description("Seed loads and imports: validation and writing, by outcome")
                    .tag("outcome", outcome)
                    .register(metrics));
        }
    }

    private LoadReport loadUnmetered(SeedSource source, boolean includeIllustrative, Stamp stamp,
            SeedProgress progress, KnownKeys known) {
        long started = System.nanoTime();
        Optional<OfflineImport.Imported> imported = newStore == null ? Optional.empty()
                : newStore.take(source, includeIllustrative);
        if (imported.isPresent()) {
            return finishImport(imported.get(), started);
        }
        LOG.info("Loading seed {} ({} illustrative rows)", source.describe(), includeIllustrative ? "with" : "without");
        List<FileRows> files = SeedValidator.validate(source, includeIllustrative, progress, known);
        long total = files.stream().mapToLong(FileRows::written).sum();
        schema.ensure();
        cleanUpAbandoned(ABANDONED_AFTER);
        Optional<BulkLoad> bulk = BulkLoad.begin(cypher);
        if (bulk.isPresent()) {
            // an empty store: batches that each commit, all or nothing through the load's id
            LOG.info("Loading into an empty store as load {}, in batches of {} rows", bulk.get().loadId(),
                    SeedWriter.BULK_BATCH);
            try {
                SeedWriter.write(bulk.get(), source, includeIllustrative, stamp, progress, total);
            } catch (RuntimeException e) {
                LOG.warn("Load {} failed; removing what it wrote: {}", bulk.get().loadId(), e.toString());
                try {
                    bulk.get().rollBack();
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e;
            }
            bulk.get().commit();
        } else {
            refuseWhileBulkLoading();
            // The driver may run the work again after a transient failure: it reopens the files each time.
            cypher.inWriteTransaction(LOAD_TIMEOUT, tx -> {
                SeedWriter.write(tx, source, includeIllustrative, stamp, progress, total);
                return null;
            });
        }
        schema.afterLoad(bulk.isPresent());
        CountStore.Totals counts = store.totals();
        LoadReport report = new LoadReport(source.describe(), includeIllustrative, files, counts.labels(),
                counts.types(), Duration.ofNanos(System.nanoTime() - started));
        LOG.info(report.summary());
        return report;
    }

    /**
     * A load whose rows Neo4j's offline importer wrote before the server started ({@link SeedImportOnNewStore}): what a
     * load does besides the rows, as over Bolt. The importer builds no index, so the schema's constraints and indexes
     * are created here on the data and awaited online before the load reports done.
     */
    private LoadReport finishImport(OfflineImport.Imported imported, long started) {
        schema.ensure();
        // the indexes were created on the data, and sampled as they were built
        schema.afterLoad(false);
        CountStore.Totals counts = store.totals();
        // from the import's start: the server's start and the schema built at the context's start count too
        LoadReport report = new LoadReport(imported.source(), imported.includeIllustrative(), imported.files(),
                counts.labels(), counts.types(), Duration.ofNanos(System.nanoTime() - imported.startedNanos()));
        LOG.info("{} (the offline import {} ms of it)", report.summary(), imported.took().toMillis());
        return report;
    }

    /**
     * Applies a new release of the seed to a store that holds an older one, in one transaction: every row of the
     * release is written as a load writes it; a row of the old release that the new one no longer has is removed;
     * a row edited through the API ({@code updatedBy} set) is kept as edited, whether or not the release has it.
     *
     * <p>How rows the release dropped are found: before writing, every unedited row gets a marker property; writing
     * a row replaces all its properties ({@code SET x = $props}), so what still carries the marker afterwards is
     * what the release no longer holds.
     *
     * @throws SeedValidationException listing every bad row; the database is then untouched
     */
    public SeedUpgrade upgrade(SeedSource source, boolean includeIllustrative) {
        long started = System.nanoTime();
        LOG.info("Upgrading the store to seed {} ({} illustrative rows)", source.describe(),
                includeIllustrative ? "with" : "without");
        List<FileRows> files = SeedValidator.validate(source, includeIllustrative, SeedProgress.NONE);
        schema.ensure();
        SeedUpgrade.Changes changes = cypher.inWriteTransaction(LOAD_TIMEOUT, tx -> {
            List<Map<String, Object>> editedNodes = tx.run(EDITED_NODES, Map.of(), SeedLoader::idAndProperties);
            List<Map<String, Object>> editedRelationships = tx.run(EDITED_RELATIONSHIPS, Map.of(),
                    SeedLoader::idAndProperties);
            tx.run(MARK_NODES, Map.of());
            tx.run(MARK_RELATIONSHIPS, Map.of());
            SeedWriter.write(tx, source, includeIllustrative, null, SeedProgress.NONE, 0);
            tx.run(RESTORE_NODES, Map.of("rows", editedNodes));
            tx.run(RESTORE_RELATIONSHIPS, Map.of("rows", editedRelationships));
            long removedRelationships = tx.run(REMOVE_RELATIONSHIPS, Map.of(), r -> r.get("n").asLong()).get(0);
            long removedNodes = tx.run(REMOVE_NODES, Map.of(), r -> r.get("n").asLong()).get(0);
            long heldByEdits = tx.run(UNMARK_NODES, Map.of(), r -> r.get("n").asLong()).get(0);
            return new SeedUpgrade.Changes(removedNodes, removedRelationships, editedNodes.size(),
                    editedRelationships.size(), heldByEdits);
        });
        schema.afterLoad(false);
        CountStore.Totals counts = store.totals();
        LoadReport report = new LoadReport(source.describe(), includeIllustrative, files, counts.labels(),
                counts.types(), Duration.ofNanos(System.nanoTime() - started));
        SeedUpgrade upgrade = new SeedUpgrade(report, changes);
        LOG.info(upgrade.summary());
        return upgrade;
    }

    /**
     * Finishes or removes a load in batches whose process died (its lock silent for {@code silentFor}); start-up
     * seeding and every load call it first.
     *
     * @return the id of the load found, if one was
     */
    Optional<String> cleanUpAbandoned(Duration silentFor) {
        return BulkLoad.cleanUpAbandoned(cypher, silentFor);
    }

    /**
     * A load that merges into the graph must not run beside a load in batches: the latter's failure removes every node
     * it tagged, whatever else was written into them meanwhile.
     */
    private void refuseWhileBulkLoading() {
        BulkLoad.running(cypher).ifPresent(loadId -> {
            throw new LoadInProgressException("Another load (" + loadId + ") is writing into this store; nothing was "
                    + "written. Try again when it has finished (a load whose process died is removed after "
                    + ABANDONED_AFTER.toMinutes() + " minutes).");
        });
    }

    private static Map<String, Object> idAndProperties(org.neo4j.driver.Record r) {
        return Map.of("id", r.get("id").asString(), "props", r.get("props").asMap());
    }

    private static final String EDITED_NODES = """
            MATCH (n) WHERE n.updatedBy IS NOT NULL AND NOT n:SeedState
            RETURN elementId(n) AS id, properties(n) AS props""";
    private static final String EDITED_RELATIONSHIPS = """
            MATCH ()-[r]->() WHERE r.updatedBy IS NOT NULL
            RETURN elementId(r) AS id, properties(r) AS props""";
    private static final String MARK_NODES = """
            MATCH (n) WHERE n.updatedBy IS NULL AND NOT (n:SeedState OR n:Change OR n:ChangeLog)
            SET n.staleRelease = true""";
    private static final String MARK_RELATIONSHIPS = """
            MATCH ()-[r]->() WHERE r.updatedBy IS NULL
            SET r.staleRelease = true""";
    private static final String RESTORE_NODES = """
            UNWIND $rows AS row
            MATCH (n) WHERE elementId(n) = row.id
            SET n = row.props""";
    private static final String RESTORE_RELATIONSHIPS = """
            UNWIND $rows AS row
            MATCH ()-[r]->() WHERE elementId(r) = row.id
            SET r = row.props""";
    private static final String REMOVE_RELATIONSHIPS = """
            MATCH ()-[r]->() WHERE r.staleRelease
            DELETE r
            RETURN count(*) AS n""";
    // A node the release dropped stays while an edited relationship still uses it.
    private static final String REMOVE_NODES = """
            MATCH (n) WHERE n.staleRelease AND NOT EXISTS { (n)--() }
            DELETE n
            RETURN count(*) AS n""";
    private static final String UNMARK_NODES = """
            MATCH (n) WHERE n.staleRelease
            REMOVE n.staleRelease
            RETURN count(*) AS n""";

    /** Who changes rows and when: becomes {@code updatedBy} and {@code updatedAt}. */
    public record Stamp(String by, java.time.OffsetDateTime at) {

        /**
         * Stamps a row's properties over what the file says: an importer could otherwise write any name and time
         * into the audit trail. Only a restore keeps a file's stamps, and it loads without a stamp.
         */
        void apply(Map<String, Object> props) {
            props.put("updatedBy", by);
            props.put("updatedAt", at);
        }
    }

    /** The keys of {@code wanted} the graph holds: a load merges into them, so a seed's rows may name them. */
    private Map<Column.Ref, Set<String>> existing(Map<Column.Ref, Set<String>> wanted) {
        Map<String, Object> keys = new HashMap<>();
        for (Column.Ref ref : Column.Ref.values()) {
            keys.put(ref.name(), List.copyOf(wanted.getOrDefault(ref, Set.of())));
        }
        Map<Column.Ref, Set<String>> found = new EnumMap<>(Column.Ref.class);
        cypher.read(Deadline.NONE, SeedGraph.EXISTING, Map.of("keys", keys), r -> {
            for (Column.Ref ref : Column.Ref.values()) {
                found.put(ref, Set.copyOf(r.get(ref.name()).asList(org.neo4j.driver.Value::asString)));
            }
            return found;
        });
        return found;
    }
}
