package org.partnershipexplorer.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.partnershipexplorer.support.ServiceTest;
import org.partnershipexplorer.support.TestBrowser;

/**
 * GraphiQL in Debian's headless Chromium under the Content-Security-Policy the service sends with it: it must still
 * start, run a query through /graphql and show the answer, with no violation of the policy in the browser's log.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("GraphiQL at /graphiql runs under its Content-Security-Policy")
class GraphiQLPageIT implements ServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    EmbeddedServer server;

    private ChromeDriver browser;

    @BeforeAll
    void startBrowser() {
        // the console, where Chromium reports what a Content-Security-Policy refused
        browser = TestBrowser.start("graphiql",
                options -> options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL")));
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @DisplayName("starts, runs its default query and shows Kenya, with no policy violation in the console")
    void runsUnderItsPolicy() {
        browser.get(server.getURI().resolve("/graphiql").toString());
        WebDriverWait wait = TestBrowser.waiting(browser, WAIT);
        wait.until(b -> b.findElements(By.className("graphiql-execute-button")).size() == 1);
        browser.findElement(By.className("graphiql-execute-button")).click();
        wait.withMessage(() -> "waiting for the answer; the result window shows: "
                        + browser.findElements(By.className("result-window")).stream().map(e -> e.getText()).toList())
                .until(b -> b.findElements(By.className("result-window")).stream()
                        .anyMatch(e -> e.getText().contains("\"name\": \"Kenya\"")));
        List<String> refused = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy"))
                .toList();
        assertEquals(List.of(), refused);
    }
}
