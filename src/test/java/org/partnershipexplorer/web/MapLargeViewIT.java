package org.partnershipexplorer.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.partnershipexplorer.bench.SeedScaler;
import org.partnershipexplorer.support.FrozenSeed;
import org.partnershipexplorer.support.GraphQLClient;
import org.partnershipexplorer.support.TestBrowser;
import org.partnershipexplorer.support.TestNeo4j;

/**
 * The map over a graph too large to draw node by node: the frozen seed at SCALE times its size (SeedScaler), loaded
 * into the database the test JVM keeps, emptied of data ({@link TestNeo4j#cleared()}). Its whole network holds more actors than the page lays out one by one (MAX_DRAWN_NODES in
 * map.js); the page must group them, say what the view holds, and stay usable, never lay out every node.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("The map over a view of more actors than it draws one by one")
class MapLargeViewIT {

    /** Copies of the frozen seed: its 57-actor network becomes several hundred actors. */
    static final int SCALE = 8;
    /** The page's limit, MAX_DRAWN_NODES in map.js. */
    static final int MAX_DRAWN_NODES = 250;
    static final List<String> GROUPS = List.of("Africa", "Americas", "Asia", "Europe", "Oceania", "Other",
            "Organisations", "Missions");

    private static final Duration WAIT = Duration.ofSeconds(90);

    private TestNeo4j.Instance neo4j;
    private EmbeddedServer server;
    private ChromeDriver browser;
    /** The whole network as the API answers it, each actor's group, and the groups' members. */
    private JsonNode whole;
    private final Map<String, TreeSet<String>> members = new TreeMap<>();

    @BeforeAll
    void start() throws IOException {
        Path seed = Files.createDirectories(Path.of("target", "large-view")).resolve("seed-x" + SCALE);
        SeedScaler.generate(FrozenSeed.directory(), seed, SCALE);
        // The network is drawn from the partnerships alone: the facts it does not read are left out (headers kept),
        // which saves most of the load (contributions alone are 24,000 rows at 8x).
        for (String unread : List.of("contributions.csv", "deployments.csv", "memberships.csv", "pledges.csv",
                "attendance.csv")) {
            Path file = seed.resolve(unread);
            Files.writeString(file, Files.readAllLines(file).get(0) + "\r\n");
        }
        neo4j = TestNeo4j.cleared();
        Map<String, Object> properties = new HashMap<>(neo4j.properties());
        properties.put("explorer.seed.mode", "if-empty");
        properties.put("explorer.seed.dir", seed.toAbsolutePath().toString());
        properties.put("explorer.seed.illustrative", "true");
        properties.put("micronaut.server.port", -1);
        properties.put("micronaut.server.host", "127.0.0.1");
        // an empty database, on a shared machine: under a load average of 30 the schema's creation ran past
        // the default 10 s and the class never started
        properties.put("explorer.limits.query-timeout", "120s");
        properties.put("explorer.neo4j.timeout", "60s");
        server = ApplicationContext.run(EmbeddedServer.class, properties);
        whole = api().operation("network", Map.of()).data().path("network");
        for (JsonNode n : whole.path("nodes")) {
            members.computeIfAbsent(groupOf(n), k -> new TreeSet<>()).add(n.path("id").asText());
        }

        browser = TestBrowser.shared(Files.createTempDirectory(Files.createDirectories(Path.of("target", "chromium")),
                "downloads-"));
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (neo4j != null) {
            neo4j.close();
        }
    }

    @BeforeEach
    void size() {
        browser.manage().window().setSize(new Dimension(1440, 1000));
    }

    /** The page's grouping: a country by its region, else by kind. */
    private static String groupOf(JsonNode node) {
        return switch (node.path("kind").asText()) {
            case "COUNTRY" -> node.path("region").isTextual() ? node.path("region").asText() : "Other";
            case "MISSION" -> "Missions";
            default -> "Organisations";
        };
    }

    private GraphQLClient api() {
        return new GraphQLClient(server.getURI());
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private long drawnNodes() {
        return ((Number) js("return window.explorer.cy ? window.explorer.cy.nodes().length : -1")).longValue();
    }

    @SuppressWarnings("unchecked")
    private List<String> drawnIds() {
        return new ArrayList<>((List<String>) js("return window.explorer.cy.nodes().map(n => n.id()).sort()"));
    }

    private String cy(String attribute) {
        return browser.findElement(By.id("cy")).getAttribute(attribute);
    }

    /** Waits until the page is ready and draws that many nodes. */
    private void waitForDrawn(long nodes) {
        TestBrowser.waiting(browser, WAIT)
                .withMessage(() -> "waiting for " + nodes + " nodes drawn; the page is "
                        + browser.findElement(By.tagName("body")).getAttribute("data-state") + " with " + drawnNodes()
                        + " nodes, grouped: " + cy("data-clustered"))
                .until(b -> "ready".equals(b.findElement(By.tagName("body")).getAttribute("data-state"))
                        && drawnNodes() == nodes);
    }

    private void open() {
        browser.get(server.getURI().resolve("/").toString());
    }

    /** The groups in the page's order. */
    private List<String> groups() {
        return GROUPS.stream().filter(members::containsKey).toList();
    }

    @Test
    @DisplayName("the whole network, over the limit, is drawn as one circle per group with the counts it holds")
    void groupsAViewOverTheLimit() {
        int nodes = whole.path("nodes").size();
        int edges = whole.path("edges").size();
        assertEquals(444, nodes);
        assertEquals(1048, edges);
        open();
        waitForDrawn(groups().size());
        assertEquals("true", cy("data-clustered"));
        assertEquals(String.valueOf(nodes), cy("data-view-nodes"));
        assertEquals(String.valueOf(edges), cy("data-view-edges"));
        assertEquals(groups().stream().map(g -> "cluster:" + g).sorted().toList(), drawnIds());
        assertEquals("This view holds 444 actors and 1,048 lines: more than the map draws one by one (250 actors, "
                + "2,000 lines). They are grouped by region; open a group, or narrow the filters: years, region, "
                + "kind, confidence, or around an actor.", browser.findElement(By.id("view-size-text")).getText());
        // each circle says how many actors it stands for, as the API's answer counts them
        for (String group : groups()) {
            long count = ((Number) js("return window.explorer.cy.getElementById('cluster:" + group
                    + "').data('count')")).longValue();
            assertEquals(members.get(group).size(), count, group);
        }
    }

    @Test
    @DisplayName("opening a group draws its actors one by one beside the other groups; grouping it again undoes it")
    void opensAndClosesAGroup() {
        open();
        waitForDrawn(groups().size());
        String europe = "Europe";
        int inEurope = members.get(europe).size();
        assertEquals(48, inEurope);
        browser.findElement(By.cssSelector("#view-size button[data-cluster='Europe']")).click();
        waitForDrawn(groups().size() - 1 + inEurope);
        List<String> drawn = drawnIds();
        assertTrue(drawn.containsAll(members.get(europe)), drawn.toString());
        assertTrue(!drawn.contains("cluster:Europe"));
        assertEquals("Group Europe again",
                browser.findElement(By.cssSelector("#view-size button[data-cluster='Europe']")).getText());
        browser.findElement(By.cssSelector("#view-size button[data-cluster='Europe']")).click();
        waitForDrawn(groups().size());
    }

    @Test
    @DisplayName("a group that would take the map over the limit says how many it would draw and which filters narrow"
            + " it, and draws nothing more")
    void refusesAGroupOverTheLimit() {
        open();
        waitForDrawn(groups().size());
        int inAfrica = members.get("Africa").size();
        int inEurope = members.get("Europe").size();
        assertEquals(221, inAfrica);
        // Europe open, Africa's 221 actors would take the map over 250
        browser.findElement(By.cssSelector("#view-size button[data-cluster='Europe']")).click();
        waitForDrawn(groups().size() - 1 + inEurope);
        int wouldDraw = groups().size() - 2 + inEurope + inAfrica;
        assertTrue(wouldDraw > MAX_DRAWN_NODES);
        browser.findElement(By.cssSelector("#view-size button[data-cluster='Africa']")).click();
        TestBrowser.waiting(browser, WAIT).until(b -> !b.findElements(By.id("view-size-refused")).isEmpty());
        assertEquals("Africa holds 221 actors: opened, the map would draw " + wouldDraw + " nodes, more than 250. "
                + "Narrow the filters (choose Africa under Region, fewer years, one kind, or an actor).",
                browser.findElement(By.id("view-size-refused")).getText());
        assertEquals(groups().size() - 1 + inEurope, drawnNodes());
    }

    @Test
    @DisplayName("narrowed to an actor's neighbourhood, the view fits again and is drawn node by node")
    void narrowedViewIsDrawnNodeByNode() {
        open();
        waitForDrawn(groups().size());
        int around = api().operation("network", Map.of("center", "KEN", "depth", 1)).data().path("network")
                .path("nodes").size();
        assertTrue(around > 1 && around <= MAX_DRAWN_NODES, String.valueOf(around));
        browser.findElement(By.id("center")).sendKeys("KEN");
        browser.findElement(By.id("depth")).clear();
        browser.findElement(By.id("depth")).sendKeys("1");
        browser.findElement(By.cssSelector("#filters button[type=submit]")).click();
        waitForDrawn(around);
        assertNull(cy("data-clustered"));
        assertTrue(!browser.findElement(By.id("view-size")).isDisplayed());
    }

    @Test
    @DisplayName("a region chosen under Region that still exceeds the limit is grouped again, not frozen")
    void regionFilterStillOverTheLimitIsGrouped() {
        open();
        waitForDrawn(groups().size());
        JsonNode africa = api().operation("network", Map.of("region", "Africa")).data().path("network");
        TreeSet<String> groupsInAfrica = new TreeSet<>();
        africa.path("nodes").forEach(n -> groupsInAfrica.add(groupOf(n)));
        new Select(browser.findElement(By.id("region"))).selectByVisibleText("Africa");
        TestBrowser.waiting(browser, WAIT).until(b -> String.valueOf(africa.path("nodes").size())
                .equals(cy("data-view-nodes")));
        waitForDrawn(groupsInAfrica.size());
        assertEquals("true", cy("data-clustered"));
    }
}
