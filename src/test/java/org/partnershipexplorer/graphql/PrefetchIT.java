package org.partnershipexplorer.graphql;

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
// TestPropertyProvider (ServiceTest) is only read from a test instance that exists before the context starts
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("nested fields fetched ahead in the statement of the page that reaches them")
class PrefetchIT implements ServiceTest {

    /** Prefetch serves queries that run field by field; TranslatorIT covers the translated ones. */
    @Override
    public Map<String, String> extraProperties() {
        return Map.of("explorer.graphql.translate", "false");
    }

    @Inject
    EmbeddedServer server;

    private GraphQLClient client() {
        return new GraphQLClient(server.getURI());
    }

    @Test
    @DisplayName("the issue's nested query over 100 countries is one statement: trainings, programme, trainee, its contributions, missions and hosts")
    void nestedQueryIsOneStatement() {
        var response = client().operation("nestedTrainees", Map.of("first", 100));

        assertTrue(response.errors().isMissingNode(), response.body().toString());
        assertEquals(1, response.statements());
        JsonNode bangladesh = node(response, "BGD");
        assertEquals(20, bangladesh.path("trains").size());
        JsonNode first = bangladesh.path("trains").path(0);
        assertEquals("TRAINING:BGD:BRA:2018:BIPSOT", first.path("id").asText());
        assertEquals("BIPSOT", first.path("program").path("code").asText());
        assertEquals("BRA", first.path("trainee").path("id").asText());
        JsonNode contribution = first.path("trainee").path("contributions").path(0);
        assertEquals("2015", contribution.path("year").asText());
        assertEquals("MINUSTAH", contribution.path("mission").path("acronym").asText());
        assertEquals("HTI", contribution.path("mission").path("hosts").path(0).path("iso3").asText());
    }

    @Test
    @DisplayName("fetched ahead or batched level by level, every country answers the same: filters, limits, both directions, donations to organisations")
    void prefetchedEqualsBatched() {
        var prefetched = client().operation("prefetchedPartnerships", Map.of("first", 100));
        var batched = client().operation("batchedPartnerships", Map.of("first", 100));

        assertTrue(prefetched.errors().isMissingNode(), prefetched.body().toString());
        assertTrue(batched.errors().isMissingNode(), batched.body().toString());
        JsonNode edges = prefetched.data().path("countries").path("edges");
        assertEquals(100, edges.size());
        assertEquals(batched.data().path("countries").path("edges"), edges);
        assertEquals(1, prefetched.statements());
        assertEquals(14, batched.statements(), "the batched twin goes level by level");
        // the selection reaches both kinds of actor: China and Japan donate to organisations
        assertEquals("AU", node(prefetched, "CHN").path("donatesTo").path(0).path("recipient").path("code").asText());
        assertEquals("Organization",
                node(prefetched, "JPN").path("donatesTo").path(0).path("recipient").path("__typename").asText());
        // limit: 3 is applied per country
        assertEquals(3, node(prefetched, "BGD").path("trains").size());
    }

    @Test
    @DisplayName("an argument its fetcher refuses is reported at that field, as without fetching ahead")
    void refusedArgumentIsReportedAtItsField() {
        var response = client().operation("prefetchRefusedLimit", Map.of());

        List<String> paths = new ArrayList<>();
        response.errors().forEach(e -> {
            assertEquals("BAD_USER_INPUT", e.path("extensions").path("code").asText());
            assertEquals("limit: must be between 0 and 500, got 501", e.path("message").asText());
            paths.add(e.path("path").toString());
        });
        assertEquals(List.of("[\"countries\",\"edges\",0,\"node\",\"trains\"]",
                "[\"countries\",\"edges\",1,\"node\",\"trains\"]", "[\"countries\",\"edges\",2,\"node\",\"trains\"]"),
                paths);
        assertEquals(1, response.statements(), "the page and its trainedBy; the refused trains sent nothing");
    }

