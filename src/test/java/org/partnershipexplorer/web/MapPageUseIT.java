package org.partnershipexplorer.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.partnershipexplorer.support.GraphQLClient;
import org.partnershipexplorer.support.ServiceTest;
import org.partnershipexplorer.support.TestBrowser;

/**
 * The map used as a person uses it, in Debian's headless Chromium (as MapPageIT): search by common names,
 * programmes and missions, a phone's screen, what stays selected, sources, layouts, downloads and charts. Files
 * the page downloads land in a folder of their own and are read back.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("The map, used: search, phone, selection, sources, layouts, downloads")
class MapPageUseIT implements ServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    EmbeddedServer server;

    private ChromeDriver browser;
    private Path downloads;

    @BeforeAll
    void startBrowser() throws IOException {
        Path chromium = Files.createDirectories(Path.of("target", "chromium"));
        downloads = Files.createTempDirectory(chromium, "downloads-").toAbsolutePath();
        browser = TestBrowser.shared(downloads);
    }

    @BeforeEach
    void size() {
        browser.manage().window().setSize(new Dimension(1440, 1000));
    }

    private GraphQLClient api() {
        return new GraphQLClient(server.getURI());
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private long number(String script, Object... args) {
        return ((Number) js(script, args)).longValue();
    }

    private double decimal(String script, Object... args) {
        return ((Number) js(script, args)).doubleValue();
    }

    private long drawnActors() {
        return number("return window.explorer.cy ? window.explorer.cy.nodes().not('.group').length : -1");
    }

    private WebDriverWait waiting() {
        return TestBrowser.waiting(browser, WAIT);
    }

    private void waitForGraph(long nodes) {
        waiting().withMessage(() -> "waiting for " + nodes + " nodes; drawn " + drawnActors() + ", status: "
                        + browser.findElement(By.id("status")).getText())
                .until(b -> "ready".equals(b.findElement(By.tagName("body")).getAttribute("data-state"))
                        && drawnActors() == nodes);
    }

    private void open() {
        browser.get(server.getURI().resolve("/").toString());
        waitForGraph(57);
    }

    private WebElement panel() {
        return browser.findElement(By.id("panel"));
    }

    private String panelTitle() {
        List<WebElement> titles = panel().findElements(By.tagName("h2"));
        return titles.isEmpty() ? "" : titles.get(0).getText();
    }

    /** Types into a suggesting box and waits until the suggestions hold {@code id}; returns that option. */
    private WebElement suggestion(String box, String list, String text, String id) {
        WebElement input = browser.findElement(By.id(box));
        input.clear();
        input.sendKeys(text);
        By option = By.cssSelector("#" + list + " [data-id='" + id + "']");
        waiting().withMessage(() -> text + " never suggested " + id).until(b -> !b.findElements(option).isEmpty());
        return browser.findElement(option);
    }

    /**
     * Where {@code id} is drawn, once the view has stopped moving: selecting an actor pans the map to it over 200 ms,
     * and a position read during the pan is where the node no longer is when the click lands.
     */
    private Map<String, Number> at(String id) {
        waiting().until(b -> !(Boolean) js("return window.explorer.cy.animated()"));
        @SuppressWarnings("unchecked")
        Map<String, Number> position = (Map<String, Number>) js(
                "return window.explorer.cy.getElementById(arguments[0]).renderedPosition()", id);
        return position;
    }

    /** Clicks the map at a point given in the graph's rendered coordinates. */
    private void clickMap(double x, double y) {
        WebElement canvas = browser.findElement(By.id("cy"));
        int dx = (int) Math.round(x - canvas.getSize().getWidth() / 2.0);
        int dy = (int) Math.round(y - canvas.getSize().getHeight() / 2.0);
        new Actions(browser).moveToElement(canvas, dx, dy).click().perform();
    }

    private boolean inViewport(WebElement element) {
        return (Boolean) js("const r = arguments[0].getBoundingClientRect();"
                + " return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;", element);
    }

    // ------------------------------------------------------------------------------------------------- search

    @Test
    @DisplayName("\"South Korea\" and Enter opens the Republic of Korea, not South Sudan")
    void commonNameFindsItsCountry() {
        open();
        WebElement first = suggestion("search", "suggestions", "South Korea", "KOR");
        assertEquals("KOR", browser.findElement(By.cssSelector("#suggestions [data-id]")).getAttribute("data-id"));
        assertTrue(first.getText().startsWith("Republic of Korea"), first.getText());
        browser.findElement(By.id("search")).sendKeys(Keys.ENTER);
        waiting().until(b -> panelTitle().equals("Republic of Korea"));
    }

    @Test
    @DisplayName("choosing a programme opens it: its provider, its partnerships and the pages they cite")
    void programmeOpensItsPanel() {
        open();
        JsonNode program = api().query("{ program(code: \"TPP\") { name trainings { trainer { name } } "
                + "donations { donor { name } } sources { id } } }").data().path("program");
        int partnerships = program.path("trainings").size() + program.path("donations").size();
        assertEquals(23, partnerships);
        TreeSet<String> providers = new TreeSet<>();
        program.path("trainings").forEach(t -> providers.add(t.path("trainer").path("name").asText()));
        program.path("donations").forEach(d -> providers.add(d.path("donor").path("name").asText()));
        suggestion("search", "suggestions", "Triangular", "program:TPP").click();
        waiting().until(b -> panel().getText().contains("Partnerships ("));
        assertEquals(program.path("name").asText(), panelTitle());
        String text = panel().getText();
        assertTrue(text.contains("Provider\n" + String.join(", ", providers) + "\n"), text);
        assertTrue(text.contains("Partnerships (" + partnerships + ")"), text);
        assertEquals(partnerships, panel().findElements(
                By.xpath(".//h3[starts-with(., 'Partnerships')]/following-sibling::ul[1]/li")).size());
        assertTrue(text.contains("Sources ("), text);
    }

    @Test
    @DisplayName("choosing a mission filters the map to it and opens its panel, contributors sorted by name")
    void missionOpensItsPanelAndFilters() {
        open();
        suggestion("search", "suggestions", "MINUSMA", "mission:MINUSMA").click();
        waiting().until(b -> panel().getText().contains("Contributors in"));
        assertEquals("MINUSMA", new Select(browser.findElement(By.id("mission"))).getFirstSelectedOption()
                .getAttribute("value"));
        assertTrue(panelTitle().startsWith("MINUSMA: "), panelTitle());
        String heading = panel().findElement(By.tagName("h3")).getText();
        int year = Integer.parseInt(heading.replaceAll("Contributors in (\\d{4}) \\(\\d+\\)", "$1"));
        JsonNode contributors = api().query("query($y: Int!) { mission(acronym: \"MINUSMA\") { contributors(year: $y) "
                + "{ name } } }", Map.of("y", year)).data().path("mission").path("contributors");
        List<String> expected = new ArrayList<>();
        contributors.forEach(c -> expected.add(c.path("name").asText()));
        expected.sort(Comparator.naturalOrder());
        List<String> shown = panel().findElements(By.cssSelector("ul li button")).stream()
                .map(WebElement::getText).toList();
        assertEquals(expected, shown);
        assertEquals("Contributors in " + year + " (" + expected.size() + ")", heading);
    }

    @Test
    @DisplayName("\"Around actor\" takes a name with suggestions; a name that matches nothing keeps the map and says so")
    void aroundActorTakesNames() {
        open();
        int aroundKenya = api().operation("network", Map.of("center", "KEN")).data().path("network")
                .path("nodes").size();
        assertEquals("Kenya", suggestion("center", "center-suggestions", "Ken", "KEN").getText().replace("Country", ""));
        WebElement center = browser.findElement(By.id("center"));
        center.clear();
        center.sendKeys("Kenya");
        center.sendKeys(Keys.ENTER);
        waitForGraph(aroundKenya);
        assertTrue(browser.findElement(By.id("export-graphml")).getAttribute("href").contains("center=KEN"));
        center.clear();
        center.sendKeys("Xyzzy", Keys.ENTER);
        WebElement error = browser.findElement(By.id("filter-error"));
        waiting().until(b -> error.isDisplayed());
        assertEquals("No country or organisation matches \"Xyzzy\" for \"Around actor\"; the map still shows the "
                + "previous view.", error.getText());
        assertEquals(aroundKenya, drawnActors());
    }

    // ------------------------------------------------------------------------------------------------- phone

    @Test
    @DisplayName("on a phone a tap shows the panel on screen, 24 px reach a node, labels are readable or hidden")
    void phone() {
        browser.manage().window().setSize(new Dimension(390, 844));
        open();
        // labels: at least 11 px on screen, or not drawn until the user zooms in
        @SuppressWarnings("unchecked")
        List<Boolean> readable = (List<Boolean>) js("const cy = window.explorer.cy;"
                + " return cy.nodes().not('.group').map(n => n.pstyle('font-size').pfValue * cy.zoom() >= 10.5"
                + " || n.pstyle('min-zoomed-font-size').pfValue > n.pstyle('font-size').pfValue * cy.zoom());");
        assertFalse(readable.contains(false), readable.toString());
        // a node drawn smaller than 24 px is reached 11 px from its centre, where no other node is nearer
        String small = (String) js("const cy = window.explorer.cy; const nodes = cy.nodes().not('.group');"
                + " const ok = nodes.filter(n => { if (n.renderedWidth() >= 22) return false;"
                + "   const p = n.renderedPosition();"
                + "   return nodes.every(o => o === n || Math.hypot(o.renderedPosition().x - p.x - 11,"
                + "     o.renderedPosition().y - p.y) > 11 + o.renderedWidth() / 2 + 14); });"
                + " return ok.length ? ok[0].id() : null;");
        assertTrue(small != null, "no small node stands apart at this size");
        Map<String, Number> p = at(small);
        clickMap(p.get("x").doubleValue() + 11, p.get("y").doubleValue());
        waiting().until(b -> (Boolean) js("return window.explorer.cy.getElementById(arguments[0]).selected()", small));
        // the drawer closes, and the map under it answers again
        browser.findElement(By.cssSelector("#panel .drawer-close")).click();
        waiting().until(b -> !panel().getAttribute("class").contains("drawer"));
        // the panel is on screen after a tap on Kenya
        Map<String, Number> kenya = at("KEN");
        clickMap(kenya.get("x").doubleValue(), kenya.get("y").doubleValue());
        waiting().withMessage(() -> "after a tap on Kenya at " + kenya + " the panel shows '" + panelTitle() + "'")
                .until(b -> panelTitle().equals("Kenya"));
        WebElement title = panel().findElement(By.tagName("h2"));
        waiting().until(b -> inViewport(title));
        assertTrue(inViewport(title));
    }

    // ------------------------------------------------------------------------------------------------- selection

    @Test
    @DisplayName("an actor chosen after another leaves only itself highlighted, none when it is not on the map")
    void selectionFollowsTheChoice() {
        open();
        js("window.explorer.selectActor('ETH')");
        assertEquals(1L, number("return window.explorer.cy.$(':selected').length"));
        assertEquals(Boolean.FALSE, js("return window.explorer.state.nodesById.has('ITA')"));
        WebElement search = browser.findElement(By.id("search"));
        suggestion("search", "suggestions", "Italy", "ITA");
        search.sendKeys(Keys.ENTER);
        waiting().until(b -> panelTitle().equals("Italy"));
        assertEquals(0L, number("return window.explorer.cy.$(':selected').length"));
        assertEquals(0L, number("return window.explorer.cy.$('.faded').length"));
    }

    @Test
    @DisplayName("choosing from a list below the map scrolls to the panel's title")
    void titleScrolledIntoView() {
        open();
        WebElement isolated = browser.findElement(By.id("isolated"));
        waiting().until(b -> !isolated.findElements(By.cssSelector("button")).isEmpty());
        WebElement first = isolated.findElement(By.cssSelector("button"));
        String name = first.getText();
        js("window.scrollTo(0, document.body.scrollHeight)");
        first.click();
        waiting().until(b -> panelTitle().equals(name));
        assertTrue(inViewport(panel().findElement(By.tagName("h2"))), "the title is out of view");
        // and from the panel's own list, scrolled down first
        waiting().until(b -> !browser.findElements(By.cssSelector("#panel-partners li button")).isEmpty());
        js("document.getElementById('panel').scrollTop = 100000; window.scrollTo(0, document.body.scrollHeight)");
        WebElement partner = browser.findElement(By.cssSelector("#panel-partners li button"));
        String partnerName = partner.getText();
        js("arguments[0].click()", partner);
        waiting().until(b -> panelTitle().equals(partnerName));
        assertTrue(inViewport(panel().findElement(By.tagName("h2"))), "the title is out of view");
    }

    // ------------------------------------------------------------------------------------------------- sources

    @Test
    @DisplayName("sources: a citation shown whole with its URL a link, one per line; an IP host named by its page")
    void sourcesWholeAndLinked() {
        open();
        js("window.explorer.selectActor('KEN')");
        WebElement partners = browser.findElement(By.id("panel-partners"));
        waiting().until(b -> partners.getText().contains("Receives from"));
        JsonNode edges = api().operation("network", Map.of()).data().path("network").path("edges");
        String citation = null;
        for (JsonNode e : edges) {
            if (e.path("source").asText().equals("IND") && e.path("target").asText().equals("KEN")
                    && e.path("year").asInt() == 2018 && e.path("sourceRef").asText().startsWith("ILLUSTRATIVE")) {
                citation = e.path("sourceRef").asText();
            }
        }
        assertTrue(citation != null && citation.contains("(http://www.indiawest.com/"), String.valueOf(citation));
        String whole = citation;
        WebElement line = partners.findElements(By.cssSelector("li.src")).stream()
                .filter(li -> li.getText().startsWith("ILLUSTRATIVE - this pair is NOT sourced. Motivating aggregate: "
                        + "the 2018 course")).findFirst().orElseThrow();
        String url = line.findElement(By.tagName("a")).getAttribute("href");
        assertTrue(whole.contains(url), url);
        assertEquals(whole.replace("http://", ""), line.getText());
        // the KOR donation cites three pages: three lines
        WebElement donation = partners.findElements(By.cssSelector("ul.src-list")).stream()
                .filter(list -> list.getText().contains("cm.asiae.co.kr")).findFirst().orElseThrow();
        assertEquals(3, donation.findElements(By.cssSelector("li.src")).size());
        // Japan's donation to the UN cites a page on a bare IP address: the link says the page's title
        js("window.explorer.selectActor('JPN')");
        waiting().until(b -> !b.findElement(By.id("panel-sources")).getText().contains("Loading"));
        List<String> texts = browser.findElements(By.cssSelector("#panel a.src-link")).stream()
                .filter(a -> a.getAttribute("href").startsWith("http://139.162.250.215/"))
                .map(WebElement::getText).distinct().toList();
        assertEquals(List.of("Japanese instructors to equip UPDF with engineering skills (The Independent (Uganda), "
                + "2019-08)"), texts);
    }

    @Test
    @DisplayName("reasons of a support need are labelled as points of the score, not as shares")
    void reasonsInPoints() {
        open();
        js("window.explorer.selectActor('ETH')");
        WebElement need = browser.findElement(By.id("panel-support"));
        waiting().until(b -> !need.getText().contains("Loading"));
        // the panel's need is that of the analysis year (2021, the fixture's latest UN totals) under the page's
        // confidence boxes, all ticked at first
        JsonNode supportNeed = api().query("{ country(iso3: \"ETH\") { supportNeed(year: 2021, confidence: [VERIFIED,"
                + " REPORTED, ESTIMATE, ILLUSTRATIVE]) { score reasons { weight } } } }")
                .data().path("country").path("supportNeed");
        String score = String.format("%.2f", supportNeed.path("score").asDouble());
        String weight = String.format("%.2f", supportNeed.path("reasons").path(0).path("weight").asDouble());
        String text = need.findElement(By.cssSelector("li")).getText();
        assertTrue(text.endsWith("(+" + weight + " of the " + score + " points)"), text);
        assertFalse(need.getText().contains("% of the score"), need.getText());
    }

    // ------------------------------------------------------------------------------------------------- layouts

    @Test
    @DisplayName("\"Grouped by region\" draws labelled groups with no node on another")
    void groupedByRegion() {
        open();
        new Select(browser.findElement(By.id("layout"))).selectByValue("region");
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) js("return window.explorer.cy.nodes('.group').map(g => g.data('label')).sort()");
        assertEquals(List.of("Africa", "Americas", "Asia", "Europe", "Organisations"), labels);
        long overlaps = number("const n = window.explorer.cy.nodes().not('.group'); let c = 0;"
                + " for (let i = 0; i < n.length; i++) for (let j = i + 1; j < n.length; j++) {"
                + "   const a = n[i].boundingBox({ includeLabels: false }), b = n[j].boundingBox({ includeLabels: false });"
                + "   if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) c++; }"
                + " return c;");
        assertEquals(0, overlaps);
        assertEquals(57, drawnActors());
    }

    @Test
    @DisplayName("\"Concentric\" fits the view: every node on screen at a zoom of at least 0.5")
    void concentricFits() {
        open();
        new Select(browser.findElement(By.id("layout"))).selectByValue("concentric");
        double zoom = decimal("return window.explorer.cy.zoom()");
        System.out.println("concentric opens at zoom " + zoom);
        assertTrue(zoom >= 0.5, "zoom " + zoom);
        assertEquals(Boolean.TRUE, js("const cy = window.explorer.cy, e = cy.extent(), b = cy.nodes().boundingBox();"
                + " return b.x1 >= e.x1 - 1 && b.x2 <= e.x2 + 1 && b.y1 >= e.y1 - 1 && b.y2 <= e.y2 + 1;"));
    }

    // ------------------------------------------------------------------------------------------------- small things

    @Test
    @DisplayName("suggestions that come after the box has lost focus stay closed and take no click meant for another"
            + " control")
    void lateSuggestionsStayClosed() {
        open();
        // every request now takes 300 ms more: the lookup answers well after the focus has moved on
        browser.setNetworkConditions(ChromiumNetworkConditions.withLatency(Duration.ofMillis(300)));
        try {
            browser.findElement(By.id("center")).sendKeys("Ken");
            browser.findElement(By.id("depth")).click();
            By kenya = By.cssSelector("#center-suggestions [data-id='KEN']");
            waiting().withMessage(() -> "the lookup of Ken never answered")
                    .until(b -> !b.findElements(kenya).isEmpty());

            assertFalse(browser.findElement(By.id("center-suggestions")).isDisplayed());
            assertEquals("false", browser.findElement(By.id("center")).getAttribute("aria-expanded"));
        } finally {
            browser.deleteNetworkConditions();
        }
    }

    @Test
    @DisplayName("counts of one are singular: 1 organisation")
    void singular() {
        open();
        WebElement center = browser.findElement(By.id("center"));
        center.sendKeys("KEN");
        browser.findElement(By.id("depth")).clear();
        browser.findElement(By.id("depth")).sendKeys("1", Keys.ENTER);
        Map<String, Object> variables = new HashMap<>(Map.of("center", "KEN", "depth", 1));
        JsonNode network = api().operation("network", variables).data().path("network");
        waitForGraph(network.path("nodes").size());
        String status = browser.findElement(By.id("status")).getText();
        assertEquals("6 countries, 1 organisation, 13 partnerships", status);
    }

    @Test
    @DisplayName("an empty view cannot be saved as a PNG, and the page says why")
    void emptyViewHasNoPng() {
        open();
        assertTrue(browser.findElement(By.id("export-png")).isEnabled());
        browser.findElement(By.id("year-from")).sendKeys("1950");
        browser.findElement(By.id("year-to")).sendKeys("1950", Keys.ENTER);
        waitForGraph(0);
        assertFalse(browser.findElement(By.id("export-png")).isEnabled());
        assertEquals("No PNG: nothing is drawn in this view.", browser.findElement(By.id("export-note")).getText());
    }

    @Test
    @DisplayName("downloads are named after the view and the day; the PNG has a legend under the network")
    void downloadsNamedWithLegend() throws Exception {
        open();
        String day = LocalDate.now(ZoneOffset.UTC).toString();
        // the network as drawn once the page has painted it and its fonts are in: a picture taken the moment the
        // page said ready was once 2 pixels narrower than the export made a moment later (CI, a busy machine)
        // and once the isolated contributors are in: their red outline (4 px against 1) widens the drawing when one
        // stands at its edge, and the answer may come after the paint (2 pixels narrower again, a busy machine)
        waiting().withMessage("the first load never painted").until(b -> Boolean.TRUE.equals(js(
                "return document.fonts.status === 'loaded'"
                        + " && performance.getEntriesByName('network paint', 'measure').length > 0"
                        + " && document.getElementById('isolated-summary') !== null")));
        String graph = (String) js("return window.explorer.cy.png({ output: 'base64uri', full: true, scale: 2 })");
        BufferedImage network = ImageIO.read(new ByteArrayInputStream(
                Base64.getDecoder().decode(graph.substring(graph.indexOf(',') + 1))));
        browser.findElement(By.id("export-png")).click();
        Path png = downloads.resolve("partnerships-all-" + day + ".png");
        waiting().withMessage(() -> "no " + png + " among " + listing()).until(b -> Files.exists(png) && size(png) > 0);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(network.getWidth(), image.getWidth());
        assertTrue(image.getHeight() > network.getHeight(), image.getHeight() + " <= " + network.getHeight());
        // the legend's Africa dot and donation line, in the map's colours, below the network
        assertTrue(hasColour(image, network.getHeight(), 0xE69F00), "no Africa swatch in the legend");
        assertTrue(hasColour(image, network.getHeight(), 0xD55E00), "no donation swatch in the legend");
        new Select(browser.findElement(By.id("region"))).selectByVisibleText("Europe");
        waiting().until(b -> b.findElement(By.id("export-graphml")).getAttribute("href").endsWith("?region=Europe"));
        browser.findElement(By.id("export-graphml")).click();
        Path graphml = downloads.resolve("partnerships-europe-" + day + ".graphml");
        waiting().withMessage(() -> "no " + graphml + " among " + listing())
                .until(b -> Files.exists(graphml) && size(graphml) > 0);
    }

    @Test
    @DisplayName("the year chart has a row for every year, 2020 empty, donations in the map's orange")
    void yearChart() {
        open();
        WebElement chart = browser.findElement(By.id("chart-years"));
        @SuppressWarnings("unchecked")
        List<String> years = (List<String>) js("return [...arguments[0].querySelectorAll('g > text:first-of-type')]"
                + ".map(t => t.textContent)", chart);
        assertEquals(List.of("2015", "2016", "2017", "2018", "2019", "2020", "2021", "2022"), years);
        String chartColour = (String) js("return getComputedStyle(arguments[0].querySelector('rect.donation')).fill",
                chart);
        String mapColour = (String) js("return window.explorer.cy.edges('[kind = \"DONATION\"]')[0].style('line-color')");
        assertEquals("rgb(213, 94, 0)", chartColour);
        assertEquals("rgb(213,94,0)", mapColour);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private String listing() {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.map(f -> f.getFileName() + " " + size(f)).toList().toString();
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static boolean hasColour(BufferedImage image, int fromRow, int rgb) {
        for (int y = fromRow; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    return true;
                }
            }
        }
        return false;
    }
}
