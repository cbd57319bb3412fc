package org.partnershipexplorer.graphql;

import org.dataloader.DataLoaderRegistry;
import org.partnershipexplorer.deadline.Deadline;

/**
 * A feature's DataLoaders. Called once per request: loaders cache per request, never across requests, so that
 * one user's request never sees another's stale answer.
 */
public interface DataLoaders {

    /**
     * @param deadline the request's, for the batch statements: a batch runs when graphql-java dispatches a level,
     *                 outside any data fetcher, so it cannot read the request's GraphQLContext
     */
    void register(DataLoaderRegistry registry, Deadline deadline);
}
