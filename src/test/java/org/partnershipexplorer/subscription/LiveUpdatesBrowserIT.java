package org.partnershipexplorer.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.partnershipexplorer.access.Tokens;
import org.partnershipexplorer.support.FreshServiceTest;
import org.partnershipexplorer.support.GraphQLClient;
import org.partnershipexplorer.support.TestBrowser;
import org.partnershipexplorer.support.TestNeo4j;

/**
 * The page and GraphiQL in Debian's headless Chromium, subscribed over /graphql-ws: a training written by another
 * client shows on the open map without a reload, and in GraphiQL's result pane.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("live updates in the browser")
class LiveUpdatesBrowserIT implements FreshServiceTest {

    private static final String SECRET = "test-secret-test-secret-test-secret-0123456789";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    EmbeddedServer server;

    private TestNeo4j.Instance neo4j;
    private ChromeDriver browser;

    @Override
    public synchronized TestNeo4j.Instance neo4j() {
        if (neo4j == null) {
            neo4j = TestNeo4j.withFrozenSeed();
        }
        return neo4j;
    }

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("explorer.security.jwt-secret", SECRET);
    }

    @BeforeAll
    void startBrowser() throws IOException {
        browser = TestBrowser.shared(Files.createTempDirectory(Files.createDirectories(Path.of("target", "chromium")),
                "downloads-"));
    }

    /**
     * Each test starts with no subscription on the server: the page of the test before is left (its WebSocket closes)
     * and the server has ended its subscription, so that a count reached is the test's own page's.
     */
    @BeforeEach
    void noSubscriptionLeft() {
        browser.get("about:blank");
        listening(0);
    }

    /**
     * Waits until {@code count} subscriptions receive the server's changes: the page subscribes once its WebSocket is
     * acknowledged, a moment after it has loaded, and a training written before that would not reach it.
     */
    private void listening(int count) {
        SubscriptionIT.listening(server, count, WAIT);
    }

    private String createTraining(String trainer, String trainee, int year) {
        var response = new GraphQLClient(server.getURI())
                .withToken(Tokens.mint(SECRET, "alice", List.of("editor"), Duration.ofHours(1)))
                .query("mutation($input: TrainingInput!) { createTraining(input: $input) { id } }",
                        Map.of("input", Map.of("trainer", trainer, "trainee", trainee, "year", year,
                                "confidence", "REPORTED", "source", "https://example.org/live")));
        assertTrue(response.errors().isMissingNode(), response.body().toString());
        return response.data().path("createTraining").path("id").asText();
    }

    private Object script(String js, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(js, arguments);
    }

    @Test
    @DisplayName("the map: a training written elsewhere is drawn, and named above the map, without a reload")
    void mapUpdatesWithoutReload() {
        browser.get(server.getURI().resolve("/").toString());
        WebDriverWait wait = TestBrowser.waiting(browser, WAIT);
        wait.until(b -> Boolean.TRUE.equals(script("return !!(window.explorer && window.explorer.state.analysisReady "
                + "&& document.body.dataset.state === 'ready' && window.explorer.liveEvents === 0)")));
        // every year, so that the new training is in the view whatever the analysis year
        script("document.querySelector('#year-from').value = ''; document.querySelector('#year-to').value = '';"
                + "window.explorer.loadNetwork();");
        wait.until(b -> "ready".equals(script("return document.body.dataset.state")));
        script("window.loadedBefore = window.explorer.state.loadSeq; window.notReloaded = true;");
        listening(1);

        String id = createTraining("KEN", "JPN", 2021);

        wait.withMessage(() -> "waiting for the edge " + id + "; live: " + script("return document.querySelector('#live').textContent"))
                .until(b -> Boolean.TRUE.equals(script("return window.explorer.cy.getElementById('" + id + "').length === 1")));
        assertEquals("Updated: training KEN → JPN (2021) created by alice",
                browser.findElement(By.id("live")).getText());
        assertEquals(Boolean.TRUE, script("return window.notReloaded === true && window.explorer.liveEvents === 1 "
                + "&& window.explorer.state.loadSeq > window.loadedBefore"));
    }

    @Test
    @DisplayName("GraphiQL runs a subscription and shows the event of a training written elsewhere")
    void graphiqlRunsASubscription() {
        browser.get(server.getURI().resolve("/graphiql").toString());
        WebDriverWait wait = TestBrowser.waiting(browser, WAIT);
        wait.until(b -> b.findElements(By.className("graphiql-execute-button")).size() == 1);
        String subscription = "subscription { partnershipChanged(actor: \"GHA\") { operation id by } }";
        script("document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue(arguments[0])",
                subscription);
        // GraphiQL learns that the text is a subscription from its own parse of the editor, 100 ms after a change;
        // clicked before that, it sent the subscription over HTTP (seen on a busy machine). The same handler stores
        // the text just before it parses, so the stored text says the parse has run.
        wait.until(b -> subscription.equals(script("return window.localStorage.getItem('graphiql:query')")));
        browser.findElement(By.className("graphiql-execute-button")).click();
        listening(1);

        String id = createTraining("GHA", "KEN", 2022);

        wait.withMessage(() -> "waiting for the event; the result window shows: "
                        + browser.findElements(By.className("result-window")).stream().map(e -> e.getText()).toList())
                .until(b -> b.findElements(By.className("result-window")).stream()
                        .anyMatch(e -> e.getText().contains("\"id\": \"" + id + "\"")));
        String shown = browser.findElement(By.className("result-window")).getText();
        assertTrue(shown.contains("\"operation\": \"CREATED\"") && shown.contains("\"by\": \"alice\""), shown);
    }
}
