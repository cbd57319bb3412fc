package org.partnershipexplorer.network;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.partnershipexplorer.graphql.Arguments;
import org.partnershipexplorer.graphql.FieldRegistry;
import org.partnershipexplorer.graphql.GraphQLWiring;
import org.partnershipexplorer.graphql.Projections;
import org.partnershipexplorer.graphql.RequestInfo;
import org.partnershipexplorer.network.NetworkSlice.PartnershipKind;
import org.partnershipexplorer.provenance.Confidence;

/** {@code Query.network}. */
@Singleton
final class NetworkWiring implements GraphQLWiring, Projections {

    private final NetworkRepository network;

    NetworkWiring(NetworkRepository network) {
        this.network = network;
    }

    /** Answered by this wiring's fetchers, not by definitions (see FieldRegistry). */
    @Override
    public void define(FieldRegistry.Definitions definitions) {
        definitions.fieldByField("Query", "network", "a slice of the graph, assembled from its own statements");
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t.dataFetcher("network", this::network));
    }

    /** Query.network */
    Network network(DataFetchingEnvironment env) {
        List<String> kinds = env.getArgument("kinds");
        List<String> confidence = env.getArgument("confidence");
        Integer depth = env.getArgument("depth");
        Boolean includeMissions = env.getArgument("includeMissions");
        NetworkSlice slice = new NetworkSlice(
                kinds == null ? EnumSet.allOf(PartnershipKind.class) : enums(PartnershipKind.class, kinds),
                Arguments.years(env, "years"),
                confidence == null ? EnumSet.allOf(Confidence.class) : enums(Confidence.class, confidence),
                env.getArgument("region"), env.getArgument("mission"), env.getArgument("center"),
                depth == null ? NetworkSlice.DEFAULT_DEPTH : depth,
                includeMissions != null && includeMissions);
        return network.slice(RequestInfo.deadline(env), slice);
    }

    /** GraphQL has already checked the names against the schema's enum. */
    private static <E extends Enum<E>> Set<E> enums(Class<E> type, List<String> names) {
        Set<E> values = EnumSet.noneOf(type);
        names.forEach(n -> values.add(Enum.valueOf(type, n)));
        return values;
    }
}
