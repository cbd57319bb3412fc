package org.partnershipexplorer.graphql;

/** What every part of one GraphQL request may need to know about it; kept in the GraphQLContext. */
public record RequestInfo(String requestId) {
}
