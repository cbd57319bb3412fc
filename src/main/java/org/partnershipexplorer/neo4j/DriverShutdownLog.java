package org.partnershipexplorer.neo4j;

import io.micronaut.context.event.BeanDestroyedEvent;
import io.micronaut.context.event.BeanDestroyedEventListener;
import jakarta.inject.Singleton;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the driver's close, so that the shutdown order (requests drained, driver closed, database stopped) can be
 * read in the log and checked by a test.
 */
@Singleton
final class DriverShutdownLog implements BeanDestroyedEventListener<Driver> {

    private static final Logger LOG = LoggerFactory.getLogger(DriverShutdownLog.class);

    @Override
    public void onDestroyed(BeanDestroyedEvent<Driver> event) {
        LOG.info("Neo4j driver closed");
    }
}
