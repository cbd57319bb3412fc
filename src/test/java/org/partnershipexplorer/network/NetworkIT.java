package org.partnershipexplorer.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.partnershipexplorer.support.GraphQLClient;
import org.partnershipexplorer.support.ServiceTest;

/**
 * {@code Query.network} over HTTP against the real seed (graph-seed/): 127 trainings and 4 donations among 57 actors;
 * every expected figure below was counted from the CSV files, not from the service.
 */
// PER_CLASS: micronaut-test applies a TestPropertyProvider (ServiceTest) only to a per-class test instance
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Query.network")
class NetworkIT implements ServiceTest {

    /** A free port: application.yml names 8080, which another test run on the same machine may hold. */
    @Override
    public Map<String, String> extraProperties() {
        return Map.of("micronaut.server.port", "-1");
    }

    @Inject
    EmbeddedServer server;

    private GraphQLClient.Response network(Map<String, Object> variables) {
        return new GraphQLClient(server.getURI()).operation("network", variables);
    }

    private JsonNode slice(Map<String, Object> variables) {
        GraphQLClient.Response response = network(variables);
        assertEquals(200, response.status(), response.raw().body());
        assertTrue(response.errors().isMissingNode(), () -> response.errors().toString());
        return response.data().path("network");
    }

    private static Map<String, Object> vars(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(n -> ids.add(n.path("id").asText()));
        return ids;
    }

