package org.partnershipexplorer.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.partnershipexplorer.support.TestBrowser;

/**
 * The page's load figure: how long after navigation the whole network is drawn and interactive on the map page.
 *
 * <p>Starts the service with its own embedded Neo4j on 127.0.0.1, then loads {@code /} in headless Debian Chromium
 * {@code runs} times, each time in a fresh page load, and reads the page's own mark {@code window.explorer.readyMs}:
 * milliseconds from navigation start until the network is laid out and answers clicks. It reports the actors and
 * lines the view holds and the nodes and lines the map draws: over the page's limit (MAX_DRAWN_NODES in map.js) the
 * view is drawn as groups.
 *
 * <p>The second argument picks the graph: 1 (the default) is the bundled seed, kept in target/bench/pageload/x1/store
 * (delete it to load a newer seed); N is the bundled seed at N times its size (SeedScaler, every copy illustrative
 * and loaded as such), kept in target/bench/pageload/xN/store so that a rerun skips the load. Each load's split
 * (the page's own performance measures: fetch, JSON, layout, paint) is printed as medians. A third argument, a file, receives a picture of the
 * page at 1400x900 with Kenya's panel open (a way to refresh docs/screenshot.png from the bundled seed). Run:
 * <pre>
 * mvn -q -B test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *   "-Dexec.args=-cp %classpath org.partnershipexplorer.bench.PageLoadBenchmark 10"
 * mvn -q -B test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *   "-Dexec.args=-cp %classpath org.partnershipexplorer.bench.PageLoadBenchmark 10 10"
 * mvn -q -B test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *   "-Dexec.args=-cp %classpath org.partnershipexplorer.bench.PageLoadBenchmark 3 1 docs/screenshot.png"
 * </pre>
 */
public final class PageLoadBenchmark {

    private PageLoadBenchmark() {
    }

    /** What the view holds and what the map draws of it, as the page counts them. */
    @SuppressWarnings("unchecked")
    private static String drawn(ChromeDriver browser) {
        Map<String, Object> c = (Map<String, Object>) ((JavascriptExecutor) browser).executeScript("""
                const cy = window.explorer.cy, net = window.explorer.state.network, el = document.getElementById('cy');
                return { viewNodes: net.nodes.length, viewEdges: net.edges.length, nodes: cy.nodes().length,
                         edges: cy.edges().length, grouped: el.dataset.clustered === 'true' };
                """);
        return String.format("view: %,d actors and %,d lines; drawn: %,d nodes and %,d lines%s",
                ((Number) c.get("viewNodes")).longValue(), ((Number) c.get("viewEdges")).longValue(),
                ((Number) c.get("nodes")).longValue(), ((Number) c.get("edges")).longValue(),
                Boolean.TRUE.equals(c.get("grouped")) ? " (grouped: over the page's limit)" : "");
    }

