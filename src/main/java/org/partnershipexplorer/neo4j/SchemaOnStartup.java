package org.partnershipexplorer.neo4j;

import io.micronaut.context.annotation.Context;
import jakarta.annotation.PostConstruct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the schema in place at every start, whatever EXPLORER_SEED says: start-up seeding does it too, but with
 * EXPLORER_SEED=never nothing else would, and readiness waits for the schema.
 *
 * <p>A database that refuses (unreachable, or a user without schema privileges) does not stop the start: the
 * process lives, and readiness reports the schema DOWN until someone creates it.
 */
@Context
final class SchemaOnStartup {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaOnStartup.class);

    private final GraphSchema schema;

    SchemaOnStartup(GraphSchema schema) {
        this.schema = schema;
    }

    @PostConstruct
    void ensure() {
        try {
            schema.ensure();
        } catch (RuntimeException e) {
            LOG.warn("The schema could not be put in place ({}); readiness stays DOWN until it is", e.getMessage());
        }
    }
}
