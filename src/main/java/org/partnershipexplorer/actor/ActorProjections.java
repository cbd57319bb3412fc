package org.partnershipexplorer.actor;

import jakarta.inject.Singleton;
import org.partnershipexplorer.graphql.FieldRegistry;
import org.partnershipexplorer.graphql.FieldRegistry.RootProjection;
import org.partnershipexplorer.graphql.Projections;

/** {@code Query.actor} translated (see Translator): a country or an organisation by key, as {@link ActorRepository}. */
@Singleton
final class ActorProjections implements Projections {

    @Override
    public void define(FieldRegistry.Definitions definitions) {
        definitions.root("actor", RootProjection.byKey("Actor", "id", "id"), "id");
    }
}
