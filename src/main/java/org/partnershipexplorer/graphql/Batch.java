package org.partnershipexplorer.graphql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.partnershipexplorer.deadline.Deadline;

/**
 * DataLoaders over the repositories' batch queries: all keys a level of the query needs go to Neo4j in one
 * statement, whatever the size of the result (no N+1). The loads run on the request's own thread, within its
 * deadline.
 */
public final class Batch {

    private Batch() {
    }

    /** One value (or none) per key, e.g. a country by iso3. */
    public static <K, V> DataLoader<K, V> one(Deadline deadline, BiFunction<Deadline, List<K>, Map<K, V>> load) {
        return DataLoaderFactory.newMappedDataLoader(keys -> CompletableFuture.completedFuture(
                load.apply(deadline, new ArrayList<>(keys))));
    }

    /** A list per key, e.g. a country's contributions; a key with nothing gets an empty list. */
    public static <K, V> DataLoader<K, List<V>> many(Deadline deadline,
            BiFunction<Deadline, List<K>, Map<K, List<V>>> load) {
        return DataLoaderFactory.newMappedDataLoader(keys -> {
            Map<K, List<V>> found = load.apply(deadline, new ArrayList<>(keys));
            Map<K, List<V>> all = new HashMap<>(found);
            keys.forEach(k -> all.putIfAbsent(k, List.of()));
            return CompletableFuture.completedFuture(all);
        });
    }
}
