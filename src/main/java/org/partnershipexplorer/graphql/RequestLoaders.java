package org.partnershipexplorer.graphql;

import java.util.ArrayList;
import java.util.List;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderRegistry;

/**
 * A request's DataLoaders, dispatched in the order they were registered rather than in the hash order of their
 * names. A batch answers at once, so while one level is dispatched the loads of the level below are queued: the
 * loaders of nested lists ({@link FieldLoaders}, registered first) must all answer before the loaders by key that
 * their records lead to are dispatched, or a loader by key runs once for part of a level and again for the rest.
 */
final class RequestLoaders extends DataLoaderRegistry {

    private final List<String> order = new ArrayList<>();

    @Override
    public DataLoaderRegistry register(String key, DataLoader<?, ?> dataLoader) {
        if (!order.contains(key)) {
            order.add(key);
        }
        return super.register(key, dataLoader);
    }

    @Override
    public List<DataLoader<?, ?>> getDataLoaders() {
        List<DataLoader<?, ?>> loaders = new ArrayList<>(order.size());
        for (String key : order) {
            DataLoader<?, ?> loader = dataLoaders.get(key);
            if (loader != null) {
                loaders.add(loader);
            }
        }
        return loaders;
    }
}
