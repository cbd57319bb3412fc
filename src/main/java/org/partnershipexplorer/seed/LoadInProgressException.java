package org.partnershipexplorer.seed;

/** A load refused because another load is writing into the store in batches; nothing was written. */
public final class LoadInProgressException extends RuntimeException {

    LoadInProgressException(String message) {
        super(message);
    }
}
