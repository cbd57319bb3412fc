package org.partnershipexplorer.graphql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;

/**
 * DataLoaders over the repositories' batch queries: all keys a level of the query needs go to Neo4j in one
 * statement, whatever the size of the result (no N+1). The loads run on the request's own thread.
 */
public final class Batch {

    private Batch() {
    }

    /** One value (or none) per key, e.g. a country by iso3. */
    public static <K, V> DataLoader<K, V> one(Function<List<K>, Map<K, V>> load) {
        return DataLoaderFactory.newMappedDataLoader(keys -> CompletableFuture.completedFuture(
                load.apply(new ArrayList<>(keys))));
    }

    /** A list per key, e.g. a country's contributions; a key with nothing gets an empty list. */
    public static <K, V> DataLoader<K, List<V>> many(Function<List<K>, Map<K, List<V>>> load) {
        return DataLoaderFactory.newMappedDataLoader(keys -> {
            Map<K, List<V>> found = load.apply(new ArrayList<>(keys));
            Map<K, List<V>> all = new HashMap<>(found);
            keys.forEach(k -> all.putIfAbsent(k, List.of()));
            return CompletableFuture.completedFuture(all);
        });
    }
}
