package org.partnershipexplorer.graphql;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.partnershipexplorer.neo4j.CountStore;
import org.partnershipexplorer.neo4j.Cypher;
import org.partnershipexplorer.startup.GraphSettled;
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
    /** How long the context's close waits for a refresh in flight. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    static final List<String> LABELS = List.of(
            "Actor", "Country", "Organization", "Mission", "Ministerial", "Pledge", "Program", "Source");
    static final List<String> TYPES = List.of(
            "TRAINS", "DONATES_TO", "CONTRIBUTES_TO", "MEMBER_OF", "LOCATED_IN", "REPORTED", "PLEDGED", "MADE_AT",
            "ATTENDED");
    /** Relationship types with a year index: their first and last year are read from it, not by a scan. */
    static final List<String> DATED = List.of("TRAINS", "DONATES_TO", "CONTRIBUTES_TO");

    private final Cypher cypher;
    /** Every label's and type's total, from Neo4j's count store. */
    private final CountStore store;
    /** The first read, a background phase of the start: readiness stays DOWN until it has ended. */
    private final StartupPhases.Background firstRead;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private final AtomicBoolean started = new AtomicBoolean();
    private final CompletableFuture<Snapshot> first = new CompletableFuture<>();
    private volatile Snapshot snapshot;
    /** The refresh in the background, if one runs: the context's close waits for it. */
    private volatile CompletableFuture<Void> refresh = CompletableFuture.completedFuture(null);

    /** Sizes read after {@code writes} writes had committed, at {@code readAt} (nanoTime). */
    private record Snapshot(ListSizes sizes, long writes, long readAt) {
    }

    GraphCounts(Cypher cypher, StartupPhases phases) {
        this.cypher = cypher;
        this.store = new CountStore(cypher, READ_TIMEOUT, LABELS, TYPES);
        this.firstRead = phases.expect("graph counts");
    }

    /**
     * Reads the counts as soon as the graph the service will serve is settled (its schema in place, start-up seeding
     * done), off any request's thread (a request would count the statement as its own) and beside the HTTP server's
     * own start, so that the first request finds them. Not on a bean's creation: the command-line tools build the same
     * beans and never serve a query. A request that comes before the read has ended waits for it, and readiness says
     * DOWN until then, so no answer is judged by counts that are not the graph's.
     */
    @io.micronaut.runtime.event.annotation.EventListener
    void onGraphSettled(GraphSettled event) {
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
            refresh = CompletableFuture.runAsync(() -> {
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

    /**
     * Waits, as the context begins to close, for a refresh still in flight, up to {@link #CLOSE_WAIT}, as
     * {@link StartupPhases} waits for the first read: the driver closed under it would retry and log the failure with
     * a stack trace.
     */
    @io.micronaut.runtime.event.annotation.EventListener
    void onShutdown(io.micronaut.context.event.ShutdownEvent event) {
        try {
            refresh.get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("closing while the graph's counts are read: {}", e.toString());
        }
    }

    /** Where the totals are read (the tests compare its two ways). */
    CountStore store() {
        return store;
    }

    private Snapshot read() {
        long writes = cypher.writesCommitted();
        long started = System.nanoTime();
        Map<String, int[]> spans = new HashMap<>();
        Map<String, Long> squares = new HashMap<>();
        CountStore.Totals totals;
        try {
            totals = store.totals();
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

    // The degree-weighted means' sums of squares: each node's count of one type is read from the node itself (its
    // degree), so this costs one pass over the nodes of each label, not over the relationships.
    static final String SQUARES = ListSizes.FOLLOWS.stream()
            .map(f -> "MATCH (n:" + f.label() + ") WITH COUNT { (n)" + (f.out() ? "-[:" + f.type() + "]->" : "<-[:"
                    + f.type() + "]-") + "() } AS d RETURN '" + f.field() + "' AS field, sum(d * d) AS n")
            .collect(Collectors.joining("\nUNION ALL\n"));


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
