package org.partnershipexplorer.neo4j;

/** Neo4j could not be reached within the configured timeout; callers answer SERVICE_UNAVAILABLE. */
public final class Neo4jUnavailableException extends RuntimeException {

    public Neo4jUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
