package org.partnershipexplorer.organization;

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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.partnershipexplorer.support.GraphQLClient;
import org.partnershipexplorer.support.ServiceTest;

@MicronautTest
// TestPropertyProvider (ServiceTest) is only read from a test instance that exists before the context starts
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("organizations, over HTTP on the real seed")
class OrganizationsIT implements ServiceTest {

    @Inject
    EmbeddedServer server;

    private GraphQLClient client() {
        return new GraphQLClient(server.getURI());
    }

    @Test
    @DisplayName("pages in code order with the total, then the rest after the cursor")
    void pagesInCodeOrder() {
        JsonNode first = client().operation("organizations", Map.of("first", 2)).data().path("organizations");
        assertEquals(4, first.path("totalCount").asInt());
        assertEquals(List.of("AU", "EU"), codes(first));
        assertTrue(first.path("pageInfo").path("hasNextPage").asBoolean());

        Map<String, Object> next = new HashMap<>();
        next.put("first", 2);
        next.put("after", first.path("pageInfo").path("endCursor").asText());
        JsonNode second = client().operation("organizations", next).data().path("organizations");
        assertEquals(List.of("NATO", "UN"), codes(second));
        assertFalse(second.path("pageInfo").path("hasNextPage").asBoolean());
        assertEquals(4, second.path("totalCount").asInt());
    }

    @Test
    @DisplayName("kind filters both the page and the total: AU and EU are the regional ones")
    void kindFilters() {
        JsonNode regional = client().operation("organizations", Map.of("kind", "REGIONAL")).data()
                .path("organizations");
        assertEquals(2, regional.path("totalCount").asInt());
        assertEquals(List.of("AU", "EU"), codes(regional));
        assertEquals("REGIONAL", regional.path("edges").path(0).path("node").path("kind").asText());
    }

    private static List<String> codes(JsonNode connection) {
        List<String> codes = new ArrayList<>();
        connection.path("edges").forEach(e -> codes.add(e.path("node").path("code").asText()));
        return codes;
    }
}
