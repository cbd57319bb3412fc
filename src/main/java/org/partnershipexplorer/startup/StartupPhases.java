package org.partnershipexplorer.startup;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The phases of this start that took measurable time, in the order they ended. Each owner times its own phase
 * (the embedded server, the schema, the seed, the GraphQL schema) and records it here; {@link StartupReport} writes
 * them out when the HTTP server is up, so one log line says where a slow start spent its time.
 */
@Singleton
public final class StartupPhases {

    /** One phase: what it was, how long it took, and what it found (empty when there is nothing to say). */
    public record Phase(String name, Duration took, String detail) {
    }

    private final List<Phase> phases = new ArrayList<>();

    /** Records a phase that has ended. */
    public synchronized void record(String name, Duration took, String detail) {
        phases.add(new Phase(name, took, detail == null ? "" : detail));
    }

    /** Runs {@code work} and records its duration under {@code name}, whether it succeeds or not. */
    public <T> T time(String name, Supplier<T> work) {
        long started = System.nanoTime();
        try {
            return work.get();
        } finally {
            record(name, Duration.ofNanos(System.nanoTime() - started), null);
        }
    }

    public synchronized List<Phase> phases() {
        return List.copyOf(phases);
    }
}
