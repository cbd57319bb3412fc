package org.partnershipexplorer.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.partnershipexplorer.support.GraphQLClient;
import org.partnershipexplorer.support.ServiceTest;

@MicronautTest
// TestPropertyProvider (ServiceTest) is only read from a test instance that exists before the context starts
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("search over the full-text index, over HTTP on the real seed")
class SearchIT implements ServiceTest {

    @Inject
    EmbeddedServer server;

    GraphQLClient client() {
        return new GraphQLClient(server.getURI());
    }

    private static String key(JsonNode node) {
        return switch (node.path("__typename").asText()) {
            case "Country" -> node.path("iso3").asText();
            case "Mission" -> node.path("acronym").asText();
            default -> node.path("code").asText();
        };
    }

    @Test
    @DisplayName("a typo is tolerated: \"Kenia\" finds Kenya first")
    void kenia() {
        var response = client().operation("search", Map.of("text", "Kenia"));
        assertTrue(response.errors().isMissingNode(), response.body().toString());
        JsonNode first = response.data().path("search").path("edges").path(0);
        assertEquals("Country", first.path("node").path("__typename").asText());
        assertEquals("KEN", first.path("node").path("iso3").asText());
        assertEquals("Kenya", first.path("node").path("name").asText());
        assertTrue(first.path("score").asDouble() > 0);
    }

    @Test
    @DisplayName("keys and names of every kind: KEN, MINUSMA, the Triangular programme, the African Union")
    void everyKind() {
        String[][] cases = {
            {"KEN", "Country", "KEN"},
            {"minusma", "Mission", "MINUSMA"},
            {"Triangular Partnership", "Program", "TPP"},
            {"African Union", "Organization", "AU"},
        };
        for (String[] c : cases) {
            JsonNode first = client().operation("search", Map.of("text", c[0]))
                    .data().path("search").path("edges").path(0).path("node");
            assertEquals(c[1], first.path("__typename").asText(), c[0]);
            assertEquals(c[2], key(first), c[0]);
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"South Korea=KOR", "Ivory Coast=CIV", "Côte d'Ivoire=CIV", "DRC=COD", "UK=GBR",
        "US=USA", "Britain=GBR", "Holland=NLD", "Kenya=KEN", "ken=KEN", "ELSIE=ELSIE"})
    @DisplayName("a common name, a short form, an exact name or key, or the start of a name finds its actor first")
    void commonNamesFindTheirActorFirst(String textAndKey) {
        String[] parts = textAndKey.split("=");
        JsonNode edges = client().operation("search", Map.of("text", parts[0]))
                .data().path("search").path("edges");
        assertEquals(parts[1], key(edges.path(0).path("node")), parts[0] + " -> " + edges);
        // the raised score still orders the list
        for (int i = 1; i < edges.size(); i++) {
            assertTrue(edges.path(i).path("score").asDouble() <= edges.path(i - 1).path("score").asDouble());
        }
    }

    @Test
    @DisplayName("results are ranked best first and page by opaque offsets without repeats")
    void rankedAndPaged() {
        var all = client().operation("search", Map.of("text", "Republic", "first", 100));
        JsonNode edges = all.data().path("search").path("edges");
        int total = all.data().path("search").path("totalCount").asInt();
        assertTrue(total > 6, "several countries are named Republic of ...");
        assertEquals(total, edges.size());
        double previous = Double.MAX_VALUE;
        for (JsonNode e : edges) {
            assertTrue(e.path("score").asDouble() <= previous);
            previous = e.path("score").asDouble();
        }
        List<String> paged = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> variables = new HashMap<>();
            variables.put("text", "Republic");
            variables.put("first", 3);
            variables.put("after", after);
            JsonNode page = client().operation("search", variables).data().path("search");
            page.path("edges").forEach(e -> paged.add(key(e.path("node"))));
            after = page.path("pageInfo").path("hasNextPage").asBoolean()
                    ? page.path("pageInfo").path("endCursor").asText() : null;
        } while (after != null);
        List<String> once = new ArrayList<>();
        edges.forEach(e -> once.add(key(e.path("node"))));
        assertEquals(once, paged);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"(", "\"", "KEN~~", "*", "\\", "OR", "' MATCH (n) DETACH DELETE n //", "AND NOT", "a:b",
        "[1 TO 5]", "{!}", "&&||", "?", "/regex/", "name:Kenya^99", "", "   "})
    @DisplayName("hostile or empty text gives results or an empty list, never an error")
    void hostileText(String text) {
        var response = client().operation("search", Map.of("text", text));
        assertEquals(200, response.status());
        assertTrue(response.errors().isMissingNode(), text + " -> " + response.body());
        JsonNode search = response.data().path("search");
        assertEquals(search.path("edges").size() > 0, search.path("totalCount").asInt() > 0);
    }

    @Test
    @DisplayName("the graph is untouched by a Cypher-looking search: Kenya is still there")
    void cypherInTextDoesNothing() {
        client().operation("search", Map.of("text", "' MATCH (n) DETACH DELETE n //"));
        assertEquals("KEN", client().operation("search", Map.of("text", "Kenya"))
                .data().path("search").path("edges").path(0).path("node").path("iso3").asText());
    }

    @Test
    @DisplayName("a forged cursor and a text over 200 characters are BAD_USER_INPUT")
    void badInput() {
        assertEquals("BAD_USER_INPUT", client().operation("search", Map.of("text", "Kenya", "after", "nope"))
                .errorCode());
        assertEquals("BAD_USER_INPUT", client().operation("search", Map.of("text", "k".repeat(201))).errorCode());
    }
}
