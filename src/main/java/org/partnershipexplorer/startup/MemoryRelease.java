package org.partnershipexplorer.startup;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a start gives back the memory it grew to (explorer.start.release-memory, EXPLORER_RELEASE_MEMORY, on by
 * default): one full collection right after a seed's load and once the start has ended ({@link JavaHeap}), then a
 * trim of the C heap ({@link NativeHeap}). Off where many service contexts share one JVM, as in the tests: each
 * collection there is of the whole shared heap (about 0.4 s), at every one of a suite's sixty-odd starts.
 */
@Singleton
public final class MemoryRelease {

    private final boolean enabled;

    public MemoryRelease(@Value("${explorer.start.release-memory:true}") boolean enabled) {
        this.enabled = enabled;
    }

    /** After a load in one transaction, most of what the heap holds is garbage: collect it, when enabled. */
    public void afterLoad() {
        if (enabled) {
            System.gc();
        }
    }

    /** Once the start has ended: the collection and the trim, each said in a line for the log; none when off. */
    List<String> onceStarted() {
        List<String> done = new ArrayList<>();
        if (enabled) {
            done.add(JavaHeap.collect());
            NativeHeap.trim().ifPresent(done::add);
        }
        return done;
    }
}
