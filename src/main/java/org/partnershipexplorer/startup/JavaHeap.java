package org.partnershipexplorer.startup;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;

/**
 * One full collection once the start has finished, so that the Java heap gives back what the start grew it to.
 *
 * <p>With the README's settings (the serial collector, {@code -XX:MaxHeapFreeRatio=30}) the heap shrinks only at a
 * full collection. The start that loads the seed runs one right after the load, but the work that follows (the graph
 * counts, the first requests) could grow the old generation again: in half the starts measured it ended at about 125
 * MB committed for 51 MB used, and the process at about 530 MB resident instead of 450 (bench/README.md, "The Java
 * heap once started").
 */
final class JavaHeap {

    private JavaHeap() {
    }

    /** Collects and says what the heap held before and after, for the start's log. */
    static String collect() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = memory.getHeapMemoryUsage().getCommitted();
        long started = System.nanoTime();
        System.gc();
        long took = System.nanoTime() - started;
        return describe(before, memory.getHeapMemoryUsage().getCommitted(), memory.getHeapMemoryUsage().getUsed(),
                took / 1_000_000);
    }

    /** "Full collection in 95 ms: heap committed 181 MB -> 94 MB, 58 MB used". */
    static String describe(long committedBefore, long committedAfter, long used, long millis) {
        return String.format(Locale.ROOT, "Full collection in %d ms: heap committed %d MB -> %d MB, %d MB used", millis,
                committedBefore >> 20, committedAfter >> 20, used >> 20);
    }
}
