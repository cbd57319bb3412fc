package org.partnershipexplorer.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The headless Chromium the map's browser tests drive (Debian's chromium and chromium-driver), one for the whole
 * test JVM: each class used to start its own, about a second each and more on a busy machine. A class takes it with
 * {@link #shared(Path)}, which points its downloads at the class's own folder and brings it back to a blank page in
 * the window size every class starts from; it is quit when the JVM exits. Each class serves the page from a server
 * of its own, on a port of its own, so what a page kept (local storage, its cache) is not seen by the next class.
 */
public final class TestBrowser {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /**
     * How often a wait looks again. Selenium's default, half a second, cost each wait whose condition came true just
     * after a look up to that much, at each of the hundred-odd waits of the browser tests.
     */
    private static final Duration POLL = Duration.ofMillis(50);

    private static ChromeDriver browser;

    private TestBrowser() {
    }

    /** The shared browser on a blank page, 1440 by 1000, saving what a page downloads into {@code downloads}. */
    public static synchronized ChromeDriver shared(Path downloads) {
        if (browser == null) {
            browser = start("shared", options -> options.setExperimentalOption("prefs",
                    Map.of("download.prompt_for_download", false)));
            ChromeDriver started = browser;
            Runtime.getRuntime().addShutdownHook(new Thread(started::quit));
        }
        browser.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                "downloadPath", downloads.toAbsolutePath().toString()));
        browser.get("about:blank");
        browser.manage().window().setSize(new Dimension(1440, 1000));
        return browser;
    }

    /** A wait of at most {@code timeout} on the browser, looking every {@link #POLL}. */
    public static WebDriverWait waiting(WebDriver browser, Duration timeout) {
        return new WebDriverWait(browser, timeout, POLL);
    }

    /**
     * A browser of the caller's own, with the shared one's settings and a profile of its own, for a test or a
     * benchmark that needs more ({@code more} adds to the options, such as the console's log); the caller quits it,
     * which also stops its chromedriver. {@code name} names the profile's folder and chromedriver's log.
     */
    public static ChromeDriver start(String name, Consumer<ChromeOptions> more) {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "the browser tests need Debian's chromium and chromium-driver: apt-get install chromium chromium-driver");
        try {
            Path chromium = Files.createDirectories(Path.of("target", "chromium"));
            Path profile = Files.createTempDirectory(chromium, name + "-");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .withLogFile(chromium.resolve("chromedriver-" + name + ".log").toFile())
                    .build();
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-quic", "--window-size=1440,1000",
                    // a page left for another stays in the back-forward cache with its WebSocket open, and the server
                    // holds its subscription until the browser evicts it; a test that counts subscriptions needs the
                    // page gone when it leaves it
                    "--disable-features=BackForwardCache",
                    "--user-data-dir=" + profile.toAbsolutePath());
            more.accept(options);
            return new ChromeDriver(service, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
