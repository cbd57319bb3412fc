package org.partnershipexplorer.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page's load figure: how long after navigation the whole seed network is drawn and interactive on the map page.
 *
 * <p>Starts the service with its own embedded Neo4j (fresh store under target/bench/pageload, the bundled seed) on
 * 127.0.0.1, then loads {@code /} in headless Debian Chromium {@code runs} times, each time in a fresh page load,
 * and reads the page's own mark {@code window.explorer.readyMs}: milliseconds from navigation start until the
 * network is laid out and answers clicks. Run:
 * <pre>
 * mvn -q -B test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *   "-Dexec.args=-cp %classpath org.partnershipexplorer.bench.PageLoadBenchmark 10"
 * </pre>
 */
public final class PageLoadBenchmark {

    private PageLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path store = Path.of("target", "bench", "pageload", "store-" + System.nanoTime());
        Files.createDirectories(store.getParent());
        Map<String, Object> properties = Map.of(
                "explorer.neo4j.data-dir", store.toAbsolutePath().toString(),
                "explorer.neo4j.bolt-port", "0",
                "micronaut.server.port", "-1",
                "micronaut.server.host", "127.0.0.1");
        Path profile = Files.createTempDirectory(Files.createDirectories(Path.of("target", "chromium")), "bench-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File("/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1440,1000", "--user-data-dir=" + profile.toAbsolutePath());
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
            ChromeDriver browser = new ChromeDriver(service, options);
            try {
                List<Long> ready = new ArrayList<>();
                for (int i = 0; i <= runs; i++) {
                    browser.get("about:blank");
                    browser.get(server.getURI().resolve("/").toString());
                    new WebDriverWait(browser, Duration.ofSeconds(60)).until(b ->
                            "ready".equals(b.findElement(By.tagName("body")).getAttribute("data-state")));
                    long ms = ((Number) ((JavascriptExecutor) browser)
                            .executeScript("return window.explorer.readyMs")).longValue();
                    long nodes = ((Number) ((JavascriptExecutor) browser)
                            .executeScript("return window.explorer.cy.nodes().length")).longValue();
                    if (i == 0) {
                        System.out.printf("warm-up load: %d ms, %d nodes drawn%n", ms, nodes);
                    } else {
                        ready.add(ms);
                    }
                }
                Collections.sort(ready);
                System.out.printf("drawn and interactive after navigation: median %d ms, max %d ms over %d loads "
                        + "(%d cores, load average %.1f)%n", ready.get(ready.size() / 2), ready.get(ready.size() - 1),
                        ready.size(), Runtime.getRuntime().availableProcessors(),
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            } finally {
                browser.quit();
                service.stop();
            }
        }
    }
}