    private static JsonNode byId(JsonNode list, String id) {
        return StreamSupport.stream(list.spliterator(), false)
                .filter(n -> n.path("id").asText().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + id + " in " + ids(list)));
    }

    @Test
    @DisplayName("without filters it is the whole partnership network: 57 actors, 131 partnerships, in one statement")
    void wholeNetwork() {
        GraphQLClient.Response response = network(Map.of());
        JsonNode slice = response.data().path("network");
        assertEquals(57, slice.path("nodes").size());
        assertEquals(131, slice.path("edges").size());
        assertEquals(1, response.statements(), "one Cypher statement whatever the size of the slice");
        List<String> nodeIds = ids(slice.path("nodes"));
        assertEquals(nodeIds.stream().sorted().toList(), nodeIds, "nodes in id order, so two reads compare equal");
        assertTrue(nodeIds.contains("UN") && nodeIds.contains("AU"), "organisations are nodes like countries");
        for (JsonNode edge : slice.path("edges")) {
            assertTrue(nodeIds.contains(edge.path("source").asText()), edge.toString());
            assertTrue(nodeIds.contains(edge.path("target").asText()), edge.toString());
            assertFalse(edge.path("confidence").asText().isEmpty());
            assertFalse(edge.path("sourceRef").asText().isEmpty(), "every edge names its source");
        }
    }

    @Test
    @DisplayName("nodes and edges carry stable ids, personnel from the newest UN total, confidence and source")
    void stableIdsAndFacts() {
        JsonNode slice = slice(Map.of());
        JsonNode kenya = byId(slice.path("nodes"), "KEN");
        assertEquals("COUNTRY", kenya.path("kind").asText());
        assertEquals("Kenya", kenya.path("label").asText());
        assertEquals("Africa", kenya.path("region").asText());
        assertEquals("162", kenya.path("personnel").asText());
        assertEquals("2021-01-31", kenya.path("personnelAsOf").asText());
        assertEquals("VERIFIED", kenya.path("confidence").asText());
        // Korea has two totals (528 on 2021-01-31, 569 on 2021-11-22): the newest wins
        JsonNode korea = byId(slice.path("nodes"), "KOR");
        assertEquals("569", korea.path("personnel").asText());
        assertEquals("2021-11-22", korea.path("personnelAsOf").asText());
        JsonNode un = byId(slice.path("nodes"), "UN");
        assertEquals("ORGANIZATION", un.path("kind").asText());
        assertEquals("United Nations", un.path("label").asText());
        assertTrue(un.path("personnel").isNull());

        JsonNode training = byId(slice.path("edges"), "TRAINING:JPN:KEN:2015:TPP");
        assertEquals("JPN", training.path("source").asText());
        assertEquals("KEN", training.path("target").asText());
        assertEquals("TRAINING", training.path("kind").asText());
        assertEquals(2015, training.path("year").asInt());
        assertTrue(training.path("endYear").isNull());
        assertEquals("TPP", training.path("label").asText());
        assertEquals("VERIFIED", training.path("confidence").asText());
        assertEquals("https://unsoa.unmissions.org/kenya%E2%80%99s-cabinet-secretary-defence-launches-trial-training-"
                + "triangular-partnership-project", training.path("sourceRef").asText());
        JsonNode donation = byId(slice.path("edges"), "DONATION:KOR:KEN:2021:500MD helicopters");
        assertEquals("DONATION", donation.path("kind").asText());
        assertEquals("500MD helicopters", donation.path("label").asText());
    }

    @Test
    @DisplayName("kinds: DONATION keeps the 4 donations and their 7 actors")
    void donationsOnly() {
        JsonNode slice = slice(vars("kinds", List.of("DONATION")));
        assertEquals(List.of("AU", "CHN", "JPN", "KEN", "KOR", "UN", "USA"), ids(slice.path("nodes")));
        assertEquals(4, slice.path("edges").size());
        slice.path("edges").forEach(e -> assertEquals("DONATION", e.path("kind").asText()));
    }

    @Test
    @DisplayName("confidence: without estimates and illustrative links, 37 partnerships among 24 actors remain")
    void sourcedOnly() {
        JsonNode slice = slice(vars("confidence", List.of("VERIFIED", "REPORTED")));
        assertEquals(24, slice.path("nodes").size());
        assertEquals(37, slice.path("edges").size());
        slice.path("edges").forEach(e -> assertTrue(e.path("confidence").asText().matches("VERIFIED|REPORTED")));
    }

    @Test
    @DisplayName("kinds, years and region combine: trainings overlapping 2015-2022 that touch Africa are 90 among 33 actors")
    void trainingsInAfrica() {
        JsonNode slice = slice(vars("kinds", List.of("TRAINING"), "years", Map.of("from", 2015, "to", 2022),
                "region", "Africa"));
        assertEquals(33, slice.path("nodes").size());
        assertEquals(90, slice.path("edges").size());
    }

    @Test
    @DisplayName("center and depth: Kenya's partners at one hop are 6, with the 13 partnerships among the 7 of them")
    void neighbourhoodOfKenya() {
        JsonNode slice = slice(vars("center", "KEN", "depth", 1));
        assertEquals(List.of("BGD", "IND", "JPN", "KEN", "KOR", "UN", "USA"), ids(slice.path("nodes")));
        assertEquals(13, slice.path("edges").size());
        JsonNode wider = slice(vars("center", "KEN", "depth", 2));
        assertTrue(wider.path("nodes").size() > 7, "two hops reach further");
    }

    @Test
    @DisplayName("mission and years: who trained those serving in MINUSMA in 2021: Japan trained Guinea and Nepal")
    void minusmaIn2021() {
        JsonNode slice = slice(vars("mission", "MINUSMA", "years", Map.of("from", 2021, "to", 2021)));
        assertEquals(List.of("GIN", "JPN", "NPL"), ids(slice.path("nodes")));
        assertEquals(List.of("TRAINING:JPN:GIN:2021:TPP", "TRAINING:JPN:NPL:2021:TPP"), ids(slice.path("edges")));
    }

    @Test
    @DisplayName("includeMissions adds missions as nodes and yearly contributions as edges: Africa in 2021 is 35 nodes, 41 edges")
    void missionsOnRequest() {
        JsonNode slice = slice(vars("years", Map.of("from", 2021, "to", 2021), "region", "Africa",
                "includeMissions", true));
        assertEquals(35, slice.path("nodes").size());
        assertEquals(41, slice.path("edges").size());
        JsonNode minusca = byId(slice.path("nodes"), "mission:MINUSCA");
        assertEquals("MISSION", minusca.path("kind").asText());
        assertEquals("MINUSCA", minusca.path("label").asText());
        JsonNode burundi = byId(slice.path("edges"), "CONTRIBUTION:BDI:MINUSCA:2021");
        assertEquals("BDI", burundi.path("source").asText());
        assertEquals("mission:MINUSCA", burundi.path("target").asText());
        assertEquals("CONTRIBUTION", burundi.path("kind").asText());
        assertEquals("650", burundi.path("label").asText());
        assertEquals("ESTIMATE", burundi.path("confidence").asText());
        assertTrue(burundi.path("sourceRef").asText().startsWith("Geo-PKO v2.3"));
    }

    @Test
    @DisplayName("an unknown center, mission or region is NOT_FOUND, not an empty slice that hides the typo")
    void unknownNamesAreNotFound() {
        for (Map<String, Object> v : List.of(vars("center", "XXX"), vars("mission", "NOPE"), vars("region", "Atlantis"))) {
            GraphQLClient.Response response = network(v);
            assertEquals("NOT_FOUND", response.errorCode(), response.raw().body());
        }
    }

    @Test
    @DisplayName("a depth outside 1..6 or years backwards are BAD_USER_INPUT naming the argument")
    void badInput() {
        GraphQLClient.Response depth = network(vars("center", "KEN", "depth", 7));
        assertEquals("BAD_USER_INPUT", depth.errorCode());
        assertEquals("depth: must be between 1 and 6, got 7", depth.errors().path(0).path("message").asText());
        GraphQLClient.Response years = network(vars("years", Map.of("from", 2022, "to", 2015)));
        assertEquals("BAD_USER_INPUT", years.errorCode());
        assertTrue(years.errors().path(0).path("message").asText().startsWith("years:"));
    }
}
