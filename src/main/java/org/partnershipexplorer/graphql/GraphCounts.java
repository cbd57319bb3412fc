package org.partnershipexplorer.graphql;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.ClientException;
import org.partnershipexplorer.neo4j.Cypher;
import org.partnershipexplorer.startup.StartupPhases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The graph's counts behind {@link ListSizes}, kept current cheaply: read once when first asked, then again in the
 * background after this service has committed a write (a mutation, an import, a seed load) or, for writes other
 * services make to a shared database, once a minute; never on a request's path. The counts come from Neo4j's count
 * store and the years' ends from the year indexes; the sums of squared degrees take one pass over the nodes.
 */
@Singleton
final class GraphCounts {

    private static final Logger LOG = LoggerFactory.getLogger(GraphCounts.class);
    /** How old counts may get when this service writes nothing (another service may write the same database). */
    private static final Duration MAX_AGE = Duration.ofMinutes(1);
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(1);

    static final List<String> LABELS = List.of(
            "Actor", "Country", "Organization", "Mission", "Ministerial", "Pledge", "Program", "Source");
    static final List<String> TYPES = List.of(
            "TRAINS", "DONATES_TO", "CONTRIBUTES_TO", "MEMBER_OF", "LOCATED_IN", "REPORTED", "PLEDGED", "MADE_AT",
            "ATTENDED");
    /** Relationship types with a year index: their first and last year are read from it, not by a scan. */
    static final List<String> DATED = List.of("TRAINS", "DONATES_TO", "CONTRIBUTES_TO");

    private final Cypher cypher;
    /** The first read, a background phase of the start: readiness stays DOWN until it has ended. */
    private final StartupPhases.Background firstRead;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    /** False once Neo4j has refused its statistics procedure (a user that is not an admin). */
    private volatile boolean statisticsAllowed = true;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CompletableFuture<Snapshot> first = new CompletableFuture<>();
    private volatile Snapshot snapshot;

    /** Sizes read after {@code writes} writes had committed, at {@code readAt} (nanoTime). */
    private record Snapshot(ListSizes sizes, long writes, long readAt) {
    }

    GraphCounts(Cypher cypher, StartupPhases phases) {
        this.cypher = cypher;
        this.firstRead = phases.expect("graph counts");
    }

    /**
     * Reads the counts as soon as the service is up, off any request's thread (a request would count the statement as
     * its own), so that the first request finds them. Not earlier: the command-line tools build the same beans and
     * never serve a query. A request that comes before the read has ended waits for it, and readiness says DOWN
     * until then, so no answer is judged by counts that are not the graph's.
     */
    @io.micronaut.runtime.event.annotation.EventListener
    void onStartup(io.micronaut.runtime.server.event.ServerStartupEvent event) {
        start();
    }

    private void start() {
        if (started.compareAndSet(false, true)) {
            firstRead.run(this::read).whenComplete((read, error) -> {
                snapshot = read != null ? read : new Snapshot(ListSizes.UNKNOWN, -1, System.nanoTime());
                first.complete(snapshot);
            });
        }
    }

    /**
     * The list sizes as last read: a request that comes before the first read has finished waits for it; later ones
     * start a refresh in the background when a write came since, and go on with the sizes they have.
     */
    ListSizes sizes() {
        Snapshot known = snapshot;
        if (known == null) {
            start();
            known = first.join();
        }
        boolean stale = known.writes() != cypher.writesCommitted()
                || System.nanoTime() - known.readAt() > MAX_AGE.toNanos();
        if (stale && refreshing.compareAndSet(false, true)) {
            CompletableFuture.runAsync(() -> {
                try {
                    snapshot = read();
                } catch (RuntimeException e) {
                    LOG.warn("Could not read the graph's counts for the cost limit; keeping the last ones: {}",
                            e.getMessage());
                } finally {
                    refreshing.set(false);
                }
            });
        }
        return known.sizes();
    }

    private Snapshot read() {
        long writes = cypher.writesCommitted();
        long started = System.nanoTime();
        Map<String, int[]> spans = new HashMap<>();
        Map<String, Long> squares = new HashMap<>();
        Totals totals;
        try {
            totals = totals();
            // off any request, so under a limit of its own: a cold start on a busy machine plans these slowly
            cypher.inReadTransaction(READ_TIMEOUT, tx -> tx.run(SQUARES, Map.of(),
                    r -> squares.put(r.get("field").asString(), r.get("n").asLong())));
            cypher.inReadTransaction(READ_TIMEOUT, tx -> tx.run(SPANS, Map.of(), r -> {
                if (!r.get("n").isNull()) {
                    int[] span = spans.computeIfAbsent(r.get("name").asString(),
                            k -> new int[] {Integer.MAX_VALUE, Integer.MIN_VALUE});
                    span[r.get("kind").asString().equals("first") ? 0 : 1] = r.get("n").asInt();
                }
                return null;
            }));
        } catch (RuntimeException e) {
            // no database yet (an external one still starting): the limits fall back to the list weight meanwhile
            LOG.warn("Could not read the graph's counts for the cost limit: {}", e.getMessage());
            return new Snapshot(ListSizes.UNKNOWN, writes - 1, System.nanoTime());
        }
        LOG.debug("Read the graph's counts for the cost limit in {} ms: {} {}",
                (System.nanoTime() - started) / 1_000_000, totals.labels(), totals.types());
        return new Snapshot(ListSizes.of(totals.labels(), totals.types(), spans, squares), writes, System.nanoTime());
    }

