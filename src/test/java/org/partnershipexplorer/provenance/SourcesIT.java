package org.partnershipexplorer.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.partnershipexplorer.support.GraphQLClient;
import org.partnershipexplorer.support.ServiceTest;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("sources as data: a fact lists its sources with title and date, and a source lists what it supports")
class SourcesIT implements ServiceTest {

    @Inject
    EmbeddedServer server;

    GraphQLClient client() {
        return new GraphQLClient(server.getURI());
    }

    @Test
    @DisplayName("a source with its title, publisher and dates, and the programmes and trainings it supports")
    void sourceListsWhatItSupports() {
        var response = client().query("""
                { source(id: "us-003") { id url title publisher published accessed
                    programs { code } trainings { trainer { id } trainee { id } year program { code } } donations { id } } }""");

        assertTrue(response.errors().isMissingNode(), response.body().toString());
        // what a source supports is answered by its loaders only (see SourceProjections): one statement a level
        assertTrue(response.statements() > 1, response.statements() + " statements");
        JsonNode source = response.data().path("source");
        assertEquals("https://www.africom.mil/Img//Small/global-peace-operations-initiative",
                source.path("url").asText());
        assertEquals("Global Peace Operations Initiative", source.path("title").asText());
        assertEquals("US Africa Command", source.path("publisher").asText());
        assertTrue(source.path("published").isNull());
        assertEquals("2026-12-05", source.path("accessed").asText());
        assertEquals(List.of("APRRP", "GPOI"), texts(source.path("programs"), "code"));
        List<String> trainings = new ArrayList<>();
        source.path("trainings").forEach(t -> trainings.add(t.path("trainer").path("id").asText() + ">"
                + t.path("trainee").path("id").asText() + " " + t.path("year").asInt() + " "
                + t.path("program").path("code").asText()));
        assertEquals(List.of("USA>ETH 2015 APRRP", "USA>GHA 2015 APRRP", "USA>RWA 2015 APRRP",
                "USA>SEN 2015 APRRP", "USA>TZA 2015 APRRP", "USA>UGA 2015 APRRP"), trainings);
        assertEquals(0, source.path("donations").size());
    }

    @Test
    @DisplayName("a fact's sources, the same translated and from the generated loader; the sources page in id order")
    void factListsItsSources() {
        var translated = client().query("{ program(code: \"GPOI\") { code sources { id title published } } }");
        // Query.programs runs field by field: each programme's sources come from one batch of the loader
        var loaded = client().query("{ programs(first: 10) { edges { node { code sources { id title published } } } } }");
        var page = client().query("{ sources(first: 5) { totalCount edges { node { id } } } }");

        assertTrue(translated.errors().isMissingNode(), translated.body().toString());
        assertEquals(1, translated.statements());
        String gpoi = "[{\"id\":\"us-003\",\"title\":\"Global Peace Operations Initiative\",\"published\":null}]";
        assertEquals(gpoi, translated.data().path("program").path("sources").toString());
        List<String> cited = new ArrayList<>();
        loaded.data().path("programs").path("edges").forEach(e -> cited.add(e.path("node").path("code").asText()
                + "=" + e.path("node").path("sources").size()));
        assertEquals(List.of("APRRP=1", "BIPSOT=0", "CUNPK-AFRICA=0", "CUNPK-UNWMOC=0", "ELSIE=0", "GPOI=1",
                "KNDU-PKO=0", "TPP=0"), cited);
        assertEquals(2, loaded.statements(), "the page, then one batch for every programme's sources");
        assertEquals(2, page.data().path("sources").path("totalCount").asInt());
        assertEquals(List.of("multilateral-020", "us-003"), texts(page.data().path("sources").path("edges"), "node"));
    }

    @Test
    @DisplayName("a donation cites its source by id; a source that does not exist is NOT_FOUND")
    void donationSourcesAndMissingSource() {
        var donation = client().query("""
                { actor(id: "JPN") { ... on Country { donatesTo { item sources { id publisher published } } } } }""");
        var missing = client().query("{ source(id: \"nowhere-001\") { title } }");

        assertEquals("[{\"id\":\"multilateral-020\",\"publisher\":\"The Independent (Uganda)\","
                + "\"published\":\"2019-08\"}]", donation.data().path("actor").path("donatesTo").path(0)
                .path("sources").toString());
        assertEquals("NOT_FOUND", missing.errorCode());
    }

    private static List<String> texts(JsonNode list, String field) {
        List<String> values = new ArrayList<>();
        list.forEach(n -> values.add(n.path(field).isObject() ? n.path(field).path("id").asText()
                : n.path(field).asText()));
        return values;
    }
}
