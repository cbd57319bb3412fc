package org.partnershipexplorer.partnership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.partnershipexplorer.neo4j.Rows;
import org.partnershipexplorer.support.FreshServiceTest;
import org.partnershipexplorer.support.GraphQLClient;
import org.partnershipexplorer.support.TestNeo4j;
import org.slf4j.LoggerFactory;

/**
 * Values written straight into Neo4j (bypassing the import and the mutations, which refuse them) that the API's types
 * cannot carry: a count beyond 32 bits, text and a fraction where an Int belongs, text for a year.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("stored values the API's types cannot carry")
class StoredValuesIT implements FreshServiceTest {

    private static final String KEN = "TRAINING:JPN:KEN:2015:TPP";
    private static final String UGA = "TRAINING:JPN:UGA:2015:TPP";
    private static final String RWA = "TRAINING:JPN:RWA:2015:TPP";
    private static final String TZA = "TRAINING:JPN:TZA:2015:TPP";
    private static final String ZMB = "TRAINING:IND:ZMB:2017:CUNPK-AFRICA";

    private TestNeo4j.Instance neo4j;
    private final Logger rows = (Logger) LoggerFactory.getLogger(Rows.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @Inject
    EmbeddedServer server;

    @Override
    public synchronized TestNeo4j.Instance neo4j() {
        if (neo4j == null) {
            neo4j = TestNeo4j.withFrozenSeed();
        }
        return neo4j;
    }

    @BeforeAll
    void writeValuesTheImportRefuses() {
        logged.start();
        rows.addAppender(logged);
        rows.setLevel(Level.WARN);
        Map<String, Object> trainees = new LinkedHashMap<>();
        trainees.put(KEN, 2_147_483_648L);
        trainees.put(UGA, "many");
        trainees.put(RWA, 12.5);
        trainees.put(TZA, 30L);
        trainees.forEach((id, value) -> neo4j().driver().executableQuery(
                "MATCH ()-[r:TRAINS {id: $id}]->() SET r.trainees = $value RETURN count(r) AS n")
                .withParameters(Map.of("id", id, "value", value)).execute());
        neo4j().driver().executableQuery("MATCH ()-[r:TRAINS {id: $id}]->() SET r.year = '2017'")
                .withParameters(Map.of("id", ZMB)).execute();
    }

    @AfterAll
    void detach() {
        rows.detachAppender(logged);
    }

    GraphQLClient client() {
        return new GraphQLClient(server.getURI());
    }

    /** Each partnership's id to its trainees as the answer gives it ("null" for null). */
    private static Map<String, String> trainees(JsonNode partnerships) {
        Map<String, String> trainees = new LinkedHashMap<>();
        partnerships.forEach(p -> trainees.put(p.path("id").asText(), p.path("trainees").toString()));
        return trainees;
    }

    private static JsonNode ok(GraphQLClient.Response response) {
        assertTrue(response.errors().isMissingNode(), response.body().toString());
        return response.data();
    }

    @Test
    @DisplayName("trainingChains answers, and each trainees that does not fit an Int is null")
    void trainingChains() {
        JsonNode chains = ok(client().operation("trainingChains",
                Map.of("from", "JPN", "maxDepth", 1, "confidence", List.of("VERIFIED")))).path("trainingChains");
        List<String> ends = new ArrayList<>();
        chains.path("paths").forEach(p -> ends.add(p.path("actors").path(1).path("id").asText()));
        assertEquals(List.of("IDN", "KEN", "RWA", "TZA", "UGA", "UGA", "VNM"), ends);

        JsonNode paths = ok(client().query("""
                { trainingChains(from: "JPN", maxDepth: 1, confidence: [VERIFIED]) {
                    paths { edges { id ... on Training { trainees } } } } }""")).path("trainingChains").path("paths");
        Map<String, String> answered = new LinkedHashMap<>();
        paths.forEach(p -> answered.putAll(trainees(p.path("edges"))));
        assertEquals(Map.of("TRAINING:JPN:IDN:2022:TPP", "null", KEN, "null", RWA, "null", TZA, "30", UGA, "null",
                "TRAINING:JPN:UGA:2019:TPP", "null", "TRAINING:JPN:VNM:2015", "null"), answered);
    }

    @Test
    @DisplayName("path answers, with null for a count beyond 32 bits")
    void path() {
        JsonNode path = ok(client().operation("partnershipPath", Map.of("from", "KEN", "to", "JPN", "maxLength", 1)))
                .path("path");
        assertEquals(1, path.path("paths").size());
        assertEquals(KEN, path.path("paths").path(0).path("edges").path(0).path("id").asText());

        JsonNode edges = ok(client().query("""
                { path(from: "KEN", to: "JPN", maxLength: 1) { paths { edges { id year ... on Training { trainees } } } } }"""))
                .path("path").path("paths").path(0).path("edges");
        assertEquals("[{\"id\":\"" + KEN + "\",\"year\":2015,\"trainees\":null}]", edges.toString());
    }

    @Test
    @DisplayName("trainedBy answers the same translated and field by field: null where a value does not fit, the rest as stored")
    void trainedBy() {
        String selection = "trainedBy(confidence: [VERIFIED]) { id trainees }";
        JsonNode page = ok(client().query("{ countries(first: 500) { edges { node { iso3 " + selection + " } } } }"))
                .path("countries").path("edges");
        Map<String, JsonNode> translated = new LinkedHashMap<>();
        page.forEach(e -> translated.put(e.path("node").path("iso3").asText(), e.path("node").path("trainedBy")));
        assertEquals(197, translated.size());
        assertEquals(Map.of(KEN, "null", "TRAINING:UN:KEN:2015:TPP", "null"), trainees(translated.get("KEN")));

        // attended has no translation: this query runs field by field
        JsonNode fieldByField = ok(client().query("{ kenya: country(iso3: \"KEN\") { attended { role } " + selection
                + " } rwanda: country(iso3: \"RWA\") { " + selection + " } tanzania: country(iso3: \"TZA\") { "
                + selection + " } uganda: country(iso3: \"UGA\") { " + selection + " } }"));
        assertEquals(translated.get("KEN"), fieldByField.path("kenya").path("trainedBy"));
        Map.of("rwanda", "RWA", "tanzania", "TZA", "uganda", "UGA").forEach((alias, iso3) ->
                assertEquals(translated.get(iso3), fieldByField.path(alias).path("trainedBy"), alias));
        assertEquals("null", trainees(fieldByField.path("rwanda").path("trainedBy")).get(RWA));
        assertEquals("30", trainees(fieldByField.path("tanzania").path("trainedBy")).get(TZA));
        assertEquals("null", trainees(fieldByField.path("uganda").path("trainedBy")).get(UGA));
    }

    @Test
    @DisplayName("a year that is not an Int fails only its own field, at its path, without a stack trace; the other root field answers")
    void nonNullYear() {
        var response = client().query("""
                { zambia: country(iso3: "ZMB") { trainedBy(confidence: [VERIFIED]) { id year } }
                  kenya: country(iso3: "KEN") { name } }""");
        assertEquals(1, response.errors().size(), response.body().toString());
        JsonNode error = response.errors().path(0);
        assertEquals("[\"zambia\",\"trainedBy\",0,\"year\"]", error.path("path").toString());
        assertTrue(!response.raw().body().contains("\tat ") && !response.raw().body().contains("Exception"),
                response.raw().body());
        assertTrue(response.data().path("zambia").isNull(), response.body().toString());
        assertEquals("Kenya", response.data().path("kenya").path("name").asText());

        JsonNode id = ok(client().query("{ country(iso3: \"ZMB\") { trainedBy(confidence: [VERIFIED]) { id } } }"));
        assertEquals("[{\"id\":\"" + ZMB + "\"}]", id.path("country").path("trainedBy").toString());
    }

    @Test
    @DisplayName("each value that does not fit is logged once, with its row's id and no stack trace, however often it is read")
    void loggedOnce() {
        for (int i = 0; i < 2; i++) {
            ok(client().query("{ country(iso3: \"KEN\") { attended { role } trainedBy { trainees } } }"));
        }
        List<ILoggingEvent> kenya = logged.list.stream()
                .filter(e -> e.getFormattedMessage().contains(KEN)).toList();
        assertEquals(1, kenya.size(), kenya.toString());
        assertEquals("Stored value does not fit the API: trainees of " + KEN + " is INTEGER 2147483648, not Int; "
                + "answered as null. Correct the row (an import or a mutation of it refuses such a value)",
                kenya.get(0).getFormattedMessage());
        assertEquals(Level.WARN, kenya.get(0).getLevel());
        assertNull(kenya.get(0).getThrowableProxy());
    }
}