    @Test
    @DisplayName("a country by key fetches its contributions, missions, hosts and contributors ahead, answering as the batched actor(id:)")
    void countryByKeyFetchesAhead() {
        var response = client().operation("prefetchedCountry", Map.of("iso3", "KEN"));

        assertTrue(response.errors().isMissingNode(), response.body().toString());
        JsonNode kenya = response.data().path("country");
        assertEquals(response.data().path("actor"), kenya);
        assertEquals("Kenya", kenya.path("name").asText());
        JsonNode first = kenya.path("contributions").path(0);
        assertEquals("2019", first.path("year").asText());
        assertTrue(kenya.path("trainedBy").size() > 0, kenya.toString());
        // country: 1 statement; actor(id:): the actor, then one batch a level (contributions, mission, hosts and
        // contributors, trainedBy and its trainer)
        var alone = client().query("query($iso3: ID!) { country(iso3: $iso3) { contributions(years: {from: 2019, to: 2020}) "
                + "{ mission { acronym hosts { iso3 } contributors(year: 2020) { iso3 } } } trainedBy { trainer { id } } } }",
                Map.of("iso3", "KEN"));
        assertEquals(1, alone.statements());
    }

    @Test
    @DisplayName("missions: a page and a mission by key fetch hosts, contributors and contributions ahead, answering as the batched page")
    void missionsFetchAhead() {
        var response = client().operation("prefetchedMissions", Map.of("first", 50));

        assertTrue(response.errors().isMissingNode(), response.body().toString());
        JsonNode prefetched = response.data().path("prefetched").path("edges");
        assertEquals(37, prefetched.size());
        assertEquals(response.data().path("batched").path("edges"), prefetched);
        JsonNode minusca = null;
        for (JsonNode edge : prefetched) {
            if (edge.path("node").path("acronym").asText().equals("MINUSCA")) {
                minusca = edge.path("node");
            }
        }
        assertEquals(minusca, response.data().path("one"));
        assertEquals("CAF", response.data().path("one").path("hosts").path(0).path("iso3").asText());

        var page = client().query("{ missions(first: 50) { totalCount edges { node { acronym hosts { iso3 } "
                + "contributors(year: 2020) { iso3 } } } } }");
        assertEquals(1, page.statements());
        assertEquals(37, page.data().path("missions").path("totalCount").asInt());
    }

    @Test
    @DisplayName("a field that comes round again below itself is fetched ahead once, then by its loader: no product of the levels")
    void cycleIsFetchedAheadOnce() {
        String selection = "contributions(years: {from: 2019, to: 2019}) { mission { acronym "
                + "contributions(years: {from: 2019, to: 2019}) { year mission { name } } } }";
        var prefetched = client().query("{ country(iso3: \"KEN\") { " + selection + " } }");
        var batched = client().query("{ actor(id: \"KEN\") { ... on Country { " + selection + " } } }");

        assertTrue(prefetched.errors().isMissingNode(), prefetched.body().toString());
        assertEquals(batched.data().path("actor"), prefetched.data().path("country"));
        // Kenya's contributions, their missions and the missions' contributions in one statement; the second
        // Contribution.mission by the mission loader
        assertEquals(2, prefetched.statements());
    }

    @Test
    @DisplayName("a key that names nothing is still NOT_FOUND")
    void unknownKeyIsNotFound() {
        var country = client().query("{ country(iso3: \"XXX\") { name contributions { year } } }");
        var mission = client().query("{ mission(acronym: \"NOPE\") { name hosts { iso3 } } }");

        assertEquals("NOT_FOUND", country.errorCode());
        assertEquals("NOT_FOUND", mission.errorCode());
    }

    private static JsonNode node(GraphQLClient.Response response, String iso3) {
        for (JsonNode edge : response.data().path("countries").path("edges")) {
            if (edge.path("node").path("iso3").asText().equals(iso3)) {
                return edge.path("node");
            }
        }
        throw new AssertionError(iso3 + " is not on the page");
    }
}
