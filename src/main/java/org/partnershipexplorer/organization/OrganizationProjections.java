package org.partnershipexplorer.organization;

import jakarta.inject.Singleton;
import org.partnershipexplorer.graphql.Prefetch;
import org.partnershipexplorer.graphql.Projections;

/**
 * An organisation fetched inside an enclosing statement: its key and the properties the request selects; its
 * scalars translated (see Translator) as {@link Organization#of} reads them.
 */
@Singleton
final class OrganizationProjections implements Projections {

    @Override
    public void define(Prefetch.Definitions definitions) {
        definitions.type("Organization", new Prefetch.TypeProjection(v -> v + ":Organization",
                (v, selected) -> Prefetch.properties(v, selected, "code", "confidence"), Organization::of));

        definitions.scalar("Organization", "id", v -> v + ".code");
        definitions.properties("Organization", "code", "name");
        definitions.scalar("Organization", "kind", v -> "toUpper(" + v + ".kind)");
        definitions.provenance("Organization");
    }
}