    /** Nodes per label of {@link #LABELS} and relationships per type of {@link #TYPES}, from the count store. */
    record Totals(Map<String, Long> labels, Map<String, Long> types) {
    }

    /**
     * The totals through Neo4j's statistics procedure while it is allowed, else through {@link #COUNTS}. The procedure
     * reads every label's and type's count in one call that a cold database plans at once, where the 17-part UNION
     * cost the start about 3 s of CPU before readiness could turn UP; it needs an admin where the server checks
     * credentials, so a service connected as a plain user is refused once and counts by statements from then on.
     */
    Totals totals() {
        if (statisticsAllowed) {
            try {
                return totalsFromStatistics();
            } catch (ClientException refused) {
                if (!refused.code().startsWith("Neo.ClientError.Security.")
                        && !refused.code().equals("Neo.ClientError.Procedure.ProcedureNotFound")) {
                    throw refused;
                }
                statisticsAllowed = false;
                LOG.info("Counting by statements for the cost limit: Neo4j refused db.stats.retrieve ({})",
                        refused.code());
            }
        }
        return totalsFromStatements();
    }

    Totals totalsFromStatistics() {
        Map<String, Long> labels = zeros(LABELS);
        Map<String, Long> types = zeros(TYPES);
        cypher.inReadTransaction(READ_TIMEOUT, tx -> tx.run(STATISTICS, Map.of(), r -> {
            for (Value node : r.get("data").get("nodes").values()) {
                // the entry without a label counts every node; a label never used has no entry (zero)
                if (labels.containsKey(node.get("label").asString(""))) {
                    labels.put(node.get("label").asString(), node.get("count").asLong());
                }
            }
            for (Value relationship : r.get("data").get("relationships").values()) {
                // entries that name a start or an end label count a type between labels; the type's total has neither
                if (relationship.get("startLabel").isNull() && relationship.get("endLabel").isNull()
                        && types.containsKey(relationship.get("relationshipType").asString(""))) {
                    types.put(relationship.get("relationshipType").asString(), relationship.get("count").asLong());
                }
            }
            return null;
        }));
        return new Totals(Map.copyOf(labels), Map.copyOf(types));
    }

    Totals totalsFromStatements() {
        Map<String, Long> labels = new HashMap<>();
        Map<String, Long> types = new HashMap<>();
        cypher.inReadTransaction(READ_TIMEOUT, tx -> tx.run(COUNTS, Map.of(),
                r -> (r.get("kind").asString().equals("label") ? labels : types)
                        .put(r.get("name").asString(), r.get("n").asLong())));
        return new Totals(Map.copyOf(labels), Map.copyOf(types));
    }

    private static Map<String, Long> zeros(List<String> names) {
        Map<String, Long> zeros = new HashMap<>();
        names.forEach(name -> zeros.put(name, 0L));
        return zeros;
    }

    // The degree-weighted means' sums of squares: each node's count of one type is read from the node itself (its
    // degree), so this costs one pass over the nodes of each label, not over the relationships.
    static final String SQUARES = ListSizes.FOLLOWS.stream()
            .map(f -> "MATCH (n:" + f.label() + ") WITH COUNT { (n)" + (f.out() ? "-[:" + f.type() + "]->" : "<-[:"
                    + f.type() + "]-") + "() } AS d RETURN '" + f.field() + "' AS field, sum(d * d) AS n")
            .collect(Collectors.joining("\nUNION ALL\n"));

    // One round trip. Each count of a label or of a type reads Neo4j's count store (used where the statistics procedure
    // is refused).
    static final String COUNTS = LABELS.stream()
            .map(l -> "MATCH (n:" + l + ") RETURN 'label' AS kind, '" + l + "' AS name, count(n) AS n")
            .collect(Collectors.joining("\nUNION ALL\n"))
            + "\nUNION ALL\n"
            + TYPES.stream()
            .map(t -> "MATCH ()-[r:" + t + "]->() RETURN 'type' AS kind, '" + t + "' AS name, count(r) AS n")
            .collect(Collectors.joining("\nUNION ALL\n"));

    static final String STATISTICS = "CALL db.stats.retrieve('GRAPH COUNTS') YIELD data RETURN data";

    // Each year's end is the first entry of a year index in order, not a scan of the relationships. The range predicate
    // keeps only numeric years (a year some other tool stored as text would sort last and fail the read) and still
    // follows the index.
    static final String SPANS = DATED.stream()
            .map(t -> "CALL () { MATCH ()-[r:" + t + "]->() WHERE r.year >= 0 RETURN r.year AS y ORDER BY y ASC "
                    + "LIMIT 1 } RETURN 'first' AS kind, '" + t + "' AS name, y AS n\nUNION ALL\n"
                    + "CALL () { MATCH ()-[r:" + t + "]->() WHERE r.year >= 0 RETURN r.year AS y ORDER BY y DESC "
                    + "LIMIT 1 } RETURN 'last' AS kind, '" + t + "' AS name, y AS n")
            .collect(Collectors.joining("\nUNION ALL\n"));
}
