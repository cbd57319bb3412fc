package org.partnershipexplorer.seed;

/**
 * Neo4j's offline importer could not load a seed that validation accepted ({@link OfflineImport}); nothing was left in
 * the store. The message says which file and why, for the user; the importer's own exception is the cause, for the
 * log.
 */
public final class SeedImportException extends RuntimeException {

    public SeedImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
