package org.partnershipexplorer.graphql;

/**
 * Told of every GraphQL request once its answer is ready (request log, metrics). Runs on the request's thread
 * before the answer is sent, so an implementation must be quick and must not throw.
 */
public interface RequestListener {

    void completed(CompletedRequest request);
}
