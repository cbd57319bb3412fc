package org.partnershipexplorer.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the start's log lines")
class StartupReportTest {

    private static final List<StartupPhases.Phase> PHASES = List.of(
            new StartupPhases.Phase("Neo4j start", Duration.ofMillis(4000), ""),
            new StartupPhases.Phase("schema", Duration.ofMillis(300), "in place"),
            new StartupPhases.Phase("graph counts", Duration.ofMillis(1400), "background"),
            new StartupPhases.Phase("seed", Duration.ofMillis(100), "ALREADY_LOADED"));

    @Test
    @DisplayName("the started line lists the phases that held the server back, in order, and leaves the background out "
            + "of them and of the rest")
    void startedLine() {
        assertEquals("Started in 6.00 s since the JVM started: Neo4j start 4.00 s, schema 0.30 s (in place), "
                + "seed 0.10 s (ALREADY_LOADED), JVM, Micronaut and HTTP server 1.60 s",
                StartupReport.line(Duration.ofSeconds(6), PHASES));
    }

    @Test
    @DisplayName("a phase that ran inside another (the offline import, within the wait for Neo4j) is listed and not "
            + "taken from the rest a second time")
    void phaseInsideAnother() {
        List<StartupPhases.Phase> phases = List.of(
                new StartupPhases.Phase("offline import", Duration.ofMillis(2500), "before Neo4j started", true),
                new StartupPhases.Phase("Neo4j start", Duration.ofMillis(4000), "waited for"),
                new StartupPhases.Phase("schema", Duration.ofMillis(300), "created"));
        assertEquals("Started in 6.00 s since the JVM started: offline import 2.50 s (before Neo4j started), Neo4j "
                + "start 4.00 s (waited for), schema 0.30 s (created), JVM, Micronaut and HTTP server 1.70 s",
                StartupReport.line(Duration.ofSeconds(6), phases));
    }

    @Test
    @DisplayName("the ready line lists the background phases only")
    void readyLine() {
        assertEquals("Ready in 7.50 s since the JVM started: graph counts 1.40 s (background)",
                StartupReport.readyLine(Duration.ofMillis(7500), PHASES));
    }

    @Test
    @DisplayName("a background phase is pending from when it is expected until its work has ended, failed or not")
    void backgroundPending() throws Exception {
        StartupPhases phases = new StartupPhases();
        StartupPhases.Background counts = phases.expect("graph counts");
        StartupPhases.Background feed = phases.expect("change feed");
        assertEquals(List.of("graph counts", "change feed"), phases.pending());
        assertEquals("read", counts.run(() -> "read").get());
        assertEquals(List.of("change feed"), phases.pending());
        var failed = feed.run(() -> {
            throw new IllegalStateException("no database");
        });
        phases.backgroundDone().get();
        assertEquals(true, failed.isCompletedExceptionally());
        assertEquals(List.of(), phases.pending());
        assertEquals(List.of("graph counts (background)", "change feed (background)"),
                phases.phases().stream().map(p -> p.name() + " (" + p.detail() + ")").toList());
    }

    @Test
    @DisplayName("a close waits for the background phases that began, not for one expected that never began")
    void closeWaitsForRunningPhasesOnly() throws Exception {
        StartupPhases phases = new StartupPhases();
        // a command-line context: the graph counts are expected when their bean is made, but nothing begins them
        phases.expect("graph counts");
        StartupPhases.Background feed = phases.expect("change feed");
        assertEquals(true, phases.runningDone().isDone());
        assertEquals(false, phases.backgroundDone().isDone());

        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        var read = feed.run(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "read";
        });
        var running = phases.runningDone();
        assertEquals(false, running.isDone());
        release.countDown();
        running.get();
        assertEquals("read", read.get());
        assertEquals(List.of("graph counts"), phases.pending());
    }

    @Test
    @DisplayName("the full collection once started says how long it took and what the heap held before and after")
    void fullCollectionLine() {
        assertEquals("Full collection in 142 ms: heap committed 180 MB -> 115 MB, 56 MB used",
                JavaHeap.describe(180L << 20, 115L << 20, (56L << 20) + 12345, 142));
    }
}
