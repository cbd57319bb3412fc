package org.partnershipexplorer.subscription;

import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.partnershipexplorer.deadline.Deadline;
import org.partnershipexplorer.neo4j.Cypher;

/**
 * The change log in the graph: one {@code (:Change)} node per committed write, import or seed release, numbered by
 * the counter {@code (:ChangeLog {id: 'changes'})}. Every instance of the service follows it ({@link ChangeFeed}), so
 * a change committed through one reaches the subscribers of all of them.
 *
 * <p>A write appends its entry inside its own transaction, as its last statement: the entry commits with the write
 * or not at all, so a rolled-back write leaves nothing to announce. Incrementing the counter takes its write lock
 * until the transaction ends, so sequences are handed out in commit order and without gaps (a rolled-back
 * transaction gives its number back): a follower that has seen N has seen everything before N. Taking that lock as
 * the last statement keeps the time writes wait on each other short.
 */
@Singleton
public final class ChangeLog {

    private static final String APPEND = """
            MERGE (log:ChangeLog {id: 'changes'})
              ON CREATE SET log.last = 0
            SET log.last = log.last + 1
            CREATE (c:Change {sequence: log.last, source: $source, operation: $operation, kind: $kind, key: $key,
                              detail: $detail, by: $by, at: $at})
            RETURN c.sequence AS sequence""";

    // The unique constraint on Change.sequence gives the index that both the seek and the order come from.
    private static final String AFTER = """
            MATCH (c:Change) WHERE c.sequence > $after
            RETURN c.sequence AS sequence, c.source AS source, c.operation AS operation, c.kind AS kind,
                   c.key AS key, c.detail AS detail, c.by AS by, c.at AS at
            ORDER BY c.sequence
            LIMIT $limit""";

    private static final String LAST = "OPTIONAL MATCH (log:ChangeLog {id: 'changes'}) RETURN log.last AS last";

    // In batches, so that a long outage's backlog is never one huge transaction.
    private static final String PRUNE = """
            MATCH (c:Change) WHERE c.at < $before
            WITH c LIMIT $batch
            DELETE c
            RETURN count(*) AS deleted""";

    private final Cypher cypher;

    public ChangeLog(Cypher cypher) {
        this.cypher = cypher;
    }

    /** Appends a change inside the caller's write transaction; it is seen by followers once that commits. */
    public long append(Cypher.Transaction tx, Change.New change, OffsetDateTime at) {
        return tx.run(APPEND, parameters(change, at), r -> r.get("sequence").asLong()).get(0);
    }

    /**
     * Appends a change that already committed in transactions of its own (an import, a seed release): called once,
     * right after the load committed.
     */
    public long appendCommitted(Change.New change) {
        return cypher.inWriteTransaction(tx -> append(tx, change, now()));
    }

    /** The changes after {@code after}, oldest first, at most {@code limit}. */
    List<Change> after(long after, int limit) {
        return cypher.read(Deadline.NONE, AFTER, Map.of("after", after, "limit", limit), ChangeLog::change);
    }

    /** The sequence of the newest change, or empty when nothing was ever logged. */
    OptionalLong last() {
        Value last = cypher.read(Deadline.NONE, LAST, Map.of(), r -> r.get("last")).get(0);
        return last.isNull() ? OptionalLong.empty() : OptionalLong.of(last.asLong());
    }

    /** Deletes up to {@code batch} changes older than {@code before}; the counter stays. */
    long prune(OffsetDateTime before, int batch) {
        return cypher.write(PRUNE, Map.of("before", before, "batch", batch), r -> r.get("deleted").asLong()).get(0);
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    private static Map<String, Object> parameters(Change.New change, OffsetDateTime at) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("source", change.source().name());
        parameters.put("operation", change.operation() == null ? null : change.operation().name());
        parameters.put("kind", change.kind());
        parameters.put("key", change.key());
        parameters.put("detail", change.detail());
        parameters.put("by", change.by());
        parameters.put("at", at);
        return parameters;
    }

    private static Change change(Record r) {
        return new Change(r.get("sequence").asLong(), Change.Source.valueOf(r.get("source").asString()),
                r.get("operation").isNull() ? null : Change.Operation.valueOf(r.get("operation").asString()),
                text(r.get("kind")), text(r.get("key")), text(r.get("detail")), text(r.get("by")),
                r.get("at").asOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC));
    }

    private static String text(Value value) {
        return value.isNull() ? null : value.asString();
    }
}
