package org.partnershipexplorer.graphql;

/**
 * Where subscriptions are served: over WebSocket at {@link #PATH}, never over /graphql, which has no stream to send
 * events on. The WebSocket route marks its executions with {@link #CONTEXT_KEY} in the GraphQLContext; a
 * subscription without the mark is refused before it runs ({@link LimitedDocuments}).
 */
public final class SubscriptionRoute {

    public static final String PATH = "/graphql-ws";
    /** The WebSocket subprotocol of the graphql-ws library (Apollo Client, urql, GraphiQL). */
    public static final String PROTOCOL = "graphql-transport-ws";
    public static final String CONTEXT_KEY = "explorer.subscriptionRoute";

    private SubscriptionRoute() {
    }
}
