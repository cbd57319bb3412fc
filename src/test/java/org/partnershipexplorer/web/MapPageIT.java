package org.partnershipexplorer.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.partnershipexplorer.support.GraphQLClient;
import org.partnershipexplorer.support.TestBrowser;
import org.partnershipexplorer.support.ServiceTest;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/**
 * The map in Debian's headless Chromium, driven by Selenium through the system chromedriver (Selenium Manager is
 * never asked to download anything). Each count the page shows is compared with what the API answers.
 */
// PER_CLASS: one browser for the class, and micronaut-test applies ServiceTest's properties only then
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("The partnership map at /")
class MapPageIT implements ServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

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
        Files.createDirectories(SCREENSHOTS);
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

    private JsonNode network(Map<String, Object> variables) {
        return api().operation("network", variables).data().path("network");
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private long drawnNodes() {
        return ((Number) js("return window.explorer.cy ? window.explorer.cy.nodes().length : -1")).longValue();
    }

    /** Waits until the page has drawn a slice of that many nodes and says it is ready. */
    private void waitForGraph(long nodes) {
        // generous: the machines running the suite are shared and often loaded; the speed is measured elsewhere
        TestBrowser.waiting(browser, WAIT)
                .withMessage(() -> "waiting for " + nodes + " nodes; the page is "
                        + browser.findElement(By.tagName("body")).getAttribute("data-state") + " with " + drawnNodes()
                        + " nodes, status: " + browser.findElement(By.id("status")).getText())
                .until(b -> "ready".equals(b.findElement(By.tagName("body")).getAttribute("data-state"))
                        && drawnNodes() == nodes);
    }

    private void open() {
        browser.get(server.getURI().resolve("/").toString());
    }

    private void screenshot(String name) {
        try {
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    @DisplayName("draws as many nodes as Query.network returns for the whole seed network")
    void drawsTheWholeNetwork() {
        int expected = network(Map.of()).path("nodes").size();
        assertEquals(57, expected);
        open();
        waitForGraph(expected);
        assertEquals(expected, drawnNodes());
        assertEquals("55 countries, 2 organisations, 131 partnerships", browser.findElement(By.id("status")).getText());
        // not asserted (a figure comes from a benchmark, not a timed test); printed for the README's record
        System.out.println("map ready after " + js("return window.explorer.readyMs") + " ms from navigation start");
        screenshot("map-whole");
    }

    /**
     * The view's positions as the server answered them (the page's own copy of Query.network, x and y) and as the
     * map draws them (its own coordinates, zoom and pan apart), read at one instant: the page reloads the network
     * once the analysis year is known, and both must come from the same answer.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Map<String, List<Number>>> positions() {
        return (Map<String, Map<String, List<Number>>>) js("""
                const served = {}, drawn = {};
                window.explorer.state.network.nodes.forEach((n) => { served[n.id] = [n.x, n.y]; });
                window.explorer.cy.nodes().forEach((n) => { drawn[n.id()] = [n.position('x'), n.position('y')]; });
                return { served, drawn };
                """);
    }

    @Test
    @DisplayName("Force-directed draws the server's layout as it is, without running the browser's force layout, "
            + "and comes back to it after Concentric")
    void drawsTheServersLayout() {
        JsonNode nodes = api().query("{ network { nodes { id x y } } }", Map.of()).data().path("network").path("nodes");
        assertEquals(57, nodes.size());
        nodes.forEach(n -> assertTrue(n.path("x").isInt() && n.path("y").isInt(), "the server lays it out: " + n));
        open();
        waitForGraph(57);
        assertEquals("preset", browser.findElement(By.id("cy")).getAttribute("data-layout"),
                "the positions were taken as given: no force layout ran in the browser");
        Map<String, Map<String, List<Number>>> first = positions();
        assertEquals(57, first.get("served").size());
        assertEquals(whole(first.get("served")), whole(first.get("drawn")));
        new Select(browser.findElement(By.id("layout"))).selectByValue("concentric");
        assertEquals("concentric", browser.findElement(By.id("cy")).getAttribute("data-layout"));
        Map<String, Map<String, List<Number>>> concentric = positions();
        assertNotEquals(whole(concentric.get("served")), whole(concentric.get("drawn")), "Concentric moved them");
        new Select(browser.findElement(By.id("layout"))).selectByValue("cose");
        assertEquals("preset", browser.findElement(By.id("cy")).getAttribute("data-layout"));
        Map<String, Map<String, List<Number>>> again = positions();
        assertEquals(whole(again.get("served")), whole(again.get("drawn")),
                "Force-directed is the server's layout again, not a new one");
        screenshot("map-server-layout");
    }

    /** Positions as whole numbers by id, each checked to be whole (the server answers whole pixels). */
    private static Map<String, List<Integer>> whole(Map<String, List<Number>> positions) {
        Map<String, List<Integer>> out = new java.util.TreeMap<>();
        positions.forEach((id, p) -> {
            assertTrue(p.get(0) != null && p.get(1) != null, id + " has no position");
            out.put(id, List.of((int) Math.round(p.get(0).doubleValue()), (int) Math.round(p.get(1).doubleValue())));
        });
        return out;
    }

    @Test
    @DisplayName("unticking Training redraws the donations only, as many nodes as the API returns for them")
    void kindFilterChangesTheCount() {
        open();
        waitForGraph(57);
        int donations = network(Map.of("kinds", List.of("DONATION"))).path("nodes").size();
        assertEquals(7, donations);
        browser.findElement(By.cssSelector("input[name=kinds][value=TRAINING]")).click();
        waitForGraph(donations);
        assertTrue(browser.findElement(By.id("export-graphml")).getAttribute("href").endsWith("?kinds=DONATION"));
        screenshot("map-donations");
    }

    @Test
    @DisplayName("choosing a region and hiding illustrative links gives the API's count for that slice")
    void regionAndConfidence() {
        open();
        waitForGraph(57);
        int expected = network(Map.of("region", "Africa", "confidence", List.of("VERIFIED", "REPORTED", "ESTIMATE")))
                .path("nodes").size();
        new Select(browser.findElement(By.id("region"))).selectByVisibleText("Africa");
        browser.findElement(By.cssSelector("input[name=confidence][value=ILLUSTRATIVE]")).click();
        waitForGraph(expected);
        assertEquals(expected, drawnNodes());
    }

    @Test
    @DisplayName("clicking Kenya opens its panel: name, personnel, partners in with their sources")
    void clickKenya() {
        open();
        waitForGraph(57);
        WebElement canvas = browser.findElement(By.id("cy"));
        @SuppressWarnings("unchecked")
        Map<String, Number> at = (Map<String, Number>) js(
                "return window.explorer.cy.getElementById('KEN').renderedPosition()");
        int dx = (int) Math.round(at.get("x").doubleValue() - canvas.getSize().getWidth() / 2.0);
        int dy = (int) Math.round(at.get("y").doubleValue() - canvas.getSize().getHeight() / 2.0);
        new Actions(browser).moveToElement(canvas, dx, dy).click().perform();
        WebElement panel = browser.findElement(By.id("panel"));
        TestBrowser.waiting(browser, WAIT).until(b -> panel.getText().contains("Personnel"));
        assertEquals("Kenya", panel.findElement(By.tagName("h2")).getText());
        String text = panel.getText();
        assertTrue(text.contains("162 on 2021-01-31"), text);
        // KEN receives 7 partnerships in the seed (trainings from JPN, UN, BGD, IND, USA; donations from KOR, USA)
        assertTrue(text.contains("Receives from (7)"), text);
        assertTrue(text.contains("Gives to (0)"), text);
        List<String> links = panel.findElements(By.cssSelector("a[href]")).stream()
                .map(a -> a.getAttribute("href")).toList();
        assertTrue(links.contains("https://unsoa.unmissions.org/kenya%E2%80%99s-cabinet-secretary-defence-launches-"
                + "trial-training-triangular-partnership-project"), links.toString());
        assertEquals(Boolean.TRUE, js("return window.explorer.cy.getElementById('KEN').selected()"));
        screenshot("map-kenya");
    }

    @Test
    @DisplayName("an actor's panel lists the sources its partnerships cite: title as a link, publisher, one per line")
    void panelListsCitedSources() {
        open();
        waitForGraph(57);
        js("window.explorer.selectActor('ETH')");
        WebElement sources = browser.findElement(By.id("panel-sources"));
        TestBrowser.waiting(browser, WAIT).until(b -> !sources.getText().contains("Loading"));
        List<WebElement> entries = sources.findElements(By.cssSelector("li.source-entry"));
        assertEquals(1, entries.size(), sources.getText());
        assertEquals("Global Peace Operations Initiative (US Africa Command) supports 1 of these partnerships",
                entries.get(0).getText());
        assertEquals("https://www.africom.mil/Img//Small/global-peace-operations-initiative",
                entries.get(0).findElement(By.tagName("a")).getAttribute("href"));
    }

    @Test
    @DisplayName("the footer says what the data covers, from the API's coverage of the loaded data")
    void footerShowsCoverage() {
        open();
        WebElement coverage = browser.findElement(By.id("coverage"));
        TestBrowser.waiting(browser, WAIT).until(b -> !coverage.getText().isEmpty());
        assertEquals("Data loaded without a release: 37 sourced partnerships (33 trainings, 4 donations) from 6 "
                + "providers; 2 sources from 2 publishers.", coverage.getText());
    }

    @Test
    @DisplayName("keyboard only: type in the search box, arrow down, Enter opens the actor's panel")
    void keyboardSearch() {
        open();
        waitForGraph(57);
        WebElement search = browser.findElement(By.id("search"));
        search.sendKeys("kenya");
        TestBrowser.waiting(browser, WAIT).until(b -> b.findElement(By.id("suggestions")).isDisplayed());
        search.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        WebElement panel = browser.findElement(By.id("panel"));
        TestBrowser.waiting(browser, WAIT).until(b -> panel.getText().contains("Receives from"));
        assertEquals("Kenya", panel.findElement(By.tagName("h2")).getText());
    }

    @Test
    @DisplayName("the GraphML button downloads the current slice, with the API's node and edge counts")
    void graphmlOfTheView() throws Exception {
        open();
        waitForGraph(57);
        new Select(browser.findElement(By.id("region"))).selectByVisibleText("Europe");
        JsonNode api = network(Map.of("region", "Europe"));
        // the links follow each slice the page draws
        TestBrowser.waiting(browser, WAIT).until(b -> b.findElement(By.id("export-graphml"))
                .getAttribute("href").endsWith("/export/network.graphml?region=Europe"));
        waitForGraph(api.path("nodes").size());
        String href = browser.findElement(By.id("export-graphml")).getAttribute("href");
        GraphQLClient.Response file = api().getPath(URI.create(href).getRawPath() + "?" + URI.create(href).getRawQuery());
        assertEquals(200, file.status());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(file.raw().body())));
        String ns = "http://graphml.graphdrawing.org/xmlns";
        assertEquals(api.path("nodes").size(), doc.getElementsByTagNameNS(ns, "node").getLength());
        assertEquals(api.path("edges").size(), doc.getElementsByTagNameNS(ns, "edge").getLength());
    }

    @Test
    @DisplayName("the page requests nothing outside the app: every resource it loaded is on the app's origin")
    void requestsNothingOutside() {
        open();
        waitForGraph(57);
        // let the secondary requests (isolated contributors, charts, centrality) finish too
        TestBrowser.waiting(browser, WAIT).until(b -> !browser.findElement(By.id("isolated")).getText()
                .contains("Loading"));
        @SuppressWarnings("unchecked")
        List<String> urls = (List<String>) js(
                "return performance.getEntriesByType('resource').map(e => e.name)");
        String origin = server.getURI().getScheme() + "://" + server.getURI().getHost() + ":" + server.getURI().getPort();
        assertTrue(urls.stream().anyMatch(u -> u.contains("/webjars/cytoscape/")), urls.toString());
        assertTrue(urls.stream().anyMatch(u -> u.endsWith("/graphql")), urls.toString());
        List<String> outside = urls.stream().filter(u -> !u.startsWith(origin + "/")).toList();
        assertEquals(List.of(), outside);
    }

    @Test
    @DisplayName("at tablet width the page fits the screen: no sideways scrolling, the map still drawn")
    void tabletWidth() {
        browser.manage().window().setSize(new Dimension(820, 1180));
        open();
        waitForGraph(57);
        long overflow = ((Number) js("return document.documentElement.scrollWidth - window.innerWidth")).longValue();
        assertTrue(overflow <= 0, "the page is " + overflow + " px wider than the window");
        assertFalse(browser.findElement(By.id("filters-box")).getAttribute("open") != null,
                "filters fold away on a tablet");
        screenshot("map-tablet");
    }
}
