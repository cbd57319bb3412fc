package org.partnershipexplorer.startup;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the start once the HTTP server answers: the total since the JVM started and each phase, the rest (class
 * loading, Micronaut's own beans, the HTTP server) as what remains. bench/startup.sh reads this line. Once the
 * background phases have ended too (readiness turns UP then), a second line says when and what they took, and the
 * start gives back the memory it grew to ({@link MemoryRelease}).
 */
@Singleton
final class StartupReport implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(StartupReport.class);

    private final StartupPhases phases;
    private final MemoryRelease memory;

    StartupReport(StartupPhases phases, MemoryRelease memory) {
        this.phases = phases;
        this.memory = memory;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        Duration total = Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime());
        LOG.info(line(total, phases.phases()));
        phases.backgroundDone().thenRun(() -> {
            LOG.info(readyLine(Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime()), phases.phases()));
            // the start's work is over: the Java heap shrinks to what it holds, then what the C library kept of the
            // memory the compilations and, on an empty store, the seed's load freed goes back (about 30 MB after
            // loading the seed; bench/README.md)
            memory.onceStarted().forEach(done -> LOG.info("Once started: {}", done));
        });
    }

    /** "Ready in 11.2 s since the JVM started: graph counts 1.40 s (background)"; the background phases only. */
    static String readyLine(Duration total, List<StartupPhases.Phase> phases) {
        List<String> background = phases.stream().filter(p -> p.detail().equals("background"))
                .map(p -> p.name() + ' ' + seconds(p.took())).toList();
        return "Ready in " + seconds(total) + " since the JVM started: "
                + (background.isEmpty() ? "no background phase" : String.join(", ", background) + " (background)");
    }

    /** "Started in 9.8 s since the JVM started: Neo4j start 4.0 s, schema 0.3 s, ..., the rest 5.5 s". */
    static String line(Duration total, List<StartupPhases.Phase> phases) {
        StringBuilder text = new StringBuilder("Started in ").append(seconds(total)).append(" since the JVM started: ");
        Duration measured = Duration.ZERO;
        for (StartupPhases.Phase phase : phases) {
            if (phase.detail().equals("background")) {
                continue; // overlaps the rest: the second line has it
            }
            text.append(phase.name()).append(' ').append(seconds(phase.took()));
            if (!phase.detail().isEmpty()) {
                text.append(" (").append(phase.detail()).append(')');
            }
            text.append(", ");
            if (!phase.inside()) {
                measured = measured.plus(phase.took());
            }
        }
        Duration rest = total.minus(measured);
        return text.append("JVM, Micronaut and HTTP server ").append(seconds(rest.isNegative() ? Duration.ZERO : rest))
                .toString();
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.2f s", d.toMillis() / 1000.0);
    }
}
