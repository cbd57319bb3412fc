package org.partnershipexplorer.access;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import jakarta.inject.Singleton;

/**
 * Checks access on every root field before its fetcher runs: Mutation fields need an editor, Query fields a
 * token when EXPLORER_QUERIES_REQUIRE_AUTH is set. Refused fields answer null with an UNAUTHENTICATED or FORBIDDEN
 * error, inside the GraphQL response (status 200); nothing is read or written for them.
 */
@Singleton
public final class AccessInstrumentation extends SimplePerformantInstrumentation {

    private final Access access;

    public AccessInstrumentation(Access access) {
        this.access = access;
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        GraphQLSchema schema = parameters.getExecutionContext().getGraphQLSchema();
        if (!(parameters.getEnvironment().getParentType() instanceof GraphQLObjectType parent)) {
            return dataFetcher;
        }
        boolean mutation = schema.getMutationType() != null && parent.getName().equals(schema.getMutationType().getName());
        boolean query = parent.getName().equals(schema.getQueryType().getName());
        if (!mutation && !query) {
            return dataFetcher;
        }
        return env -> {
            Caller caller = env.getGraphQlContext().getOrDefault(Caller.class, Caller.ANONYMOUS);
            if (mutation) {
                access.requireEditor(caller);
            } else {
                access.requireReader(caller);
            }
            return dataFetcher.get(env);
        };
    }
}
