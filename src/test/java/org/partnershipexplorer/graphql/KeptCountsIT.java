package org.partnershipexplorer.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partnershipexplorer.startup.StartupPhases;
import org.partnershipexplorer.support.FrozenSeed;
import org.partnershipexplorer.support.TestNeo4j;
import org.slf4j.LoggerFactory;

@DisplayName("an embedded store's graph counts, kept between runs")
class KeptCountsIT {

    /** A service context without an HTTP server on the embedded store under {@code home}. */
    private static Map<String, Object> properties(Path home) {
        Map<String, Object> properties = new HashMap<>(FrozenSeed.properties());
        properties.put("explorer.neo4j.uri", "");
        properties.put("explorer.neo4j.data-dir", home.toString());
        properties.put("explorer.neo4j.bolt-port", "0");
        properties.put("explorer.seed.mode", "if-empty");
        properties.put("explorer.warm-up.enabled", "false");
        return properties;
    }

    /** Starts a context on {@code home}, waits for the start's background reads, and answers what was logged. */
    private static Run run(Path home) throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(GraphCounts.class);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        logger.addAppender(captured);
        try (ApplicationContext context = ApplicationContext.run(properties(home))) {
            // a bound for a stuck read, not a measure
            context.getBean(StartupPhases.class).backgroundDone().get(2, TimeUnit.MINUTES);
            return new Run(context.getBean(GraphCounts.class).sizes(),
                    captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
        } finally {
            logger.detachAppender(captured);
        }
    }

    /** The sizes the start began with, and what the graph counts logged. */
    private record Run(ListSizes sizes, List<String> log) {
        boolean fromLastRun() {
            return log.stream().anyMatch(line -> line.startsWith("The graph's counts for the cost limit are the last run's"));
        }

        boolean fromImport() {
            return log.stream().anyMatch(line -> line.startsWith("The graph's counts for the cost limit are those the "
                    + "offline import took"));
        }
    }

    /** Every figure of the sizes, the years' ends as lists (an array's equals is its identity). */
    private static Map<String, Object> figures(ListSizes sizes) {
        Map<String, Object> figures = new java.util.TreeMap<>();
        figures.put("perParent", new java.util.TreeMap<>(sizes.perParent()));
        figures.put("nested", new java.util.TreeMap<>(sizes.nested()));
        figures.put("pages", new java.util.TreeMap<>(sizes.pages()));
        Map<String, List<Integer>> spans = new java.util.TreeMap<>();
        sizes.yearSpans().forEach((field, years) -> spans.put(field, java.util.Arrays.stream(years).boxed().toList()));
        figures.put("yearSpans", spans);
        return figures;
    }

    @Test
    @DisplayName("a restart on the same store begins with the counts the last run kept, and they are the graph's")
    void restartBeginsWithTheKeptCounts(@TempDir Path home) throws Exception {
        TestNeo4j.copyFrozenSeedStore(home);
        Files.deleteIfExists(home.resolve(KeptCounts.FILE));

        Run counted = run(home);
        assertEquals(false, counted.fromLastRun(), counted.log().toString());
        assertTrue(Files.isRegularFile(home.resolve(KeptCounts.FILE)));

        Run kept = run(home);
        assertEquals(true, kept.fromLastRun(), kept.log().toString());
        // the same graph: the kept sizes are those a count gives
        assertEquals(figures(counted.sizes()), figures(kept.sizes()));

        // the graph changed while the service was stopped: its totals are no longer the file's
        try (var neo4j = org.partnershipexplorer.neo4j.EmbeddedNeo4j.start(home, 0, java.time.Duration.ofSeconds(30));
                var driver = org.neo4j.driver.GraphDatabase.driver(neo4j.boltUri().toString())) {
            driver.executableQuery("CREATE (:Actor:Country {id: 'ZZA', iso3: 'ZZA', name: 'Test country'})").execute();
        }
        Run changed = run(home);
        assertEquals(false, changed.fromLastRun(), changed.log().toString());
        assertEquals(counted.sizes().pages().get("Query.countries") + 1,
                changed.sizes().pages().get("Query.countries"));
    }

    @Test
    @DisplayName("a new store the offline importer filled begins with the counts the import took, and they are the graph's")
    void newStoreBeginsWithTheImportsCounts(@TempDir Path home) throws Exception {
        Run imported = run(home);
        assertEquals(true, imported.fromImport(), imported.log().toString());
        assertTrue(Files.isRegularFile(home.resolve(KeptCounts.FILE)));

        // the same graph counted by the statements: every figure equal
        Files.delete(home.resolve(KeptCounts.FILE));
        Run counted = run(home);
        assertEquals(false, counted.fromImport(), counted.log().toString());
        assertEquals(false, counted.fromLastRun(), counted.log().toString());
        assertEquals(figures(counted.sizes()), figures(imported.sizes()));
        // the frozen seed's figures, so that two wrong ways of counting cannot agree on nothing
        assertEquals(197L, imported.sizes().pages().get("Query.countries"));
        assertEquals(35.94488188976378, imported.sizes().nested().get("*.trains"), 1e-9);
        assertEquals(List.of(2015, 2022), java.util.Arrays.stream(imported.sizes().yearSpans().get("*.trains"))
                .boxed().toList());
        assertEquals(List.of(1994, 2024), java.util.Arrays.stream(imported.sizes().yearSpans()
                .get("Country.contributions")).boxed().toList());
    }
}
