package org.partnershipexplorer.graphql;

/** The {@code extensions.code} of every error the API returns (docs/api.md, plus the two GraphQL-level codes). */
public enum ErrorCode {
    BAD_USER_INPUT,
    NOT_FOUND,
    /**
     * The write met a row that is not as the caller assumed: a create whose key exists (or was created meanwhile),
     * an update whose expectedUpdatedAt is no longer the stored one. Nothing was written.
     */
    CONFLICT,
    UNAUTHENTICATED,
    FORBIDDEN,
    QUERY_TOO_COMPLEX,
    SERVICE_UNAVAILABLE,
    INTERNAL,
    /** The client sent more requests than the rate limit allows (429, with Retry-After). */
    RATE_LIMITED,
    /** The document is not GraphQL. */
    GRAPHQL_PARSE_FAILED,
    /** The document does not validate against the schema (an unknown field, a wrong argument type). */
    GRAPHQL_VALIDATION_FAILED,
    /** A persisted-query hash the service has not stored: send it again with the document (HTTP 200). */
    PERSISTED_QUERY_NOT_FOUND,
    /** Persisted queries are switched off (explorer.graphql.persisted-queries): send the document (HTTP 200). */
    PERSISTED_QUERY_NOT_SUPPORTED
}
