package org.partnershipexplorer.node;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoaderRegistry;
import org.partnershipexplorer.actor.ActorWiring;
import org.partnershipexplorer.country.CountryRepository.DeploymentKey;
import org.partnershipexplorer.country.CountryWiring;
import org.partnershipexplorer.deadline.Deadline;
import org.partnershipexplorer.graphql.Batch;
import org.partnershipexplorer.graphql.DataLoaders;
import org.partnershipexplorer.graphql.FieldRegistry;
import org.partnershipexplorer.graphql.GraphQLWiring;
import org.partnershipexplorer.graphql.Projections;
import org.partnershipexplorer.ministerial.MinisterialWiring;
import org.partnershipexplorer.mission.MissionWiring;
import org.partnershipexplorer.organization.OrganizationWiring;
import org.partnershipexplorer.partnership.PartnershipWiring;

/**
 * {@code Query.node}: the id says which feature's by-key loader finds the object (the same loaders every field that
 * leads to an object uses), so a lookup costs one statement, several lookups of a kind in a request share it, and the
 * object's nested fields resolve as in any query. The ids themselves are each feature's ({@code Mission.id} in
 * MissionProjections, a record's {@code id()}); this package only reads them apart ({@link NodeId}).
 */
@Singleton
final class NodeWiring implements GraphQLWiring, DataLoaders, Projections {

    /** Loads ministerials, pledges and sources by their lower-case id, whichever kind has it. */
    static final String SLUG = "nodeBySlug";

    private final NodeRepository nodes;

    NodeWiring(NodeRepository nodes) {
        this.nodes = nodes;
    }

    @Override
    public void define(FieldRegistry.Definitions definitions) {
        definitions.fieldByField("Query", "node",
                "an object of any kind, found by the loader of the kind its id names");
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Node", t -> t.typeResolver(ActorWiring.BY_CLASS_NAME))
                .type("Query", t -> t.dataFetcher("node", this::node));
    }

    @Override
    public void register(DataLoaderRegistry registry, Deadline deadline) {
        registry.register(SLUG, Batch.one(deadline, nodes::slugs));
    }

    /** Query.node: null when nothing has the id; BAD_USER_INPUT when the text is no id at all. */
    CompletableFuture<?> node(DataFetchingEnvironment env) {
        NodeId id = NodeId.parse(env.getArgument("id"));
        return switch (id.kind()) {
            case ACTOR -> ActorWiring.actor(env, id.key());
            case SLUG -> env.<String, Object>getDataLoader(SLUG).load(id.key());
            case MISSION -> MissionWiring.mission(env, id.key());
            case PROGRAM -> PartnershipWiring.program(env, id.key());
            case MEMBERSHIP -> OrganizationWiring.membership(env, id.key());
            case DEPLOYMENT -> CountryWiring.deployment(env, new DeploymentKey(id.key(), id.date()));
            case CONTRIBUTION -> MissionWiring.contribution(env, id.key());
            case TRAINING -> PartnershipWiring.training(env, id.key());
            case DONATION -> PartnershipWiring.donation(env, id.key());
            case ATTENDANCE -> MinisterialWiring.attendance(env, id.key());
        };
    }
}
