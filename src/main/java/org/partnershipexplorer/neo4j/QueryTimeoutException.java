package org.partnershipexplorer.neo4j;

/** A statement ran past its transaction timeout (explorer.limits.query-timeout); callers answer QUERY_TOO_COMPLEX. */
public final class QueryTimeoutException extends RuntimeException {

    public QueryTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
