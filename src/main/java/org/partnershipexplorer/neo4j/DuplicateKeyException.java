package org.partnershipexplorer.neo4j;

/**
 * A write would have made a second node or relationship with a key that a uniqueness constraint holds to one
 * ({@link GraphSchema}); the transaction was rolled back. The message is the database's, for the log only.
 */
public final class DuplicateKeyException extends RuntimeException {

    public DuplicateKeyException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether the database named this label or relationship type as the one whose key was taken. */
    public boolean concerns(String labelOrType) {
        return String.valueOf(getMessage()).contains("`" + labelOrType + "`");
    }
}