    /**
     * The page's own measures of its first load of the network (map.js, measureLoad): the first entry of each name,
     * once the frame after the map was painted has been measured.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Double> split(ChromeDriver browser) {
        TestBrowser.waiting(browser, Duration.ofSeconds(60)).until(b -> Boolean.TRUE.equals(((JavascriptExecutor) b)
                .executeScript("return performance.getEntriesByName('network paint').length > 0")));
        Map<String, Object> raw = (Map<String, Object>) ((JavascriptExecutor) browser).executeScript("""
                const out = {};
                for (const m of performance.getEntriesByType('measure')) {
                  if (!(m.name in out)) out[m.name] = m.duration;
                }
                return out;
                """);
        Map<String, Double> parts = new java.util.LinkedHashMap<>();
        for (String name : List.of("page scripts", "network fetch", "network json", "network elements", "network add",
                "network layout", "network panels", "network paint")) {
            if (raw.get(name) instanceof Number n) {
                parts.put(name, n.doubleValue());
            }
        }
        return parts;
    }

    /** The page at a desktop size with Kenya's panel open, its partners faded in around it. */
    private static void picture(ChromeDriver browser, EmbeddedServer server, Path file) throws Exception {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 900));
        browser.get(server.getURI().resolve("/").toString());
        WebDriverWait wait = TestBrowser.waiting(browser, Duration.ofSeconds(300));
        wait.until(b -> "ready".equals(b.findElement(By.tagName("body")).getAttribute("data-state")));
        ((JavascriptExecutor) browser).executeScript("window.explorer.selectActor('KEN', { fromGraph: true })");
        wait.until(b -> b.findElement(By.id("panel")).getText().contains("Personnel"));
        // the map centres on Kenya in 200 ms; the panel's later sections arrive on their own
        Thread.sleep(2000);
        Files.copy(browser.getScreenshotAs(org.openqa.selenium.OutputType.FILE).toPath(), file,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.println("picture of the page written to " + file);
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int scale = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Map<String, Object> properties = new HashMap<>(Map.of(
                "explorer.neo4j.bolt-port", "0",
                "micronaut.server.port", "-1",
                "micronaut.server.host", "127.0.0.1",
                // on a shared machine under a load average of 20 the schema's creation ran past the default limit,
                // and at 36 the seed's load ran past 120 s
                "explorer.limits.query-timeout", "600s",
                // the figure is the page's; a busy machine must not turn it into a refusal
                "explorer.limits.request-timeout", "120s",
                "explorer.neo4j.timeout", "60s"));
        if (scale == 1) {
            // kept between runs, as the larger graphs are: a fresh store took minutes to load on a busy machine
            Path store = Path.of("target", "bench", "pageload", "x1", "store").toAbsolutePath();
            Files.createDirectories(store.getParent());
            properties.put("explorer.neo4j.data-dir", store.toString());
        } else {
            Path work = Path.of("target", "bench", "pageload", "x" + scale).toAbsolutePath();
            Path seed = work.resolve("seed");
            if (!Files.exists(seed.resolve("trainings.csv"))) {
                System.out.printf("generated %d rows at %dx%n", SeedScaler.generate(Path.of("graph-seed"), seed,
                        scale), scale);
            }
            properties.put("explorer.neo4j.data-dir", work.resolve("store").toString());
            properties.put("explorer.seed.dir", seed.toString());
            properties.put("explorer.seed.mode", "if-empty");
            properties.put("explorer.seed.illustrative", "true");
        }
        long started = System.nanoTime();
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
            System.out.printf("service up in %.1f s with the %dx graph%n", (System.nanoTime() - started) / 1e9, scale);
            ChromeDriver browser = TestBrowser.start("bench", options -> { });
            try {
                List<Long> ready = new ArrayList<>();
                Map<String, List<Double>> split = new java.util.LinkedHashMap<>();
                for (int i = 0; i <= runs; i++) {
                    browser.get("about:blank");
                    browser.get(server.getURI().resolve("/").toString());
                    TestBrowser.waiting(browser, Duration.ofSeconds(300)).until(b ->
                            "ready".equals(b.findElement(By.tagName("body")).getAttribute("data-state")));
                    long ms = ((Number) ((JavascriptExecutor) browser)
                            .executeScript("return window.explorer.readyMs")).longValue();
                    Map<String, Double> parts = split(browser);
                    if (i == 0) {
                        System.out.printf("warm-up load: %d ms; %s%n", ms, drawn(browser));
                    } else {
                        ready.add(ms);
                        parts.forEach((name, value) -> split.computeIfAbsent(name, n -> new ArrayList<>()).add(value));
                    }
                }
                System.out.println(drawn(browser));
                System.out.println("where the first load's time went, median ms over the loads (the page's "
                        + "performance measures):");
                split.forEach((name, values) -> {
                    Collections.sort(values);
                    System.out.printf("  %-17s %8.1f  (max %.1f)%n", name, values.get(values.size() / 2),
                            values.get(values.size() - 1));
                });
                Collections.sort(ready);
                System.out.printf("drawn and interactive after navigation: median %d ms, max %d ms over %d loads "
                        + "(%d cores, load average %.1f)%n", ready.get(ready.size() / 2), ready.get(ready.size() - 1),
                        ready.size(), Runtime.getRuntime().availableProcessors(),
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                if (args.length > 2) {
                    picture(browser, server, Path.of(args[2]));
                }
            } finally {
                browser.quit();
            }
        }
    }
}
