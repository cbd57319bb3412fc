package org.partnershipexplorer.startup;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes {@link GraphSettled} once per start, from one place: when start-up seeding has decided
 * ({@link #announce}), or, with start-up seeding switched off, when the HTTP server has started, since nothing else
 * says the graph is in place then. The readers that begin on it (the graph's counts, the change feed) listen for that
 * one event and need not guard against hearing it twice.
 */
@Singleton
public final class SettledGraph {

    private final ApplicationEventPublisher<GraphSettled> publisher;
    private final AtomicBoolean announced = new AtomicBoolean();

    SettledGraph(ApplicationEventPublisher<GraphSettled> publisher) {
        this.publisher = publisher;
    }

    /** Says the graph is settled, unless this start already did. */
    public void announce() {
        if (announced.compareAndSet(false, true)) {
            publisher.publishEvent(new GraphSettled());
        }
    }

    @EventListener
    void onServerStarted(ServerStartupEvent event) {
        announce();
    }
}
