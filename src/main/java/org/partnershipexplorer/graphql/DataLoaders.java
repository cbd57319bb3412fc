package org.partnershipexplorer.graphql;

import org.dataloader.DataLoaderRegistry;

/**
 * A feature's DataLoaders. Called once per request: loaders cache per request, never across requests, so that
 * one user's request never sees another's stale answer.
 */
public interface DataLoaders {

    void register(DataLoaderRegistry registry);
}
