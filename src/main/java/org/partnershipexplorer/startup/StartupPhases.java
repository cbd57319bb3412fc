package org.partnershipexplorer.startup;

import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The phases of this start that took measurable time, in the order they ended. Each owner times its own phase
 * (the embedded server, the schema, the seed, the GraphQL schema) and records it here; {@link StartupReport} writes
 * them out when the HTTP server is up, so one log line says where a slow start spent its time.
 *
 * <p>Work that answers depend on but that need not hold the HTTP server back (the graph's counts for the cost limit)
 * runs {@link #inBackground in the background}: readiness stays DOWN until every such phase has ended
 * ({@link StartupHealthIndicator}), and {@link StartupReport} logs a second line with them once they have.
 */
@Singleton
public final class StartupPhases {

    /** How long the context's close waits for the background phases. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    /**
     * One phase: what it was, how long it took, and what it found (empty when there is nothing to say).
     *
     * @param inside whether it ran inside another phase of the list, on another thread (the offline import within the
     *               wait for the embedded server): its time is not the start's a second time
     */
    public record Phase(String name, Duration took, String detail, boolean inside) {

        public Phase(String name, Duration took, String detail) {
            this(name, took, detail, false);
        }
    }

    private final List<Phase> phases = new ArrayList<>();
    private final List<String> pending = new ArrayList<>();
    private final List<CompletableFuture<?>> background = new ArrayList<>();
    /** The background phases whose work has begun: what a close waits for. */
    private final List<CompletableFuture<?>> begunPhases = new ArrayList<>();

    /** Records a phase that has ended. */
    public synchronized void record(String name, Duration took, String detail) {
        phases.add(new Phase(name, took, detail == null ? "" : detail));
    }

    /** Records a phase that ran inside another one the list has or will have (see {@link Phase#inside}). */
    public synchronized void recordInside(String name, Duration took, String detail) {
        phases.add(new Phase(name, took, detail == null ? "" : detail, true));
    }

    /** Runs {@code work} and records its duration under {@code name}, whether it succeeds or not. */
    public <T> T time(String name, Supplier<T> work) {
        long started = System.nanoTime();
        try {
            return work.get();
        } finally {
            record(name, Duration.ofNanos(System.nanoTime() - started), null);
        }
    }

    public synchronized List<Phase> phases() {
        return List.copyOf(phases);
    }

    /**
     * A background phase that answers will depend on: pending (readiness DOWN) from now, before its work can begin,
     * so that no health check sees the start finished in between. {@link Background#run} then begins it.
     */
    public Background expect(String name) {
        CompletableFuture<Object> done = new CompletableFuture<>();
        synchronized (this) {
            pending.add(name);
            background.add(done);
        }
        return new Background(name, done);
    }

    /** As {@link #expect} and {@link Background#run} together. */
    public <T> CompletableFuture<T> inBackground(String name, Supplier<T> work) {
        return expect(name).run(work);
    }

    /** One background phase, pending until its work has run (once). */
    public final class Background {
        private final String name;
        private final CompletableFuture<Object> done;
        private boolean begun;

        private Background(String name, CompletableFuture<Object> done) {
            this.name = name;
            this.done = done;
        }

        /**
         * Runs {@code work} on a thread of its own and records it under the phase's name with the detail
         * "background" when it ends, failed or not. Its own thread, not the common pool: on a machine of two cores
         * that pool has one thread, which a request's asynchronous work may be waiting on.
         *
         * @throws IllegalStateException when the phase has already begun
         */
        @SuppressWarnings("unchecked")
        public synchronized <T> CompletableFuture<T> run(Supplier<T> work) {
            if (begun) {
                throw new IllegalStateException("the start's phase '" + name + "' has already begun");
            }
            begun = true;
            synchronized (StartupPhases.this) {
                begunPhases.add(done);
            }
            Thread thread = new Thread(() -> {
                long started = System.nanoTime();
                try {
                    T result = work.get();
                    finish(name, started);
                    done.complete(result);
                } catch (RuntimeException | Error e) {
                    finish(name, started);
                    done.completeExceptionally(e);
                }
            }, "startup-" + name.replace(' ', '-'));
            thread.setDaemon(true);
            thread.start();
            return (CompletableFuture<T>) done;
        }
    }

    private synchronized void finish(String name, long started) {
        pending.remove(name);
        phases.add(new Phase(name, Duration.ofNanos(System.nanoTime() - started), "background"));
    }

    /** The background phases still running, in the order they began; empty once the start has finished. */
    public synchronized List<String> pending() {
        return List.copyOf(pending);
    }

    /**
     * Waits, as the context begins to close, for background phases still running, up to {@link #CLOSE_WAIT}: their
     * reads (the graph counts, the change log) would otherwise meet a driver closed under them, which retried and
     * logged each failure with a stack trace whenever a service stopped during its start. A phase that was expected
     * but never began (a context without start-up seeding or an HTTP server, such as the command-line tools') has
     * nothing to wait for: waiting for it held every such command's exit for the whole ten seconds.
     */
    @EventListener
    void onShutdown(ShutdownEvent event) {
        try {
            runningDone().get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // stopping anyway: what is still running meets the closed driver
        }
    }

    /** Completes once every background phase whose work has begun has ended; those expected but not begun aside. */
    public CompletableFuture<Void> runningDone() {
        CompletableFuture<?>[] begun;
        synchronized (this) {
            begun = begunPhases.toArray(CompletableFuture[]::new);
        }
        return ended(begun);
    }

    /** Completes once every background phase expected so far has ended, whether it failed or not. */
    public CompletableFuture<Void> backgroundDone() {
        CompletableFuture<?>[] all;
        synchronized (this) {
            all = background.toArray(CompletableFuture[]::new);
        }
        return ended(all);
    }

    private static CompletableFuture<Void> ended(CompletableFuture<?>[] phases) {
        return CompletableFuture.allOf(java.util.Arrays.stream(phases)
                .map(f -> f.handle((result, error) -> null)).toArray(CompletableFuture[]::new));
    }
}
