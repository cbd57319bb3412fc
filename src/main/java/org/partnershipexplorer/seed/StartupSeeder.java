package org.partnershipexplorer.seed;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;
import org.partnershipexplorer.neo4j.Cypher;
import org.partnershipexplorer.neo4j.GraphSchema;
import org.partnershipexplorer.neo4j.Neo4jServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds the database at start, once however many instances start on it together.
 *
 * <p>The lock is a {@code (:SeedState {id: 'seed'})} node: its unique constraint lets exactly one instance create
 * it (status {@code loading}); that instance loads and sets {@code loaded}, or deletes the node when the load
 * fails. The others poll until {@code loaded}, and take over a {@code loading} lock so old that its owner must
 * have died. A store Neo4j's offline importer filled in this process needs no lock: no other process can open it.
 */
@Singleton
public final class StartupSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(StartupSeeder.class);

    private final Cypher cypher;
    private final GraphSchema schema;
    private final SeedLoader loader;
    private final Duration maxWait;
    private final Duration staleAfter;
    private final Duration poll;
    /** Names this instance in the lock, so it only ever releases a lock it holds. */
    private final String owner = UUID.randomUUID().toString();

    /** The embedded server, whose seed state a start reads without Cypher; null when not known (the tests' own). */
    private final Neo4jServer server;

    public StartupSeeder(Cypher cypher, GraphSchema schema, SeedLoader loader) {
        this(cypher, schema, loader, null);
    }

    @Inject
    StartupSeeder(Cypher cypher, GraphSchema schema, SeedLoader loader, Neo4jServer server) {
        this(cypher, schema, loader, Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofSeconds(1), server);
    }

    StartupSeeder(Cypher cypher, GraphSchema schema, SeedLoader loader, Duration maxWait, Duration staleAfter,
            Duration poll) {
        this(cypher, schema, loader, maxWait, staleAfter, poll, null);
    }

    private StartupSeeder(Cypher cypher, GraphSchema schema, SeedLoader loader, Duration maxWait, Duration staleAfter,
            Duration poll, Neo4jServer server) {
        this.server = server;
        this.cypher = cypher;
        this.schema = schema;
        this.loader = loader;
        this.maxWait = maxWait;
        this.staleAfter = staleAfter;
        this.poll = poll;
    }

    /**
     * Seeds per mode: {@code never} does nothing, {@code always} loads again (MERGE: idempotent), {@code if-empty}
     * loads only into a database that holds no node but the lock, and applies a newer release
     * ({@code release.properties}) to a store that start-up seeding loaded with an older one.
     *
     * @throws SeedValidationException when the seed has bad rows; the database is then as it was
     * @throws IllegalStateException   when another instance holds the lock for longer than the wait allows
     */
    public SeedOutcome seed(SeedMode mode, SeedSource source, boolean includeIllustrative) {
        Optional<SeedRelease> release = SeedRelease.of(source);
        if (mode == SeedMode.NEVER) {
            LOG.info("Seeding disabled (EXPLORER_SEED=never)");
            return new SeedOutcome(SeedOutcome.Status.DISABLED, null);
        }
        // The lock's uniqueness rests on the SeedState constraint, so the schema comes first.
        schema.ensure();
        if (loader.holdsImport(source)) {
            return loadImported(source, includeIllustrative, release);
        }
        if (mode == SeedMode.IF_EMPTY && settled(release)) {
            LOG.info("Seed already loaded; EXPLORER_SEED=if-empty leaves the database as it is");
            return new SeedOutcome(SeedOutcome.Status.ALREADY_LOADED, null);
        }
        // a load in batches whose process died would otherwise make an empty store look like one holding data
        loader.cleanUpAbandoned(SeedLoader.ABANDONED_AFTER);
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            Look look = tryLock(mode, release);
            Lock lock = look.lock();
            switch (lock) {
                case ACQUIRED_EMPTY, ACQUIRED -> {
                    return loadHoldingLock(mode, lock, source, includeIllustrative);
                }
                case UPGRADE -> {
                    return upgradeHoldingLock(source, includeIllustrative, look.storedRelease());
                }
                case LOADED -> {
                    LOG.info("Seed already loaded; EXPLORER_SEED=if-empty leaves the database as it is");
                    return new SeedOutcome(SeedOutcome.Status.ALREADY_LOADED, null);
                }
                case BUSY -> {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Another instance has been loading the seed for longer "
                                + "than " + maxWait + "; giving up. If it died, its lock expires after " + staleAfter);
                    }
                    sleep();
                }
            }
        }
    }

    /**
     * A store Neo4j's offline importer created from nothing before this process started its server: it holds this
     * seed and nothing else, and no other instance can reach it (an embedded store belongs to the process that runs
     * it), so there is no seed loaded before to look for, no abandoned load to remove and no lock to take. The load
     * finishes the import and one statement records it, as a locked load's mark would: the reads and the lock's
     * writes were a cold start's first statements of their kind, planned while the start waited.
     */
    private SeedOutcome loadImported(SeedSource source, boolean includeIllustrative, Optional<SeedRelease> release) {
        LoadReport report = loader.load(source, includeIllustrative);
        cypher.write(MARK_IMPORTED, loaded(source, includeIllustrative, release), r -> r);
        return new SeedOutcome(SeedOutcome.Status.LOADED, report);
    }

    private SeedOutcome loadHoldingLock(SeedMode mode, Lock lock, SeedSource source, boolean includeIllustrative) {
        try {
            if (mode == SeedMode.IF_EMPTY && lock == Lock.ACQUIRED) {
                LOG.info("The database holds data that start-up seeding did not load; EXPLORER_SEED=if-empty leaves it");
                release();
                return new SeedOutcome(SeedOutcome.Status.NOT_EMPTY, null);
            }
            LoadReport report = loader.load(source, includeIllustrative);
            markLoaded(source, includeIllustrative, SeedRelease.of(source));
            return new SeedOutcome(SeedOutcome.Status.LOADED, report);
        } catch (RuntimeException e) {
            try {
                release();
            } catch (RuntimeException releaseFailed) {
                e.addSuppressed(releaseFailed);
            }
            throw e;
        }
    }

    /**
     * Applies the bundled release to a store that start-up seeding loaded with an older one. A failed upgrade
     * leaves the store and its recorded release as they were (one transaction), so the next start tries again.
     */
    private SeedOutcome upgradeHoldingLock(SeedSource source, boolean includeIllustrative, String held) {
        Optional<SeedRelease> release = SeedRelease.of(source);
        try {
            SeedUpgrade upgrade = loader.upgrade(source, includeIllustrative);
            markLoaded(source, includeIllustrative, release);
            String detail = "release " + release.map(SeedRelease::version).orElse("?") + " applied over "
                    + (held == null ? "a store with no recorded release" : "release " + held) + ": "
                    + upgrade.changesText();
            return new SeedOutcome(SeedOutcome.Status.UPGRADED, upgrade.report(), detail);
        } catch (RuntimeException e) {
            try {
                cypher.write(BACK_TO_LOADED, Map.of("owner", owner), r -> r);
            } catch (RuntimeException releaseFailed) {
                e.addSuppressed(releaseFailed);
            }
            throw e;
        }
    }

    /** Where this instance stands after one look at the lock. */
    private enum Lock {
        /** This instance holds the lock to apply a newer release to the seed start-up seeding loaded. */
        UPGRADE,
        /** This instance holds the lock, and the database holds nothing else. */
        ACQUIRED_EMPTY,
        /** This instance holds the lock; the database holds other data. */
        ACQUIRED,
        /** The seed is loaded and if-empty asks for nothing more. */
        LOADED,
        /** Another instance is loading. */
        BUSY
    }

    /**
     * One look at the lock: where this instance stands, and the release the store records (null: none).
     */
    private record Look(Lock lock, String storedRelease) {
    }

    /**
     * Whether one read finds what the lock would: the seed loaded, the data still there, no newer release bundled and
     * no load in batches under way. Every start of a kept store ends here, without taking the lock: the lock's write
     * and the look for an abandoned load were two more statements for a cold Cypher to plan. Anything else goes the
     * locked way, which decides again under the lock.
     */
    private boolean settled(Optional<SeedRelease> release) {
        // embedded, the same read without Cypher (Neo4jServer.readEmbedded)
        Settled found = (server == null ? Optional.<Settled>empty() : server.readEmbedded(StartupSeeder::settled))
                .orElseGet(() -> cypher.inReadTransaction(SETTLED_TIMEOUT, tx -> tx.run(SETTLED, Map.of(),
                        r -> new Settled(r.get("status").asString(null), r.get("release").asString(null),
                                r.get("bulkLoad").asBoolean(), r.get("holdsData").asBoolean()))).get(0));
        return "loaded".equals(found.status()) && found.holdsData() && !found.bulkLoad()
                && release.map(bundled -> !bundled.newerThan(found.release())).orElse(true);
    }

    /** What {@link #SETTLED} reads: the seed's lock node's status and release, a load in batches, any data. */
    record Settled(String status, String release, boolean bulkLoad, boolean holdsData) {
    }

    /** {@link #SETTLED}'s read through Neo4j's Java API. */
    static Settled settled(Transaction tx) {
        Node seed = tx.findNode(SEED_STATE, "id", "seed");
        boolean holdsData;
        try (var nodes = tx.getAllNodes().iterator()) {
            holdsData = false;
            while (!holdsData && nodes.hasNext()) {
                Node node = nodes.next();
                holdsData = !node.hasLabel(SEED_STATE) && !node.hasLabel(CHANGE) && !node.hasLabel(CHANGE_LOG);
            }
        }
        return new Settled(seed == null ? null : (String) seed.getProperty("status", null),
                seed == null ? null : (String) seed.getProperty("release", null),
                tx.findNode(SEED_STATE, "id", "bulk-load") != null, holdsData);
    }

    private static final Label SEED_STATE = Label.label("SeedState");
    private static final Label CHANGE = Label.label("Change");
    private static final Label CHANGE_LOG = Label.label("ChangeLog");

    private Look tryLock(SeedMode mode, Optional<SeedRelease> release) {
        return cypher.inWriteTransaction(tx -> {
            LockState state = tx.run(LOOK, Map.of("owner", owner, "staleSeconds", staleAfter.toSeconds()),
                    r -> new LockState(r.get("status").asString(), r.get("owner").asString(),
                            r.get("stale").asBoolean(), r.get("holdsData").asBoolean(),
                            r.get("release").asString(null))).get(0);
            return new Look(decide(tx, mode, release, state), state.release());
        });
    }

    private Lock decide(Cypher.Transaction tx, SeedMode mode, Optional<SeedRelease> release, LockState state) {
        // LOOK's ON MATCH SET write-locks the node: until this transaction ends, no other instance can change it.
        Lock acquired = state.holdsData() ? Lock.ACQUIRED : Lock.ACQUIRED_EMPTY;
        if (state.owner().equals(owner) && state.status().equals("loading")) {
            return acquired;
        }
        if (state.status().equals("loaded")) {
            // if-empty: a database emptied since its seed was loaded is empty again.
            if (mode == SeedMode.IF_EMPTY && state.holdsData()) {
                if (release.isPresent() && release.get().newerThan(state.release())) {
                    LOG.info("The store holds seed release {}; applying the bundled release {}",
                            state.release() == null ? "(none recorded)" : state.release(), release.get().version());
                    return take(tx, state) ? Lock.UPGRADE : Lock.BUSY;
                }
                return Lock.LOADED;
            }
            return take(tx, state) ? acquired : Lock.BUSY;
        }
        if (state.stale()) {
            LOG.warn("Taking over the seed lock of instance {}: it has been loading for more than {}",
                    state.owner(), staleAfter);
            return take(tx, state) ? acquired : Lock.BUSY;
        }
        return Lock.BUSY;
    }

    private boolean take(Cypher.Transaction tx, LockState seen) {
        return tx.run(TAKE, Map.of("owner", owner, "seenOwner", seen.owner(), "seenStatus", seen.status()),
                r -> r.get("taken").asLong()).get(0) == 1;
    }

    private void markLoaded(SeedSource source, boolean includeIllustrative, Optional<SeedRelease> release) {
        long marked = cypher.write(MARK_LOADED, loaded(source, includeIllustrative, release),
                r -> r.get("marked").asLong()).get(0);
        if (marked == 0) {
            LOG.warn("The seed was loaded, but another instance took the lock over meanwhile");
        }
    }

    /** What the seed's state records of a finished load: this instance, the seed, and its release (null: none). */
    private Map<String, Object> loaded(SeedSource source, boolean includeIllustrative, Optional<SeedRelease> release) {
        Map<String, Object> parameters = new java.util.HashMap<>();
        parameters.put("owner", owner);
        parameters.put("source", source.describe());
        parameters.put("illustrative", includeIllustrative);
        parameters.put("release", release.map(SeedRelease::version).orElse(null));
        return parameters;
    }

    private void release() {
        cypher.write(RELEASE, Map.of("owner", owner), r -> r);
    }

    private void sleep() {
        try {
            Thread.sleep(poll.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for another instance to load the seed", e);
        }
    }

    /** @param release the seed release the store records, or null (none, or loaded before releases) */
    private record LockState(String status, String owner, boolean stale, boolean holdsData, String release) {
    }

    /** The settled read's limit: a cold start on a machine busy with other work may plan it slowly. */
    private static final Duration SETTLED_TIMEOUT = Duration.ofMinutes(5);

    static final String SETTLED = """
            OPTIONAL MATCH (s:SeedState {id: 'seed'})
            RETURN s.status AS status, s.release AS release,
                   EXISTS { MATCH (:SeedState {id: 'bulk-load'}) } AS bulkLoad,
                   EXISTS { MATCH (n) WHERE NOT (n:SeedState OR n:Change OR n:ChangeLog) } AS holdsData
            """;

    private static final String LOOK = """
            MERGE (s:SeedState {id: 'seed'})
            ON CREATE SET s.status = 'loading', s.owner = $owner, s.startedAt = datetime()
            ON MATCH SET s.checkedAt = datetime()
            RETURN s.status AS status, s.owner AS owner,
                   s.startedAt < datetime() - duration({seconds: $staleSeconds}) AS stale,
                   EXISTS { MATCH (n) WHERE NOT (n:SeedState OR n:Change OR n:ChangeLog) } AS holdsData,
                   s.release AS release
            """;

    // Conditional on what LOOK saw, read again under the lock LOOK took: two instances never both take it.
    private static final String TAKE = """
            OPTIONAL MATCH (s:SeedState {id: 'seed'})
            WHERE s.owner = $seenOwner AND s.status = $seenStatus
            SET s.status = 'loading', s.owner = $owner, s.startedAt = datetime()
            REMOVE s.loadedAt
            RETURN count(s) AS taken
            """;

    private static final String MARK_LOADED = """
            OPTIONAL MATCH (s:SeedState {id: 'seed', owner: $owner})
            SET s.status = 'loaded', s.loadedAt = datetime(), s.source = $source, s.illustrative = $illustrative,
                s.release = $release
            RETURN count(s) AS marked
            """;

    // What a locked load leaves once MARK_LOADED has run, in one write.
    private static final String MARK_IMPORTED = """
            MERGE (s:SeedState {id: 'seed'})
            SET s.status = 'loaded', s.owner = $owner, s.startedAt = datetime(), s.loadedAt = datetime(),
                s.source = $source, s.illustrative = $illustrative, s.release = $release
            """;

    // A failed upgrade: the store still holds the release it had, and says so.
    private static final String BACK_TO_LOADED = """
            MATCH (s:SeedState {id: 'seed', owner: $owner})
            SET s.status = 'loaded'
            """;

    private static final String RELEASE = """
            MATCH (s:SeedState {id: 'seed', owner: $owner})
            DELETE s
            """;
}
