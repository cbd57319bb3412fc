package org.partnershipexplorer.graphql;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.partnershipexplorer.neo4j.CountStore;
import org.partnershipexplorer.neo4j.Cypher;
import org.partnershipexplorer.neo4j.ImportedCounts;
import org.partnershipexplorer.neo4j.Neo4jServer;
import org.partnershipexplorer.neo4j.Neo4jSettings;
import org.partnershipexplorer.startup.GraphSettled;
import org.partnershipexplorer.startup.StartupPhases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The graph's counts behind {@link ListSizes}, kept current cheaply: read once when first asked, then again in the
 * background after this service has committed a write (a mutation, an import, a seed load) or, for writes other
 * services make to a shared database, once a minute; never on a request's path. The counts come from Neo4j's count
 * store and the years' ends from the year indexes; the sums of squared degrees take one pass over the nodes. An
 * embedded store keeps the last counts beside it ({@link KeptCounts}), so that a start on the same graph need not
 * wait for them, and a start on a store Neo4j's offline importer has just filled takes those the import counted as it
 * wrote ({@link ImportedCounts}).
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

    /**
     * Sizes read after {@code writes} writes had committed, at {@code readAt} (nanoTime); {@code kept}: taken from the
     * last run's file, to be counted again.
     */
    private record Snapshot(ListSizes sizes, long writes, long readAt, boolean kept) {

        Snapshot(ListSizes sizes, long writes, long readAt) {
            this(sizes, writes, readAt, false);
        }

        /** The sizes of these counts, read now, after {@code writes} writes. */
        static Snapshot of(CountStore.Totals totals, Map<String, int[]> spans, Map<String, Long> squares, long writes,
                boolean kept) {
            ListSizes sizes = ListSizes.of(totals.labels(), totals.types(), spans, squares);
            return new Snapshot(sizes, writes, System.nanoTime(), kept);
        }
    }

    /** Where an embedded store's counts are kept between runs ({@link KeptCounts}); null for an external Neo4j. */
    private final Path keptFile;

    /** What an offline import wrote into the store this start created, if one did. */
    private final Neo4jServer server;

    GraphCounts(Cypher cypher, StartupPhases phases, Neo4jSettings settings, Neo4jServer server) {
        this.cypher = cypher;
        this.server = server;
        this.store = new CountStore(cypher, READ_TIMEOUT, LABELS, TYPES);
        this.firstRead = phases.expect("graph counts");
        // an external database may be written by other services between two runs of this one; an embedded store
        // only by this service
        this.keptFile = settings.embedded() ? settings.dataDir().resolve(KeptCounts.FILE) : null;
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
            firstRead.run(this::firstRead).whenComplete((read, error) -> {
                snapshot = read != null ? read : new Snapshot(ListSizes.UNKNOWN, -1, System.nanoTime());
                first.complete(snapshot);
                if (read != null && read.kept()) {
                    refreshInBackground();
                }
            });
        }
    }

    /**
     * The start's read: on a store the offline importer filled in this start, the counts it took as it wrote, once
     * the store's totals agree with them; on an embedded store whose totals are those the last run kept its counts
     * for, those counts (one quick read of the count store), recounted in the background once readiness no longer
     * waits; otherwise every count read now.
     */
    private Snapshot firstRead() {
        long writes = cypher.writesCommitted();
        CountStore.Totals totals = null;
        if (keptFile != null) {
            try {
                totals = store.totals();
                Optional<ImportedCounts> imported = server.importedThisStart();
                if (imported.isPresent() && imported.get().agreeWith(totals)) {
                    LOG.info("The graph's counts for the cost limit are those the offline import took as it wrote "
                            + "the store (the store's totals agree)");
                    return imported(imported.get(), totals, writes);
                }
                Optional<KeptCounts> kept = KeptCounts.read(keptFile, totals);
                if (kept.isPresent()) {
                    LOG.info("The graph's counts for the cost limit are the last run's ({}: the same totals); "
                            + "counting again in the background", keptFile.getFileName());
                    return Snapshot.of(totals, kept.get().spans(), kept.get().squares(), writes, true);
                }
            } catch (RuntimeException e) {
                LOG.debug("the kept counts could not be used: {}", e.toString());
            }
        }
        // the totals just read, when there are, are not read again
        return read(writes, totals);
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
        if (stale) {
            refreshInBackground();
        }
        return known.sizes();
    }

    private void refreshInBackground() {
        if (refreshing.compareAndSet(false, true)) {
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
        return read(cypher.writesCommitted(), null);
    }

    /** Every count, as after {@code writes} writes; {@code known}: the totals already read then, or null. */
    private Snapshot read(long writes, CountStore.Totals known) {
        long started = System.nanoTime();
        Map<String, int[]> spans = new HashMap<>();
        Map<String, Long> squares;
        CountStore.Totals totals;
        try {
            totals = known != null ? known : store.totals();
            squares = sumsOfSquares();
            // off any request, so under a limit of its own, as the squares
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
        keep(new KeptCounts(totals, spans, squares));
        return Snapshot.of(totals, spans, squares, writes, false);
    }

    /**
     * The sizes from what the offline import counted, kept for the next start as a count would be: they are the
     * store's (every row it was given became a node or a relationship, and its totals agree), so not counted again.
     */
    private Snapshot imported(ImportedCounts imported, CountStore.Totals totals, long writes) {
        Map<String, Long> squares = new HashMap<>();
        for (ListSizes.Follow follow : ListSizes.FOLLOWS) {
            squares.put(follow.field(), imported.squares().getOrDefault(
                    new ImportedCounts.Degree(follow.label(), follow.type(), follow.out()), 0L));
        }
        Map<String, int[]> spans = new HashMap<>();
        for (String type : DATED) {
            if (imported.years().containsKey(type)) {
                spans.put(type, imported.years().get(type).clone());
            }
        }
        keep(new KeptCounts(totals, spans, squares));
        return Snapshot.of(totals, spans, squares, writes, false);
    }

    /** Writes the counts beside an embedded store, for the next start; nothing for an external database. */
    private void keep(KeptCounts counts) {
        if (keptFile != null) {
            try {
                counts.write(keptFile);
            } catch (IOException | RuntimeException e) {
                // the next start counts again
                LOG.debug("could not keep the graph's counts in {}: {}", keptFile, e.toString());
            }
        }
    }

    /** Per field of {@link ListSizes#FOLLOWS}: the sum over its label's nodes of each one's squared degree. */
    Map<String, Long> sumsOfSquares() {
        Map<String, Long> squares = new HashMap<>();
        // off any request, so under a limit of its own: a cold start on a busy machine plans this slowly
        cypher.inReadTransaction(READ_TIMEOUT, tx -> tx.run(SQUARES, Map.of(), r -> {
            List<Object> fields = r.get("fields").asList();
            List<Object> sums = r.get("n").asList();
            for (int i = 0; i < fields.size(); i++) {
                squares.put((String) fields.get(i), ((Number) sums.get(i)).longValue());
            }
            return null;
        }));
        return squares;
    }

    // The degree-weighted means' sums of squares: each node's count of one type is read from the node itself (its
    // degree), so this costs one pass over the nodes of each label, not over the relationships. One branch per label,
    // with every degree of that label in it, not one per field: each branch is a plan to build, and on a cold start
    // this statement is planned while readiness waits for it. Each branch answers its fields and their sums as two
    // lists of the same order.
    static final String SQUARES = ListSizes.FOLLOWS.stream()
            .collect(Collectors.groupingBy(ListSizes.Follow::label, LinkedHashMap::new, Collectors.toList()))
            .entrySet().stream()
            .map(label -> branch(label.getKey(), label.getValue()))
            .collect(Collectors.joining("\nUNION ALL\n"));

    /** One label's branch: each distinct degree once ({@code d0}, {@code d1}, ...), then every field's sum. */
    private static String branch(String label, List<ListSizes.Follow> follows) {
        List<String> degrees = follows.stream().map(ListSizes.Follow::degree).distinct().toList();
        return "MATCH (n:" + label + ") WITH "
                + IntStream.range(0, degrees.size()).mapToObj(i -> degrees.get(i) + " AS d" + i)
                        .collect(Collectors.joining(", "))
                + " RETURN [" + follows.stream().map(f -> "'" + f.field() + "'").collect(Collectors.joining(", "))
                + "] AS fields, [" + follows.stream().map(f -> "d" + degrees.indexOf(f.degree()))
                        .map(d -> "sum(" + d + " * " + d + ")").collect(Collectors.joining(", "))
                + "] AS n";
    }

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
