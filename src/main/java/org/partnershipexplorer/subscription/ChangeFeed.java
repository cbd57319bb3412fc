package org.partnershipexplorer.subscription;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.partnershipexplorer.startup.GraphSettled;
import org.partnershipexplorer.startup.StartupPhases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Follows the change log for this instance: one indexed read per tick ({@code explorer.subscriptions.poll-interval})
 * for all of its subscribers together, whatever their number, and hands each new change to every subscriber in
 * sequence order. Starts at the newest change when the instance starts: subscribers hear of what commits after they
 * subscribe. Also prunes the log of changes older than the retention, now and then.
 *
 * <p>Its own thread, never a Netty event loop: the reads wait on the database. It starts once the graph is settled
 * ({@link GraphSettled}: the schema and the seed in place), so that it never competes with them, and only in a
 * process that serves (not in the command-line tools). Its first read is a background phase of the start:
 * readiness says DOWN until this instance follows the log, so a subscriber is never told it is ready and then
 * misses a change committed before the first read.
 */
@jakarta.inject.Singleton
public final class ChangeFeed {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);
    /** Changes read per tick at most; a longer backlog is read over the next ticks, at once. */
    static final int BATCH = 500;
    private static final int PRUNE_BATCH = 10_000;
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);
    /** What one slow subscriber may have waiting before its oldest events are dropped (it is told by the gap). */
    static final int SUBSCRIBER_BUFFER = 1_000;

    private final ChangeLog log;
    private final SubscriptionSettings settings;
    private final StartupPhases.Background firstRead;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "change-feed");
        t.setDaemon(true);
        return t;
    });
    private final Sinks.Many<Change> sink = Sinks.many().multicast().directBestEffort();
    /** The newest sequence handed out; -1 until the log was first read. */
    private volatile long seen = -1;
    private long lastPrune;
    private boolean failing;
    private volatile boolean stopping;

    ChangeFeed(ChangeLog log, SubscriptionSettings settings, StartupPhases phases, MeterRegistry meters) {
        this.log = log;
        this.settings = settings;
        this.firstRead = phases.expect("change feed");
        Gauge.builder("explorer.subscriptions.listening", this, ChangeFeed::listening)
                .description("Subscriptions that receive this instance's changes")
                .register(meters);
    }

    /**
     * Begins following as soon as the graph is settled, beside the HTTP server's own start. Readiness waits for the
     * feed's place in the log only (the newest change's sequence, one read): reading what came since and pruning old
     * changes begin with the ticks, right after it, and no longer hold readiness back.
     */
    @EventListener
    void onGraphSettled(GraphSettled event) {
        // the ticks follow the first read, never beside it
        firstRead.run(() -> {
            guarded(this::position);
            return null;
        }).whenComplete((done, error) -> thread.scheduleWithFixedDelay(this::tick, 0,
                settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS));
    }

    /** Every change committed from now on, in sequence order; each subscriber has a bounded buffer of its own. */
    public Flux<Change> changes() {
        return sink.asFlux().onBackpressureBuffer(SUBSCRIBER_BUFFER,
                dropped -> LOG.warn("A subscriber fell {} changes behind; change {} dropped for it", SUBSCRIBER_BUFFER,
                        dropped.sequence()),
                BufferOverflowStrategy.DROP_OLDEST);
    }

    /**
     * The subscriptions that receive this instance's changes now: a subscription counts once the service has run its
     * operation and it listens, and no longer once it is completed or its connection closed.
     */
    public int listening() {
        return sink.currentSubscriberCount();
    }

    /** The newest sequence this instance has handed out, or -1 before its first read of the log. */
    public long seen() {
        return seen;
    }

    void tick() {
        guarded(this::follow);
    }

    /** Where this instance starts in the log: after the newest change, once. */
    private void position() {
        if (seen < 0) {
            seen = log.last().orElse(0);
            LOG.info("Following the change log from change {} every {} ms", seen, settings.pollInterval().toMillis());
        }
    }

    private void follow() {
        position();
        List<Change> changes;
        do {
            changes = log.after(seen, BATCH);
            for (Change change : changes) {
                if (change.sequence() != seen + 1) {
                    LOG.warn("Changes {} to {} were pruned before this instance read them; their events are lost",
                            seen + 1, change.sequence() - 1);
                }
                seen = change.sequence();
                sink.tryEmitNext(change);
            }
        } while (changes.size() == BATCH);
        pruneNowAndThen();
    }

    /** Runs one read of the log; a failure is said once and the next tick tries again. */
    private void guarded(Runnable read) {
        try {
            read.run();
            if (failing) {
                LOG.info("The change log can be read again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (stopping) {
                return; // the service is stopping: there is no next tick
            }
            // the database may be away for a while; the next tick tries again, and the log keeps what it missed
            if (!failing) {
                LOG.warn("Cannot read the change log: {}", e.getMessage());
                failing = true;
            }
        }
    }

    private void pruneNowAndThen() {
        long now = System.nanoTime();
        if (lastPrune != 0 && now - lastPrune < PRUNE_EVERY.toNanos()) {
            return;
        }
        lastPrune = now;
        long deleted = log.prune(ChangeLog.now().minus(settings.retention()), PRUNE_BATCH);
        if (deleted > 0) {
            LOG.debug("Pruned {} changes older than {}", deleted, settings.retention());
        }
    }

    /**
     * Stops following as the context begins to close, before any bean is destroyed: the driver was closed under the
     * ticks, and every stop logged that the change log could not be read.
     */
    @EventListener
    void onShutdown(ShutdownEvent event) {
        stop();
    }

    @PreDestroy
    void stop() {
        stopping = true;
        thread.shutdown();
        try {
            // a tick in flight ends with its read, before the driver closes (StartupPhases waits for the first read)
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.shutdownNow();
        }
        sink.tryEmitComplete();
    }
}
