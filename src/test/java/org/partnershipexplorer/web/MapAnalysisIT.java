package org.partnershipexplorer.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.partnershipexplorer.support.GraphQLClient;
import org.partnershipexplorer.support.TestBrowser;
import org.partnershipexplorer.support.ServiceTest;

/**
 * The page's analyses (isolated contributors, providers, a country's support need and its history) in headless
 * Chromium: each follows the analysis year and the filters, and shows what the API answers for them.
 */
// PER_CLASS: one browser for the class, and micronaut-test applies ServiceTest's properties only then
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("The page's analyses follow the analysis year and the filters")
class MapAnalysisIT implements ServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final List<String> ALL_CONFIDENCE = List.of("VERIFIED", "REPORTED", "ESTIMATE", "ILLUSTRATIVE");
    private static final List<String> SOURCED = List.of("VERIFIED", "REPORTED", "ESTIMATE");
    private static final List<String> KINDS = List.of("TRAINING", "DONATION");

    /** A free port: application.yml names 8080, which another test run on the same machine may hold. */
    @Override
    public Map<String, String> extraProperties() {
        return Map.of("micronaut.server.port", "-1");
    }

    @Inject
    EmbeddedServer server;

    private ChromeDriver browser;

    @BeforeAll
    void startBrowser() throws IOException {
        browser = TestBrowser.shared(Files.createTempDirectory(Files.createDirectories(Path.of("target", "chromium")),
                "downloads-"));
    }

    @BeforeEach
    void size() {
        browser.manage().window().setSize(new Dimension(1440, 1000));
    }

    private GraphQLClient api() {
        return new GraphQLClient(server.getURI());
    }

    private JsonNode data(String query, Map<String, Object> variables) {
        GraphQLClient.Response response = api().query(query, variables);
        assertTrue(response.errors().isMissingNode() || response.errors().isEmpty(), response.body().toString());
        return response.data();
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private long drawnNodes() {
        return ((Number) js("return window.explorer.cy ? window.explorer.cy.nodes().length : -1")).longValue();
    }

    private void waitForGraph(long nodes) {
        TestBrowser.waiting(browser, WAIT)
                .withMessage(() -> "waiting for " + nodes + " nodes; the page has " + drawnNodes())
                .until(b -> "ready".equals(b.findElement(By.tagName("body")).getAttribute("data-state"))
                        && drawnNodes() == nodes);
    }

    private void waitForText(String id, String expected) {
        // the page re-renders what it says as answers come in: an element read just before its replacement is stale
        TestBrowser.waiting(browser, WAIT)
                .ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "#" + id + " says: " + browser.findElement(By.id(id)).getText())
                .until(b -> expected.equals(b.findElement(By.id(id)).getText()));
    }

    /** Opens the page and waits for the map and for the analysis year to know the data's latest year. */
    private void open() {
        browser.get(server.getURI().resolve("/").toString());
        waitForGraph(57);
        waitForText("analysis-year-value", "2021");
    }

    private List<String> texts(String css) {
        return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    private JsonNode isolated(int year, String region, List<String> confidence) {
        Map<String, Object> variables = new java.util.HashMap<>(Map.of("year", year, "kinds", KINDS,
                "confidence", confidence));
        if (region != null) {
            variables.put("region", region);
        }
        return data("""
                query ($year: Int!, $region: String, $kinds: [PartnershipKind!], $confidence: [Confidence!]) {
                  isolatedContributors(year: $year, region: $region, kinds: $kinds, confidence: $confidence, first: 500) {
                    edges { node { country { id name } reasons { code } } } } }""", variables)
                .path("isolatedContributors").path("edges");
    }

    private static List<String> names(JsonNode edges, int first) {
        List<String> out = new ArrayList<>();
        for (JsonNode edge : edges) {
            if (out.size() < first) {
                out.add(edge.path("node").path("country").path("name").asText());
            }
        }
        return out;
    }

    private static TreeSet<String> withNoSupport(JsonNode edges) {
        TreeSet<String> out = new TreeSet<>();
        for (JsonNode edge : edges) {
            if (StreamSupport.stream(edge.path("node").path("reasons").spliterator(), false)
                    .anyMatch(r -> r.path("code").asText().equals("NO_SUPPORT"))) {
                out.add(edge.path("node").path("country").path("id").asText());
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private TreeSet<String> outlined() {
        return new TreeSet<>((List<String>) js(
                "return window.explorer.cy.nodes('.isolated').map((n) => n.id())"));
    }

    @SuppressWarnings("unchecked")
    private TreeSet<String> drawn() {
        return new TreeSet<>((List<String>) js("return window.explorer.cy.nodes().map((n) => n.id())"));
    }

    @Test
    @DisplayName("the analysis year starts at 2021; moving it moves the network's years and the isolated list, "
            + "until the years are typed by hand")
    void analysisYearDrivesTheNetworkUnlessYearsAreSetByHand() {
        open();
        assertEquals("2021", browser.findElement(By.id("isolated-year")).getText());
        assertEquals("The network shows all years; the analyses use 2019–2021. Moving the analysis year limits the "
                + "network to its window.", browser.findElement(By.id("years-mode")).getText());
        waitForText("isolated-filters", "Window 2019–2021; training and donation; verified, reported, estimates and "
                + "illustrative");
        assertEquals(names(isolated(2021, null, ALL_CONFIDENCE), 25), texts(".isolated-list li button"));

        WebElement slider = browser.findElement(By.id("analysis-year"));
        slider.sendKeys(Keys.ARROW_LEFT);
        int expected = data("query ($years: YearRange) { network(years: $years) { nodes { id } } }",
                Map.of("years", Map.of("from", 2018, "to", 2020))).path("network").path("nodes").size();
        waitForText("isolated-year", "2020");
        waitForGraph(expected);
        assertEquals("2018", browser.findElement(By.id("year-from")).getAttribute("value"));
        assertEquals("2020", browser.findElement(By.id("year-to")).getAttribute("value"));
        assertEquals("Network years follow the analysis year: 2018–2020.",
                browser.findElement(By.id("years-mode")).getText());
        waitForText("isolated-filters", "Window 2018–2020; training and donation; verified, reported, estimates and "
                + "illustrative");
        assertEquals(names(isolated(2020, null, ALL_CONFIDENCE), 25), texts(".isolated-list li button"));

        WebElement from = browser.findElement(By.id("year-from"));
        from.clear();
        from.sendKeys("2015");
        WebElement to = browser.findElement(By.id("year-to"));
        to.clear();
        to.sendKeys("2018", Keys.ENTER);
        slider.sendKeys(Keys.ARROW_RIGHT);
        waitForText("isolated-year", "2021");
        assertEquals("2015", from.getAttribute("value"));
        assertEquals("2018", to.getAttribute("value"));
        assertEquals("Network years set by hand (2015–2018); the analyses use 2019–2021. Follow the analysis year",
                browser.findElement(By.id("years-mode")).getText());
    }

    @Test
    @DisplayName("the isolated list, its red outlines, its legend and its downloads follow region and confidence")
    void isolatedListAndOutlinesFollowRegionAndConfidence() {
        open();
        JsonNode unfiltered = isolated(2021, null, ALL_CONFIDENCE);
        waitForText("isolated-filters", "Window 2019–2021; training and donation; verified, reported, estimates and "
                + "illustrative");
        TreeSet<String> expectedAll = withNoSupport(unfiltered);
        expectedAll.retainAll(drawn());
        TestBrowser.waiting(browser, WAIT).until(b -> outlined().equals(expectedAll));

        new Select(browser.findElement(By.id("region"))).selectByVisibleText("Africa");
        browser.findElement(By.cssSelector("input[name=confidence][value=ILLUSTRATIVE]")).click();
        waitForText("isolated-filters", "Window 2019–2021; training and donation; verified, reported and estimates; "
                + "Africa");
        JsonNode africa = isolated(2021, "Africa", SOURCED);
        assertEquals(names(africa, 25), texts(".isolated-list li button"));
        TreeSet<String> expected = withNoSupport(africa);
        expected.retainAll(drawn());
        assertFalse(expected.isEmpty(), "the fixture has African contributors with no sourced support");
        TestBrowser.waiting(browser, WAIT).withMessage(() -> "outlined " + outlined() + ", expected " + expected)
                .until(b -> outlined().equals(expected));
        assertEquals("Contributor of 2021 with no training or donation received in 2019–2021 (verified, reported and "
                + "estimates)", browser.findElement(By.id("isolated-legend")).getText());
        String base = server.getURI().resolve("/export/").toString();
        assertEquals(base + "isolated.csv?year=2021&region=Africa&kinds=TRAINING,DONATION&confidence=VERIFIED,"
                + "REPORTED,ESTIMATE", browser.findElement(By.id("download-isolated-csv")).getAttribute("href"));
        assertEquals(base + "isolated.json?year=2021&region=Africa&kinds=TRAINING,DONATION&confidence=VERIFIED,"
                + "REPORTED,ESTIMATE", browser.findElement(By.id("download-isolated-json")).getAttribute("href"));
        assertEquals(base + "providers.csv?year=2021&region=Africa&kinds=TRAINING,DONATION&confidence=VERIFIED,"
                + "REPORTED,ESTIMATE", browser.findElement(By.id("download-providers-csv")).getAttribute("href"));
        GraphQLClient.Response csv = api().getPath(
                "/export/isolated.csv?year=2021&region=Africa&kinds=TRAINING,DONATION&confidence=VERIFIED,REPORTED,ESTIMATE");
        assertEquals(200, csv.status(), csv.raw().body());
        assertEquals(africa.size() + 1, csv.raw().body().strip().lines().count());
    }

    @Test
    @DisplayName("the charts offer every pledge as CSV and JSON: the fixture's 28 pledges, one row each")
    void pledgesDownloadFromTheCharts() throws Exception {
        open();
        String base = server.getURI().resolve("/export/").toString();
        assertEquals(base + "pledges.csv", browser.findElement(By.id("download-pledges-csv")).getAttribute("href"));
        assertEquals(base + "pledges.json", browser.findElement(By.id("download-pledges-json")).getAttribute("href"));
        GraphQLClient.Response csv = api().getPath("/export/pledges.csv");
        assertEquals(200, csv.status(), csv.raw().body());
        assertEquals(29, org.apache.commons.csv.CSVFormat.RFC4180.parse(new java.io.StringReader(csv.raw().body()))
                .getRecords().size());
    }

    @Test
    @DisplayName("with Kenya open, typed years and an unticked box refresh its partners, its support need and its "
            + "partners download, and the panel says which filters apply")
    void panelFollowsTheFilters() {
        open();
        js("window.explorer.selectActor('KEN')");
        WebElement panel = browser.findElement(By.id("panel"));
        TestBrowser.waiting(browser, WAIT).until(b -> panel.getText().contains("Receives from (7)"));
        assertEquals("Partners all years; training and donation; verified, reported, estimates and illustrative",
                browser.findElement(By.id("panel-filters")).getText());

        WebElement from = browser.findElement(By.id("year-from"));
        from.sendKeys("2015");
        browser.findElement(By.id("year-to")).sendKeys("2018", Keys.ENTER);
        browser.findElement(By.cssSelector("input[name=confidence][value=ILLUSTRATIVE]")).click();
        waitForText("panel-filters", "Partners 2015–2018; training and donation; verified, reported and estimates");

        JsonNode edges = data("""
                query ($years: YearRange, $confidence: [Confidence!]) {
                  network(years: $years, confidence: $confidence) { edges { source target kind } } }""",
                Map.of("years", Map.of("from", 2015, "to", 2018), "confidence", SOURCED))
                .path("network").path("edges");
        long incoming = StreamSupport.stream(edges.spliterator(), false)
                .filter(e -> e.path("target").asText().equals("KEN") && !e.path("kind").asText().equals("CONTRIBUTION"))
                .count();
        String text = panel.getText();
        assertTrue(text.contains("Receives from (" + incoming + ")"), text);
        assertFalse(text.contains("Receives from (7)"), text);

        double score = data("""
                query ($confidence: [Confidence!]) { country(iso3: "KEN") {
                  supportNeed(year: 2021, kinds: [TRAINING, DONATION], confidence: $confidence) { score } } }""",
                Map.of("confidence", SOURCED)).path("country").path("supportNeed").path("score").asDouble();
        waitForText("panel-support-filters", "Window 2019–2021; training and donation; verified, reported and estimates");
        assertEquals(String.format(Locale.ROOT, "%.2f", score),
                browser.findElement(By.cssSelector("#panel-support .score")).getText());
        assertEquals("Support need in 2021", browser.findElement(By.cssSelector("#panel-support h3")).getText());
        assertEquals(server.getURI().resolve("/export/partners.csv").toString()
                        + "?actor=KEN&from=2015&to=2018&confidence=VERIFIED,REPORTED,ESTIMATE&kinds=TRAINING,DONATION",
                browser.findElement(By.id("download-partners-csv")).getAttribute("href"));
    }

    @Test
    @DisplayName("\"Who carries the load\" lists the API's top 10 providers with their recipients; a click opens one")
    void providersListOpensTheProvider() {
        open();
        JsonNode providers = data("""
                { supportProviders(year: 2021, kinds: [TRAINING, DONATION],
                    confidence: [VERIFIED, REPORTED, ESTIMATE, ILLUSTRATIVE], first: 10) {
                  edges { node { actor { id name } recipients soleRecipients { id } } } } }""", Map.of())
                .path("supportProviders").path("edges");
        List<String> expected = new ArrayList<>();
        for (JsonNode edge : providers) {
            JsonNode node = edge.path("node");
            int recipients = node.path("recipients").asInt();
            expected.add(node.path("actor").path("name").asText() + " " + recipients
                    + (recipients == 1 ? " recipient, " : " recipients, ") + node.path("soleRecipients").size()
                    + " depend on it alone");
        }
        assertFalse(expected.isEmpty());
        TestBrowser.waiting(browser, WAIT).until(b -> texts(".providers-list li").equals(expected));
        assertEquals("2019–2021", browser.findElement(By.id("providers-window")).getText());

        browser.findElement(By.cssSelector(".providers-list li button")).click();
        String first = providers.path(0).path("node").path("actor").path("name").asText();
        TestBrowser.waiting(browser, WAIT).until(b -> first.equals(
                b.findElement(By.cssSelector("#panel h2")).getText()));
    }

    @Test
    @DisplayName("a country's panel charts its support need from 2010 to the analysis year, one bar per year with "
            + "its role and score")
    void countryPanelChartsItsSupportOverTime() {
        open();
        js("window.explorer.selectActor('KEN')");
        JsonNode series = data("""
                { country(iso3: "KEN") { supportSeries(from: 2010, to: 2021, kinds: [TRAINING, DONATION],
                    confidence: [VERIFIED, REPORTED, ESTIMATE, ILLUSTRATIVE]) { year role score providers } } }""",
                Map.of()).path("country").path("supportSeries");
        assertEquals(12, series.size());
        Map<String, String> roles = Map.of("CONTRIBUTOR", "contributor", "PROVIDER", "provider", "OTHER", "neither");
        List<String> expected = new ArrayList<>();
        for (JsonNode p : series) {
            int providers = p.path("providers").asInt();
            expected.add(p.path("year").asInt() + ": " + roles.get(p.path("role").asText()) + ", score "
                    + String.format(Locale.ROOT, "%.2f", p.path("score").asDouble()) + ", " + providers
                    + (providers == 1 ? " provider" : " providers"));
        }
        TestBrowser.waiting(browser, WAIT).until(b -> b.findElements(By.cssSelector("#panel-series rect.point")).size() == 12);
        @SuppressWarnings("unchecked")
        List<String> titles = (List<String>) js("return [...document.querySelectorAll('#panel-series g > title')]"
                + ".map((t) => t.textContent)");
        assertEquals(expected, titles);
        List<String> dataRoles = browser.findElements(By.cssSelector("#panel-series rect.point")).stream()
                .map(r -> r.getAttribute("data-role")).toList();
        assertEquals(StreamSupport.stream(series.spliterator(), false).map(p -> p.path("role").asText()).toList(),
                dataRoles);
    }
}
