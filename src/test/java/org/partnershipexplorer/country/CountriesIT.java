package org.partnershipexplorer.country;

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
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("countries and country, over HTTP on the real seed")
class CountriesIT implements ServiceTest {

    @Inject
    EmbeddedServer server;

    GraphQLClient client() {
        return new GraphQLClient(server.getURI());
    }

    @Test
    @DisplayName("the 55 African countries page by iso3 with keyset cursors, and no country is seen twice")
    void africanCountriesPageInIso3Order() {
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            Map<String, Object> variables = new HashMap<>();
            variables.put("region", "Africa");
            variables.put("first", 20);
            variables.put("after", after);
            var response = client().operation("countriesPage", variables);
            assertEquals(200, response.status());
            JsonNode countries = response.data().path("countries");
            assertEquals(55, countries.path("totalCount").asInt());
            countries.path("edges").forEach(e -> seen.add(e.path("node").path("iso3").asText()));
            after = countries.path("pageInfo").path("hasNextPage").asBoolean()
                    ? countries.path("pageInfo").path("endCursor").asText()
                    : null;
            pages++;
        } while (after != null);
        assertEquals(3, pages);
        assertEquals(55, seen.size());
        assertEquals(List.of("AGO", "BDI", "BEN", "BFA", "BWA"), seen.subList(0, 5));
        assertEquals(seen.stream().sorted().toList(), seen);
    }

    @Test
    @DisplayName("a page that does not ask for totalCount (which is then not counted) pages like one that does, "
            + "and a count asked through a fragment is still given")
    void pageWithoutTotalCount() {
        var response = client().query("""
                { counted: countries(region: "Africa", first: 3, after: "azpBR08") { totalCount ...page }
                  uncounted: countries(region: "Africa", first: 3, after: "azpBR08") { ...page }
                  viaFragment: countries(region: "Europe", first: 1) { ...total } }
                fragment page on CountryConnection {
                  pageInfo { hasNextPage endCursor } edges { node { iso3 } } }
                fragment total on CountryConnection { totalCount }
                """);
        assertTrue(response.errors().isMissingNode(), response.body().toString());
        JsonNode counted = response.data().path("counted");
        JsonNode uncounted = response.data().path("uncounted");
        // the cursor azpBR08 is the key AGO: the page starts after Angola
        assertEquals("BDI", uncounted.path("edges").path(0).path("node").path("iso3").asText());
        assertEquals(counted.path("edges"), uncounted.path("edges"));
        assertEquals(counted.path("pageInfo"), uncounted.path("pageInfo"));
        assertEquals(55, counted.path("totalCount").asInt());
        assertTrue(uncounted.path("totalCount").isMissingNode());
        assertEquals("45", response.data().path("viaFragment").path("totalCount").asText());
    }

    @Test
    @DisplayName("all 197 countries: the 193 member states and 4 non-members")
    void memberStatesAndNonMembers() {
        var all = client().query("{ countries { totalCount } members: countries(unMember: true) { totalCount } "
                + "others: countries(unMember: false, first: 10) { edges { node { iso3 unMember } } } }");
        assertEquals(197, all.data().path("countries").path("totalCount").asInt());
        assertEquals(193, all.data().path("members").path("totalCount").asInt());
        List<String> others = new ArrayList<>();
        all.data().path("others").path("edges").forEach(e -> others.add(e.path("node").path("iso3").asText()));
        assertEquals(List.of("ESH", "PSE", "VAT", "XKX"), others);
    }

    @Test
    @DisplayName("Kenya's profile: properties, its UN deployment total of January 2021, AU membership, MONUSCO in 2021")
    void kenyaProfile() {
        var response = client().operation("countryProfile", Map.of("iso3", "KEN"));
        assertTrue(response.errors().isMissingNode(), response.body().toString());
        JsonNode ken = response.data().path("country");
        assertEquals("KEN", ken.path("id").asText());
        assertEquals("KE", ken.path("iso2").asText());
        assertEquals("Kenya", ken.path("name").asText());
        assertEquals("Africa", ken.path("region").asText());
        assertEquals("Sub-Saharan Africa", ken.path("subregion").asText());
        assertEquals("African Group", ken.path("unRegionalGroup").asText());
        assertTrue(ken.path("unMember").asBoolean());
        assertEquals("VERIFIED", ken.path("confidence").asText());
        assertFalse(ken.path("source").asText().isBlank());

        JsonNode deployment = ken.path("deployments").path(0);
        assertEquals("2021-01-31", deployment.path("asOf").asText());
        assertEquals(162, deployment.path("total").asInt());
        assertEquals(35, deployment.path("women").asInt());

        assertEquals("AU", ken.path("memberships").path(0).path("organization").path("code").asText());
        assertEquals("REPORTED", ken.path("memberships").path(0).path("confidence").asText());

        JsonNode contributions = ken.path("contributions");
        assertEquals(1, contributions.size());
        assertEquals("CONTRIBUTION:KEN:MONUSCO:2021", contributions.path(0).path("id").asText());
        assertEquals("MONUSCO", contributions.path(0).path("mission").path("acronym").asText());
        assertTrue(contributions.path(0).path("troops").isNull(), "Geo-PKO gives no size: troops stays null");
        assertEquals("ESTIMATE", contributions.path(0).path("confidence").asText());
    }

    @Test
    @DisplayName("an unknown iso3 answers NOT_FOUND naming what was looked for, and data null")
    void unknownCountryIsNotFound() {
        var response = client().operation("countryProfile", Map.of("iso3", "ZZZ"));
        assertEquals(200, response.status());
        assertTrue(response.data().path("country").isNull());
        assertEquals("NOT_FOUND", response.errorCode());
        assertEquals("No country 'ZZZ'", response.errors().path(0).path("message").asText());
        assertEquals("ZZZ", response.errors().path(0).path("extensions").path("key").asText());
    }

    @Test
    @DisplayName("first above 500 and a forged cursor are BAD_USER_INPUT naming the argument")
    void badPagingArguments() {
        var tooMany = client().operation("countriesPage", Map.of("first", 501));
        assertEquals("BAD_USER_INPUT", tooMany.errorCode());
        assertEquals("first: must be between 0 and 500, got 501",
                tooMany.errors().path(0).path("message").asText());

        var forged = client().operation("countriesPage", Map.of("after", "KEN"));
        assertEquals("BAD_USER_INPUT", forged.errorCode());
        assertEquals("after: 'KEN' is not a cursor of this list", forged.errors().path(0).path("message").asText());
    }

    @Test
    @DisplayName("an actor is found by either key: a country by iso3, the EU by code with its 27 members")
    void actorsByEitherKey() {
        var kor = client().operation("actorByKey", Map.of("id", "KOR"));
        assertEquals("Country", kor.data().path("actor").path("__typename").asText());
        assertEquals("Republic of Korea", kor.data().path("actor").path("name").asText());

        var eu = client().operation("actorByKey", Map.of("id", "EU"));
        JsonNode actor = eu.data().path("actor");
        assertEquals("Organization", actor.path("__typename").asText());
        assertEquals("European Union", actor.path("name").asText());
        assertEquals("REGIONAL", actor.path("kind").asText());
        assertEquals(27, actor.path("members").size());
    }
}
