package org.partnershipexplorer.mission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.partnershipexplorer.support.GraphQLClient;
import org.partnershipexplorer.support.ServiceTest;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("missions and mission, over HTTP on the real seed")
class MissionsIT implements ServiceTest {

    @Inject
    EmbeddedServer server;

    GraphQLClient client() {
        return new GraphQLClient(server.getURI());
    }

    @Test
    @DisplayName("the 12 peacekeeping operations active in 2021, MINUSMA among them though it ended in 2023")
    void twelveMissionsActiveIn2021() {
        var response = client().operation("activeMissions", Map.of("year", 2021));
        JsonNode missions = response.data().path("missions");
        assertEquals(12, missions.path("totalCount").asInt());
        List<String> acronyms = new ArrayList<>();
        missions.path("edges").forEach(e -> acronyms.add(e.path("node").path("acronym").asText()));
        assertEquals(List.of("MINURSO", "MINUSCA", "MINUSMA", "MONUSCO", "UNDOF", "UNFICYP", "UNIFIL", "UNISFA",
                "UNMIK", "UNMISS", "UNMOGIP", "UNTSO"), acronyms);
        JsonNode minusma = missions.path("edges").path(2).path("node");
        assertEquals(2013, minusma.path("startYear").asInt());
        assertEquals(2023, minusma.path("endYear").asInt());
        assertEquals(false, minusma.path("active").asBoolean());
    }

    @Test
    @DisplayName("UNDOF in 2021: hosted by Syria, five contributors by Geo-PKO")
    void undofContributorsIn2021() {
        var response = client().operation("missionContributors", Map.of("acronym", "UNDOF", "year", 2021));
        JsonNode undof = response.data().path("mission");
        assertEquals("United Nations Disengagement Observer Force", undof.path("name").asText());
        assertEquals(1974, undof.path("startYear").asInt());
        assertTrue(undof.path("active").asBoolean());
        assertEquals("SYR", undof.path("hosts").path(0).path("iso3").asText());
        List<String> contributors = new ArrayList<>();
        undof.path("contributors").forEach(c -> contributors.add(c.path("iso3").asText()));
        assertEquals(List.of("FJI", "IND", "IRL", "NPL", "URY"), contributors);
    }

    @Test
    @DisplayName("UNMOGIP is located in both India and Pakistan")
    void unmogipHasTwoHosts() {
        var response = client().operation("missionContributors", Map.of("acronym", "UNMOGIP"));
        JsonNode hosts = response.data().path("mission").path("hosts");
        assertEquals(2, hosts.size());
        assertEquals("IND", hosts.path(0).path("iso3").asText());
        assertEquals("PAK", hosts.path(1).path("iso3").asText());
    }

    @Test
    @DisplayName("a year outside 1945..2100 is BAD_USER_INPUT naming the argument")
    void yearOutOfRange() {
        var response = client().operation("activeMissions", Map.of("year", 3000));
        assertEquals("BAD_USER_INPUT", response.errorCode());
        assertEquals("activeIn: year must be between 1945 and 2100, got 3000",
                response.errors().path(0).path("message").asText());
    }

    @Test
    @DisplayName("a nested query over 55 countries costs the same few statements as over 5: no N+1")
    void nestedQueryCostsBoundedStatements() {
        var small = client().operation("nestedContributions", Map.of("region", "Africa", "first", 5));
        var large = client().operation("nestedContributions", Map.of("region", "Africa", "first", 55));
        assertTrue(small.errors().isMissingNode(), small.body().toString());
        assertEquals(55, large.data().path("countries").path("edges").size());
        // every field has a translation (graphql.Translator): the page with its contributions, missions, hosts,
        // contributors, memberships, their organisations and deployments is one statement
        assertEquals(1, large.statements());
        assertEquals(small.statements(), large.statements());
    }
}
