package org.partnershipexplorer.seed;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.partnershipexplorer.neo4j.Cypher;
import org.partnershipexplorer.neo4j.DuplicateKeyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A load into an empty store, written in batches that each commit on their own, yet all or nothing for the user.
 *
 * <p>One transaction for a whole load holds the whole load's state in the heap (a million relationships took
 * gigabytes). Here each batch is a transaction; what makes the load one again is its id: the lock node
 * {@code (:SeedState {id: 'bulk-load', loadId})} says a load is under way, and every node the load creates carries
 * the label {@code Loading} and the property {@code loadId}. Relationships need no tag: the store was empty when the
 * load began, so each of them has at least one end that the load created, and goes when that end is deleted.
 *
 * <ul>
 *   <li>Success: the tags are removed in batches, the lock deleted last. The lock is first marked {@code committing},
 *       so a process that dies while untagging leaves a load that is finished, not removed, by whoever finds it.</li>
 *   <li>Failure (a batch refused, the database gone, the thread interrupted): every tagged node is deleted with its
 *       relationships, in small transactions, then the lock.</li>
 *   <li>A process that died mid-load: its lock's {@code heartbeatAt} (renewed by every batch) grows old; the next
 *       load or start-up seeding that finds it removes the load ({@link #cleanUpAbandoned}).</li>
 * </ul>
 *
 * <p>While the lock exists, a load that is not this kind (an import into a store holding data, in one transaction)
 * is refused, so that nothing another import wrote is tagged or removed with this one.
 */
final class BulkLoad {

    static final String LOCK = "bulk-load";
    /** Tagged nodes deleted per transaction on failure: a country may hold thousands of relationships. */
    private static final int DELETE_BATCH = 10;
    private static final int UNTAG_BATCH = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(BulkLoad.class);

    private final Cypher cypher;
    private final String loadId;

    private BulkLoad(Cypher cypher, String loadId) {
        this.cypher = cypher;
        this.loadId = loadId;
    }

    String loadId() {
        return loadId;
    }

    /**
     * Takes the lock when the store holds no data (nodes other than the seed's state and the change log) and no other
     * load holds it; empty otherwise, and the caller loads in one transaction.
     */
    static Optional<BulkLoad> begin(Cypher cypher) {
        String loadId = UUID.randomUUID().toString();
        try {
            boolean taken = cypher.inWriteTransaction(SeedLoader.LOAD_TIMEOUT, tx -> {
                boolean free = tx.run(FREE_AND_EMPTY, Map.of(), r -> r.get("free").asBoolean()).get(0);
                if (free) {
                    tx.run(LOCK_IT, Map.of("loadId", loadId));
                }
                return free;
            });
            return taken ? Optional.of(new BulkLoad(cypher, loadId)) : Optional.empty();
        } catch (DuplicateKeyException e) {
            // another instance began a load at the same moment: its lock stands, this load takes the slow path
            return Optional.empty();
        }
    }

    /** Whether a load in batches is under way (or died and waits to be removed). */
    static Optional<String> running(Cypher cypher) {
        return cypher.inWriteTransaction(SeedLoader.LOAD_TIMEOUT,
                        tx -> tx.run(RUNNING, Map.of(), r -> r.get("loadId").asString()))
                .stream().findFirst();
    }

    /**
     * Runs one batch in its own transaction, with the lock's heartbeat.
     *
     * @throws IllegalStateException when the lock is gone: another process judged this load dead and removed it
     */
    void batch(Consumer<Cypher.Transaction> work) {
        if (Thread.currentThread().isInterrupted()) {
            throw new IllegalStateException("the load " + loadId + " was interrupted");
        }
        cypher.inWriteTransaction(SeedLoader.LOAD_TIMEOUT, tx -> {
            work.accept(tx);
            long alive = tx.run(HEARTBEAT, Map.of("loadId", loadId), r -> r.get("alive").asLong()).get(0);
            if (alive == 0) {
                throw new IllegalStateException("the load " + loadId + " lost its lock: another process found it "
                        + "silent for too long and removed it");
            }
            return null;
        });
    }

    /** Makes the load the store's graph: the tags go, then the lock. */
    void commit() {
        run(cypher, COMMITTING, Map.of("loadId", loadId));
        untag(cypher, loadId);
    }

    /** Removes whatever the load wrote; the store is as empty as it was. */
    void rollBack() {
        remove(cypher, loadId);
    }

    /**
     * Finishes or removes a load whose heartbeat is older than {@code silentFor}: its process died. One that had
     * written everything ({@code committing}) is finished; any other is removed.
     *
     * @return the id of the load found, if one was
     */
    static Optional<String> cleanUpAbandoned(Cypher cypher, Duration silentFor) {
        List<Map<String, String>> found = cypher.inWriteTransaction(SeedLoader.LOAD_TIMEOUT, tx -> tx.run(ABANDONED,
                Map.of("seconds", silentFor.toMillis() / 1000.0),
                r -> Map.of("loadId", r.get("loadId").asString(), "status", r.get("status").asString())));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String loadId = found.get(0).get("loadId");
        if ("committing".equals(found.get(0).get("status"))) {
            LOG.warn("Finishing load {}: its process died after writing everything", loadId);
            untag(cypher, loadId);
        } else {
            LOG.warn("Removing load {}: its process stopped before the load was complete", loadId);
            remove(cypher, loadId);
        }
        return Optional.of(loadId);
    }

    private static void untag(Cypher cypher, String loadId) {
        Map<String, Object> parameters = Map.of("loadId", loadId, "batch", UNTAG_BATCH);
        while (cypher.inWriteTransaction(SeedLoader.LOAD_TIMEOUT,
                tx -> tx.run(UNTAG, parameters, r -> r.get("n").asLong()).get(0)) > 0) {
            // next batch
        }
        run(cypher, UNLOCK, Map.of("loadId", loadId));
    }

    private static void remove(Cypher cypher, String loadId) {
        Map<String, Object> parameters = new HashMap<>(Map.of("loadId", loadId, "batch", DELETE_BATCH));
        long removed = 0;
        for (long n = 1; n > 0; removed += n) {
            n = cypher.inWriteTransaction(SeedLoader.LOAD_TIMEOUT,
                    tx -> tx.run(DELETE_TAGGED, parameters, r -> r.get("n").asLong()).get(0));
        }
        run(cypher, UNLOCK, Map.of("loadId", loadId));
        LOG.info("Removed load {}: {} nodes and their relationships", loadId, removed);
    }

    /**
     * Every statement here runs under a load's own time limit, not the server's default (30 s): on a busy machine
     * the first plan of a statement in a cold JVM has taken longer than that, and a start failed on it.
     */
    private static void run(Cypher cypher, String statement, Map<String, Object> parameters) {
        cypher.inWriteTransaction(SeedLoader.LOAD_TIMEOUT, tx -> {
            tx.run(statement, parameters);
            return null;
        });
    }

    /** The tag a bulk statement ends with, for the node it wrote as {@code variable}. */
    static String tag(String variable) {
        return "SET " + variable + ":Loading, " + variable + ".loadId = $loadId\n";
    }

    // The lock's own node and the change log are not data; anything else is.
    private static final String FREE_AND_EMPTY = """
            RETURN NOT EXISTS { MATCH (s:SeedState {id: 'bulk-load'}) }
               AND NOT EXISTS { MATCH (n) WHERE NOT (n:SeedState OR n:Change OR n:ChangeLog) } AS free""";
    private static final String LOCK_IT = """
            CREATE (:SeedState {id: 'bulk-load', loadId: $loadId, status: 'loading', startedAt: datetime(),
                                heartbeatAt: datetime()})""";
    private static final String RUNNING = "MATCH (s:SeedState {id: 'bulk-load'}) RETURN s.loadId AS loadId";
    private static final String HEARTBEAT = """
            OPTIONAL MATCH (s:SeedState {id: 'bulk-load', loadId: $loadId})
            SET s.heartbeatAt = datetime()
            RETURN count(s) AS alive""";
    private static final String COMMITTING = """
            MATCH (s:SeedState {id: 'bulk-load', loadId: $loadId})
            SET s.status = 'committing', s.heartbeatAt = datetime()""";
    private static final String ABANDONED = """
            MATCH (s:SeedState {id: 'bulk-load'})
            WHERE s.heartbeatAt < datetime() - duration({milliseconds: toInteger($seconds * 1000)})
            RETURN s.loadId AS loadId, s.status AS status""";
    private static final String UNTAG = """
            MATCH (n:Loading) WHERE n.loadId = $loadId
            WITH n LIMIT $batch
            REMOVE n:Loading, n.loadId
            RETURN count(*) AS n""";
    private static final String DELETE_TAGGED = """
            MATCH (n:Loading) WHERE n.loadId = $loadId
            WITH n LIMIT $batch
            DETACH DELETE n
            RETURN count(*) AS n""";
    private static final String UNLOCK = "MATCH (s:SeedState {id: 'bulk-load', loadId: $loadId}) DELETE s";
}
