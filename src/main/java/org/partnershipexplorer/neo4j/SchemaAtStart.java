package org.partnershipexplorer.neo4j;

import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;

/**
 * Ensures the schema while the context starts, so the HTTP server only opens on a graph with its constraints. Among
 * the last eager beans (only start-up seeding, which needs the schema, comes after): the embedded server starts on a
 * thread of its own, and the context builds everything that does not need it (the GraphQL schema, the routes) before
 * this waits for it. A bean of its own rather than {@link GraphSchema}'s initialiser, because many beans need the
 * schema and the first of them would otherwise wait for the server early.
 */
@Context
@Order(Ordered.LOWEST_PRECEDENCE - 1)
final class SchemaAtStart {

    SchemaAtStart(GraphSchema schema) {
        schema.ensureAtStart();
    }
}
