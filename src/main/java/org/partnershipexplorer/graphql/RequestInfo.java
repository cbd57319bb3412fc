package org.partnershipexplorer.graphql;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import org.partnershipexplorer.deadline.Deadline;

/**
 * What every part of one GraphQL request may need to know about it; kept in the GraphQLContext.
 *
 * @param deadline the time the request's statements and analyses share (explorer.limits.request-timeout)
 */
public record RequestInfo(String requestId, Deadline deadline) {

    /** The deadline of the request a data fetcher serves. */
    public static Deadline deadline(DataFetchingEnvironment env) {
        return deadline(env.getGraphQlContext());
    }

    /**
     * The deadline of the request this context belongs to; none when the engine runs outside the controller (a test
     * of the engine itself), where each statement keeps its own limit.
     */
    public static Deadline deadline(GraphQLContext context) {
        RequestInfo request = context.get(RequestInfo.class);
        return request == null ? Deadline.NONE : request.deadline();
    }
}
