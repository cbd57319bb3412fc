package org.partnershipexplorer.neo4j;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;

/**
 * Once the application has started, its context stops the embedded database, after draining requests and
 * closing the driver; the database's own JVM hook, kept for a failed start, would race that order.
 */
@Singleton
final class EmbeddedShutdownHandover implements ApplicationEventListener<StartupEvent> {

    private final Neo4jServer server;

    EmbeddedShutdownHandover(Neo4jServer server) {
        this.server = server;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        server.embedded().ifPresent(EmbeddedNeo4j::releaseShutdownHook);
    }
}
