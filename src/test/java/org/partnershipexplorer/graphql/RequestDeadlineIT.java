package org.partnershipexplorer.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.partnershipexplorer.support.GraphQLClient;
import org.partnershipexplorer.support.ServiceTest;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("one deadline per request")
class RequestDeadlineIT implements ServiceTest {

    /**
     * Shorter than the production 10 s, so that the test is quick; long enough for a cheap query on a busy machine,
     * and far too short for ten of the expensive fields below on any.
     */
    static final int DEADLINE_MS = 2500;
    /** The time a request may take past its deadline: a statement stopped, the error written and sent back. */
    static final int GRACE_MS = 1000;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> extraProperties() {
        // The cost limit, which knows the graph's sizes, refuses the deep query below before it runs: raised here
        // because this test is about the deadline that stops what the estimate lets through.
        return Map.of("explorer.limits.request-timeout", DEADLINE_MS + "ms",
                "explorer.limits.max-complexity", String.valueOf(Integer.MAX_VALUE));
    }

    GraphQLClient client() {
        return new GraphQLClient(server.getURI());
    }

    static final String CHEAP = "{ country(iso3: \"KEN\") { name } }";

    /**
     * The first request a service answers also pays for its own start (the controller, the executor, JSON and
     * GraphQL classes loaded and compiled), over a second on a busy machine: that is not the deadline's to bound.
     */
    @BeforeAll
    void serveOneRequest() {
        assertEquals(200, client().query(CHEAP).status());
    }

    static String aliased(int count, String field) {
        return IntStream.range(0, count).mapToObj(i -> "a" + i + ": " + field)
                .collect(Collectors.joining(" ", "{ ", " }"));
    }

    /**
     * Sends the query and checks the answer: within the deadline and its grace, every root alias either answered
     * or reports the deadline at its own path, and at least one was cut short.
     */
    GraphQLClient.Response answersWithinTheDeadline(String query, int roots) {
        long started = System.nanoTime();
        GraphQLClient.Response response = client().query(query);
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        String body = response.raw().body();
        assertTrue(elapsedMs < DEADLINE_MS + GRACE_MS, "answered in " + elapsedMs + " ms: " + abbreviated(body));
        assertEquals(200, response.status(), abbreviated(body));

        List<String> cut = new ArrayList<>();
        for (JsonNode error : response.errors()) {
            assertEquals("QUERY_TOO_COMPLEX", error.path("extensions").path("code").asText(), abbreviated(body));
            assertEquals("requestTimeout", error.path("extensions").path("limit").asText());
            assertEquals("Query too complex: the request ran past its time limit of " + DEADLINE_MS
                    + " ms (explorer.limits.request-timeout), and this field was cancelled",
                    error.path("message").asText());
            assertEquals(1, error.path("path").size(), abbreviated(body));
            cut.add(error.path("path").path(0).asText());
        }
        assertFalse(cut.isEmpty(), "no field was cut short: " + abbreviated(body));
        assertEquals(cut.size(), Set.copyOf(cut).size(), "one error per field: " + abbreviated(body));
        // a root the schema makes non-null takes the whole data with it; a nullable one leaves the others' answers
        if (response.data().isObject()) {
            for (int i = 0; i < roots; i++) {
                String alias = "a" + i;
                boolean answered = !response.data().path(alias).isNull();
                assertTrue(answered != cut.contains(alias), alias + " should be either answered or cut short: "
                        + abbreviated(body));
            }
        }
        return response;
    }

    static String abbreviated(String body) {
        return body.length() <= 600 ? body : body.substring(0, 600) + "...";
    }

    @Test
    @DisplayName("ten aliased network slices, each its own statement, share one deadline: the request ends within it plus 1 s, each field not finished reports requestTimeout, and the next request is served")
    void aliasedStatementsShareOneDeadline() {
        String network = "network(center: \"USA\", depth: 6, includeMissions: true) { nodes { id } edges { id } }";
        GraphQLClient.Response response = answersWithinTheDeadline(aliased(10, network), 10);
        // one statement for each field that finished, and at most the one the deadline cut: none after it
        int finished = 10 - response.errors().size();
        assertTrue(response.statements() - finished <= 1, response.statements() + " statements for " + finished
                + " fields answered");

        var next = client().query(CHEAP);
        assertEquals("{\"data\":{\"country\":{\"name\":\"Kenya\"}}}", next.raw().body());
    }

    @Test
    @DisplayName("a translated query of ten aliased roots, one statement, stops at the deadline and reports it at every root")
    void translatedStatementStopsAtTheDeadline() {
        // Kenya's missions, everyone who served in them, their missions, and so on: millions of rows by the third level
        String deep = LimitsIT.deep(3);
        String country = deep.substring(2, deep.length() - 2);
        GraphQLClient.Response response = answersWithinTheDeadline(aliased(10, country), 10);
        assertEquals("1", response.header(GraphQLHttpController.STATEMENTS_HEADER));
    }
}
