package org.partnershipexplorer.organization;

import jakarta.inject.Singleton;
import org.partnershipexplorer.graphql.Prefetch;
import org.partnershipexplorer.graphql.Projections;

/** An organisation fetched inside an enclosing statement: the node itself. */
@Singleton
final class OrganizationProjections implements Projections {

    @Override
    public void define(Prefetch.Definitions definitions) {
        definitions.type("Organization", new Prefetch.TypeProjection(v -> v + ":Organization", v -> v,
                row -> Organization.of(row.asNode())));
    }
}
