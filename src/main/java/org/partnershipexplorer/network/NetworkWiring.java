package org.partnershipexplorer.network;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
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
    private final NetworkLayout layout;

    NetworkWiring(NetworkRepository network, NetworkLayout layout) {
        this.network = network;
        this.layout = layout;
    }

    /** Answered by this wiring's fetchers, not by definitions (see FieldRegistry). */
    @Override
    public void define(FieldRegistry.Definitions definitions) {
        definitions.fieldByField("Query", "network", "a slice of the graph, assembled from its own statements");
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", t -> t.dataFetcher("network", this::network));
        wiring.type("NetworkNode", t -> t
                .dataFetcher("x", env -> coordinate(env, NetworkLayout.Point::x))
                .dataFetcher("y", env -> coordinate(env, NetworkLayout.Point::y)));
    }

    /**
     * A node's coordinate from its slice's layout, which Query.network hands down as the local context: laid out
     * on the first x or y asked for (a query without them costs nothing), once per request, and cached beyond it.
     */
    private static Integer coordinate(DataFetchingEnvironment env, Function<NetworkLayout.Point, Integer> axis) {
        if (!(env.getLocalContext() instanceof SlicePositions positions)) {
            return null;
        }
        NetworkLayout.Point p = positions.get().get(((NetworkNode) env.getSource()).id());
        return p == null ? null : axis.apply(p);
    }

    /** The layout of one answered slice, computed on first use; shared by the nodes' x and y fetchers. */
    private static final class SlicePositions implements Supplier<Map<String, NetworkLayout.Point>> {

        private final NetworkLayout layout;
        private final Network network;
        private Map<String, NetworkLayout.Point> computed;

        SlicePositions(NetworkLayout layout, Network network) {
            this.layout = layout;
            this.network = network;
        }

        @Override
        public synchronized Map<String, NetworkLayout.Point> get() {
            if (computed == null) {
                computed = layout.positions(network);
            }
            return computed;
        }
    }

    /** Query.network, with the slice's layout for its nodes' x and y (computed only if asked for). */
    DataFetcherResult<Network> network(DataFetchingEnvironment env) {
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
        Network answer = network.slice(RequestInfo.deadline(env), slice);
        return DataFetcherResult.<Network>newResult().data(answer).localContext(new SlicePositions(layout, answer))
                .build();
    }

    /** GraphQL has already checked the names against the schema's enum. */
    private static <E extends Enum<E>> Set<E> enums(Class<E> type, List<String> names) {
        Set<E> values = EnumSet.noneOf(type);
        names.forEach(n -> values.add(Enum.valueOf(type, n)));
        return values;
    }
}
