package org.partnershipexplorer.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.partnershipexplorer.support.GraphQLClient;
import org.partnershipexplorer.support.ServiceTest;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

// PER_CLASS: micronaut-test applies a TestPropertyProvider (ServiceTest) only to a per-class test instance
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("GET /export/network.*")
class NetworkExportIT implements ServiceTest {

    /** A free port: application.yml names 8080, which another test run on the same machine may hold. */
    @Override
    public Map<String, String> extraProperties() {
        return Map.of("micronaut.server.port", "-1");
    }

    @Inject
    EmbeddedServer server;

    private GraphQLClient client() {
        return new GraphQLClient(server.getURI());
    }

    @Test
    @DisplayName("GraphML of the brief's example has exactly the nodes and edges Query.network returns for it")
    void graphmlMatchesTheQuery() throws Exception {
        LocalDate day = LocalDate.now(ZoneOffset.UTC);
        GraphQLClient.Response file = client().getPath("/export/network.graphml?kinds=TRAINING&years=2015-2022&region=Africa");
        assertEquals(200, file.status());
        assertTrue(file.header("Content-Type").startsWith("application/graphml+xml"));
        // named after the view and the day (the day the request began, unless it ran over midnight)
        String name = "attachment; filename=\"partnerships-africa-2015-2022-training-%s.graphml\"";
        String disposition = file.header("Content-Disposition");
        assertTrue(disposition.equals(name.formatted(day))
                || disposition.equals(name.formatted(LocalDate.now(ZoneOffset.UTC))), disposition);
        assertEquals("1", file.header("X-Cypher-Statements"));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(file.raw().body())));
        JsonNode api = client().operation("network", Map.of("kinds", List.of("TRAINING"),
                "years", Map.of("from", 2015, "to", 2022), "region", "Africa")).data().path("network");
        assertEquals(33, api.path("nodes").size());
        assertEquals(api.path("nodes").size(), doc.getElementsByTagNameNS(NetworkExport.GRAPHML_NS, "node").getLength());
        assertEquals(90, api.path("edges").size());
        assertEquals(api.path("edges").size(), doc.getElementsByTagNameNS(NetworkExport.GRAPHML_NS, "edge").getLength());
    }

    @Test
    @DisplayName("CSV tables and JSON of the whole network: 57 node rows, 131 edge rows")
    void csvAndJson() throws Exception {
        GraphQLClient.Response nodes = client().getPath("/export/network.nodes.csv");
        assertEquals(200, nodes.status());
        assertTrue(nodes.header("Content-Type").startsWith("text/csv"));
        assertEquals(57, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(nodes.raw().body())).getRecords().size());
        GraphQLClient.Response edges = client().getPath("/export/network.edges.csv");
        assertEquals(131, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(edges.raw().body())).getRecords().size());
        GraphQLClient.Response json = client().getPath("/export/network.json?kinds=DONATION");
        assertEquals(200, json.status());
        assertEquals(7, json.body().path("nodes").size());
        assertEquals(4, json.body().path("edges").size());
        assertEquals("KOR", json.body().path("nodes").path(4).path("id").asText());
        assertEquals("569", json.body().path("nodes").path(4).path("personnel").asText());
    }

    @Test
    @DisplayName("a bad parameter is 400 and an unknown center 404, with the error shape of /graphql")
    void refusals() {
        GraphQLClient.Response years = client().getPath("/export/network.graphml?years=2022-2015");
        assertEquals(400, years.status());
        assertEquals("BAD_USER_INPUT", years.body().path("errors").path(0).path("extensions").path("code").asText());
        assertEquals("years: from (2022) is after to (2015)",
                years.body().path("errors").path(0).path("message").asText());
        GraphQLClient.Response typo = client().getPath("/export/network.nodes.csv?year=2015");
        assertEquals(400, typo.status());
        assertEquals("year", typo.body().path("errors").path(0).path("extensions").path("argument").asText());
        GraphQLClient.Response center = client().getPath("/export/network.json?center=XXX");
        assertEquals(404, center.status());
        assertEquals("NOT_FOUND", center.body().path("errors").path(0).path("extensions").path("code").asText());
    }
}
