package org.partnershipexplorer.graphql;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.List;

/** Depth and cost, checked on the validated document before execution, refused as QUERY_TOO_COMPLEX. */
final class LimitInstrumentations {

    /** A list's size is at most this, whatever a client asks for (the paging cap). */
    static final int MAX_PAGE = 500;

    private LimitInstrumentations() {
    }

    static MaxQueryDepthInstrumentation depth(QueryLimits limits) {
        return new MaxQueryDepthInstrumentation(limits.maxDepth()) {
            @Override
            protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
                return new AbortExecutionException(List.of(TooComplex.error("maxDepth", "depth", maxDepth, depth)));
            }
        };
    }

    static MaxQueryComplexityInstrumentation complexity(QueryLimits limits) {
        return new MaxQueryComplexityInstrumentation(limits.maxComplexity(), calculator(limits)) {
            @Override
            protected AbortExecutionException mkAbortException(int complexity, int maxComplexity) {
                return new AbortExecutionException(
                        List.of(TooComplex.error("maxComplexity", "cost", maxComplexity, complexity)));
            }
        };
    }

    /**
     * Each field costs 1 plus its children times its size: {@code first} or {@code limit} where given, the list
     * weight for other lists, 1 for a single object. A connection's {@code edges} take their size from the
     * connection's {@code first}. Introspection is bounded by the schema and costs nothing.
     */
    static FieldComplexityCalculator calculator(QueryLimits limits) {
        return (FieldComplexityEnvironment env, int childComplexity) -> {
            if (env.getField().getName().startsWith("__")) {
                return 0;
            }
            long size = size(env, limits);
            long cost = 1 + size * childComplexity;
            return (int) Math.min(cost, Integer.MAX_VALUE / 4);
        };
    }

    private static long size(FieldComplexityEnvironment env, QueryLimits limits) {
        for (String argument : List.of("first", "limit")) {
            Object value = env.getArguments().get(argument);
            if (value instanceof Number n) {
                return Math.max(1, Math.min(n.longValue(), MAX_PAGE));
            }
        }
        GraphQLType type = GraphQLTypeUtil.unwrapNonNull(env.getFieldDefinition().getType());
        if (type instanceof GraphQLList) {
            return env.getField().getName().equals("edges") ? 1 : limits.listWeight();
        }
        return 1;
    }
}
