package org.partnershipexplorer.partnership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.partnershipexplorer.support.GraphQLClient;
import org.partnershipexplorer.support.ServiceTest;

@MicronautTest
// TestPropertyProvider (ServiceTest) is only read from a test instance that exists before the context starts
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("trainingChains and path, over HTTP on the real seed")
class PathsIT implements ServiceTest {

    @Inject
    EmbeddedServer server;

    GraphQLClient client() {
        return new GraphQLClient(server.getURI());
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(n -> ids.add(n.path("id").asText()));
        return ids;
    }

    @Test
    @DisplayName("Japan's verified training chains: 7 direct trainings (Uganda twice), none of its trainees trains on")
    void japanVerifiedChains() {
        var response = client().operation("trainingChains",
                Map.of("from", "JPN", "maxDepth", 3, "confidence", List.of("VERIFIED")));
        assertTrue(response.errors().isMissingNode(), response.body().toString());
        JsonNode chains = response.data().path("trainingChains");
        assertEquals("Japan", chains.path("root").path("name").asText());
        assertFalse(chains.path("truncated").asBoolean());
        JsonNode paths = chains.path("paths");
        assertEquals(7, paths.size());
        List<String> ends = new ArrayList<>();
        paths.forEach(p -> {
            assertEquals(1, p.path("length").asInt());
            assertEquals("JPN", p.path("actors").path(0).path("id").asText());
            assertEquals("VERIFIED", p.path("edges").path(0).path("confidence").asText());
            ends.add(p.path("actors").path(1).path("id").asText());
        });
        assertEquals(List.of("IDN", "KEN", "RWA", "TZA", "UGA", "UGA", "VNM"), ends);
        JsonNode reached = chains.path("reached");
        assertEquals(6, reached.size());
        reached.forEach(r -> assertEquals(1, r.path("depth").asInt()));
    }

    @Test
    @DisplayName("all of Japan's chains to depth 2: 18 direct and 77 second-hand, 52 actors reached; depth 6 adds none")
    void japanChainsAllConfidences() {
        for (int depth : new int[] {2, 6}) {
            var response = client().operation("trainingChains", Map.of("from", "JPN", "maxDepth", depth));
            JsonNode chains = response.data().path("trainingChains");
            JsonNode paths = chains.path("paths");
            assertEquals(95, paths.size(), "depth " + depth);
            long direct = 0;
            int previous = 0;
            for (JsonNode p : paths) {
                int length = p.path("length").asInt();
                assertTrue(length >= previous, "shortest first");
                previous = length;
                direct += length == 1 ? 1 : 0;
                List<String> actors = ids(p.path("actors"));
                assertEquals(actors.size(), new HashSet<>(actors).size(), "a simple path: " + actors);
                JsonNode edges = p.path("edges");
                for (int i = 0; i < edges.size(); i++) {
                    assertEquals(actors.get(i), edges.path(i).path("provider").path("id").asText());
                    assertEquals(actors.get(i + 1), edges.path(i).path("recipient").path("id").asText());
                }
            }
            assertEquals(18, direct);
            assertEquals(52, chains.path("reached").size());
        }
    }

    @Test
    @DisplayName("maxDepth 0 and 7 are BAD_USER_INPUT; an unknown root is NOT_FOUND")
    void chainLimits() {
        for (int depth : new int[] {0, 7}) {
            var response = client().operation("trainingChains", Map.of("from", "JPN", "maxDepth", depth));
            assertEquals("BAD_USER_INPUT", response.errorCode());
            assertEquals("maxDepth: must be between 1 and 6, got " + depth,
                    response.errors().path(0).path("message").asText());
        }
        assertEquals("NOT_FOUND", client().operation("trainingChains", Map.of("from", "ZZZ")).errorCode());
    }

    @Test
    @DisplayName("Korea and Kenya are one edge apart: the helicopter donation")
    void koreaToKenya() {
        var response = client().operation("partnershipPath", Map.of("from", "KOR", "to", "KEN"));
        assertTrue(response.errors().isMissingNode(), response.body().toString());
        JsonNode result = response.data().path("path");
        assertFalse(result.path("truncated").asBoolean());
        assertEquals(1, result.path("paths").size());
        JsonNode path = result.path("paths").path(0);
        assertEquals(1, path.path("length").asInt());
        assertEquals(List.of("KOR", "KEN"), ids(path.path("actors")));
        JsonNode edge = path.path("edges").path(0);
        assertEquals("DONATION:KOR:KEN:2021:500MD helicopters", edge.path("id").asText());
        assertEquals(16, edge.path("quantity").asInt());
        assertEquals("VERIFIED", edge.path("confidence").asText());
    }

    @Test
    @DisplayName("Kenya to Rwanda over verified trainings: two paths of length 2, through Japan and through the UN")
    void kenyaToRwandaThroughTrainers() {
        var response = client().operation("partnershipPath", Map.of("from", "KEN", "to", "RWA",
                "kinds", List.of("TRAINING"), "confidence", List.of("VERIFIED")));
        JsonNode paths = response.data().path("path").path("paths");
        assertEquals(2, paths.size());
        Set<String> middles = new HashSet<>();
        paths.forEach(p -> {
            assertEquals(2, p.path("length").asInt());
            middles.add(p.path("actors").path(1).path("id").asText());
            // each edge keeps its own direction: the trainer provides to both ends
            assertEquals(p.path("actors").path(1).path("id").asText(),
                    p.path("edges").path(0).path("provider").path("id").asText());
            assertEquals("KEN", p.path("edges").path(0).path("recipient").path("id").asText());
            assertEquals("TPP", p.path("edges").path(1).path("program").path("code").asText());
        });
        assertEquals(Set.of("JPN", "UN"), middles);
    }

    @Test
    @DisplayName("Korea to Uganda over verified partnerships: 8 shortest paths of length 3")
    void koreaToUganda() {
        var response = client().operation("partnershipPath",
                Map.of("from", "KOR", "to", "UGA", "confidence", List.of("VERIFIED")));
        JsonNode paths = response.data().path("path").path("paths");
        assertEquals(8, paths.size());
        paths.forEach(p -> assertEquals(3, p.path("length").asInt()));
        var tooShort = client().operation("partnershipPath",
                Map.of("from", "KOR", "to", "UGA", "confidence", List.of("VERIFIED"), "maxLength", 2));
        assertEquals(0, tooShort.data().path("path").path("paths").size());
    }

    @Test
    @DisplayName("path limits: maxLength 7, from = to are BAD_USER_INPUT; an unknown actor is NOT_FOUND")
    void pathLimits() {
        var tooLong = client().operation("partnershipPath", Map.of("from", "KOR", "to", "KEN", "maxLength", 7));
        assertEquals("BAD_USER_INPUT", tooLong.errorCode());
        var same = client().operation("partnershipPath", Map.of("from", "KOR", "to", "KOR"));
        assertEquals("BAD_USER_INPUT", same.errorCode());
        var unknown = client().operation("partnershipPath", Map.of("from", "KOR", "to", "ZZZ"));
        assertEquals("NOT_FOUND", unknown.errorCode());
        assertEquals("ZZZ", unknown.errors().path(0).path("extensions").path("key").asText());
    }
}
