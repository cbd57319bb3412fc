package org.partnershipexplorer.neo4j;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.neo4j.graphdb.Transaction;

/**
 * The Neo4j the service talks to: an external server named by NEO4J_URI, or the embedded one it starts.
 *
 * <p>The embedded server starts on a thread of its own while the application context builds the rest (the GraphQL
 * schema, the HTTP routes, Micronaut's own beans): its address is known before it has started, so the driver and
 * everything built on it can be created meanwhile, and {@link Cypher} waits for the start ({@link #awaitStarted})
 * before the first statement goes out.
 */
public final class Neo4jServer implements AutoCloseable {

    private final URI uri;
    /** Null for an external server. */
    private final CompletableFuture<EmbeddedNeo4j> embedded;
    /** Told once, by the first wait, how long it held its caller back. */
    private final Consumer<Duration> firstWait;
    /** Set before the embedded server's start completes: whether this start created its store. */
    private final AtomicBoolean created;
    /** Set before the embedded server's start completes: what an offline import wrote into the new store. */
    private final AtomicReference<ImportedCounts> imported;
    private volatile boolean started;

    private Neo4jServer(URI uri, CompletableFuture<EmbeddedNeo4j> embedded, Consumer<Duration> firstWait,
            AtomicBoolean created, AtomicReference<ImportedCounts> imported) {
        this.uri = uri;
        this.embedded = embedded;
        this.firstWait = firstWait;
        this.created = created;
        this.imported = imported;
        this.started = embedded == null;
    }

    static Neo4jServer external(URI uri) {
        return new Neo4jServer(uri, null, d -> { }, new AtomicBoolean(), new AtomicReference<>());
    }

    static Neo4jServer embedded(EmbeddedNeo4j embedded) {
        return new Neo4jServer(embedded.boltUri(), CompletableFuture.completedFuture(embedded), d -> { },
                new AtomicBoolean(), new AtomicReference<>());
    }

    /**
     * An embedded server still starting, at {@code uri}.
     *
     * @param firstWait told how long the first caller of {@link #awaitStarted} waited (the time the start held the
     *                  application back, as against the time the server took)
     * @param created   set, before {@code starting} completes, when this start creates the store
     * @param imported  set, before {@code starting} completes, when an offline import filled the new store
     */
    static Neo4jServer starting(URI uri, CompletableFuture<EmbeddedNeo4j> starting, Consumer<Duration> firstWait,
            AtomicBoolean created, AtomicReference<ImportedCounts> imported) {
        return new Neo4jServer(uri, starting, firstWait, created, imported);
    }

    /**
     * Whether this start created the embedded store (it had never been started, whether Neo4j's offline importer then
     * filled it or not): such a store holds none of the service's constraints and indexes yet. Waits for the start.
     */
    public boolean createdThisStart() {
        awaitStarted();
        return created.get();
    }

    /**
     * What Neo4j's offline importer wrote into the store this start created, counted as it was written; empty when
     * there was no such import (a kept store, an external server, a seed loaded over Bolt). Waits for the start.
     */
    public Optional<ImportedCounts> importedThisStart() {
        awaitStarted();
        return Optional.ofNullable(imported.get());
    }

    public URI uri() {
        return uri;
    }

    /**
     * Returns once the server answers; at once for an external server (the driver tells when it does not).
     *
     * @throws RuntimeException the embedded server's own failure to start
     */
    public void awaitStarted() {
        if (started) {
            return;
        }
        synchronized (this) {
            if (started) {
                return;
            }
            long waiting = System.nanoTime();
            join();
            firstWait.accept(Duration.ofNanos(System.nanoTime() - waiting));
            started = true;
        }
    }

    /**
     * Reads the embedded database through Neo4j's Java API instead of Cypher; empty for an external server. For the
     * start's own looks (the schema, the seed's state): the first Cypher statements of a cold JVM pay for loading and
     * compiling Cypher's parser, planner and runtime, seconds on two cores, and the start waited for them; read this
     * way, that cost goes to the background reads readiness waits for, while the HTTP server opens.
     */
    public <T> Optional<T> readEmbedded(Function<Transaction, T> work) {
        return embedded == null ? Optional.empty() : Optional.of(join().read(work));
    }

    /** The embedded server, once started; empty for an external one. */
    public Optional<EmbeddedNeo4j> embedded() {
        return embedded == null ? Optional.empty() : Optional.of(join());
    }

    private EmbeddedNeo4j join() {
        try {
            return embedded.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        if (embedded == null) {
            return;
        }
        EmbeddedNeo4j server;
        try {
            server = embedded.join();
        } catch (CompletionException failedToStart) {
            return; // nothing runs: the failure itself stops the start
        }
        server.close();
    }
}
