package org.partnershipexplorer.subscription;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import org.partnershipexplorer.graphql.ApiException;
import org.partnershipexplorer.graphql.GraphQLWiring;
import org.partnershipexplorer.graphql.RequestInfo;
import org.partnershipexplorer.neo4j.Cypher;
import org.reactivestreams.Publisher;

/**
 * {@code Subscription.*}: each field is a stream of the feed's changes ({@link ChangeFeed}), narrowed by its
 * arguments. Who may subscribe was settled when the connection was accepted ({@link GraphQLWsSocket}).
 */
@Singleton
final class SubscriptionWiring implements GraphQLWiring {

    private static final String ACTOR_EXISTS = "RETURN EXISTS { MATCH (:Actor {id: $id}) } AS found";

    private final ChangeFeed feed;
    private final Cypher cypher;

    SubscriptionWiring(ChangeFeed feed, Cypher cypher) {
        this.feed = feed;
        this.cypher = cypher;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Subscription", t -> t
                .dataFetcher("partnershipChanged", this::partnershipChanged)
                .dataFetcher("dataChanged", env -> dataChanged()));
    }

    /** Subscription.partnershipChanged */
    private Publisher<Events.PartnershipChange> partnershipChanged(DataFetchingEnvironment env) {
        List<String> kinds = env.getArgument("kinds");
        String actor = env.getArgument("actor");
        // a mistyped actor would otherwise wait silently for events that never come
        if (actor != null && !cypher.read(RequestInfo.deadline(env), ACTOR_EXISTS, Map.of("id", actor),
                r -> r.get("found").asBoolean()).get(0)) {
            throw ApiException.notFound("actor", actor);
        }
        return feed.changes()
                .filter(Change::partnership)
                .map(Events.PartnershipChange::of)
                .filter(change -> change.matches(kinds, actor));
    }

    /** Subscription.dataChanged */
    private Publisher<Events.DataChange> dataChanged() {
        return feed.changes().map(Events.DataChange::of);
    }
}
