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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.partnershipexplorer.support.GraphQLClient;
import org.partnershipexplorer.support.ServiceTest;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("limits against hostile queries")
class LimitsIT implements ServiceTest {

    @Inject
    EmbeddedServer server;

    @Inject
    GraphCounts counts;

    @Inject
    graphql.schema.GraphQLSchema schema;

    @Inject
    QueryLimits limits;

    /** The cost the service estimates for a document, from the graph's counts as it holds them. */
    long estimate(String document) {
        return DocumentCost.of(graphql.parser.Parser.parse(document), null, schema, limits, counts.sizes(), Map.of())
                .cost();
    }

    GraphQLClient client() {
        return new GraphQLClient(server.getURI());
    }

    /** country { contributions { mission { contributions { country { ... } } } } }, `levels` pairs deep. */
    static String deep(int levels) {
        StringBuilder query = new StringBuilder("{ country(iso3: \"KEN\") { ");
        for (int i = 0; i < levels; i++) {
            query.append("contributions { mission { ");
        }
        query.append("name");
        query.append(" } }".repeat(levels));
        return query.append(" } }").toString();
    }

    static String aliases(int count) {
        return IntStream.range(0, count).mapToObj(i -> "a" + i + ": country(iso3: \"KEN\") { name }")
                .collect(Collectors.joining(" ", "{ ", " }"));
    }

    static final String COSTLY = "{ countries(first: 500) { edges { node { contributions { mission { contributors "
            + "{ contributions { year } } } } } } } }";

    static void assertTooComplex(GraphQLClient.Response response, String limit, int max, String value) {
        assertEquals(400, response.status(), response.raw().body());
        JsonNode error = response.errors().path(0);
        assertEquals("QUERY_TOO_COMPLEX", error.path("extensions").path("code").asText(), response.raw().body());
        assertEquals(limit, error.path("extensions").path("limit").asText());
        assertEquals(max, error.path("extensions").path("max").asInt());
        assertEquals(value, error.path("extensions").path("value").asText());
        assertTrue(error.path("message").asText().contains(" " + value + " is over the limit of " + max),
                error.path("message").asText());
        assertTrue(response.data().isMissingNode() || response.data().isNull());
        assertEquals(0, response.statements());
    }

    @Test
    @DisplayName("a query nested deeper than 15 fields is refused with its depth")
    void depth() {
        // two levels (Kenya's missions and who served in them): within every limit. Three levels multiply to
        // millions of rows and can reach the 10 s database limit on a slow machine, which is a different limit.
        var allowed = client().query(deep(2));
        assertTrue(allowed.errors().isMissingNode(), allowed.raw().body());
        assertTooComplex(client().query(deep(10)), "maxDepth", 15, "22");
        // the same text again, its parsed and validated document now kept (LimitedDocuments): still refused
        assertTooComplex(client().query(deep(10)), "maxDepth", 15, "22");
    }

    /** Fragments that each spread the one before twice: {@code levels} definitions select 2^levels fields. */
    static String fanOut(int levels) {
        StringBuilder document = new StringBuilder("query { ...F" + levels + " } fragment F0 on Query { __typename }");
        for (int i = 1; i <= levels; i++) {
            document.append(" fragment F").append(i).append(" on Query { ...F").append(i - 1).append(" ...F")
                    .append(i - 1).append(" }");
        }
        return document.toString();
    }

    @Test
    @DisplayName("a 1 KB document whose fragments fan out to 2^29 fields is refused by its field count, before validation expands it")
    void fragmentFanOut() {
        String document = fanOut(29);
        assertTrue(document.length() < 1500, document.length() + " characters");
        assertTooComplex(client().query(document), "maxFields", 2000, "536870912");
    }

    @Test
    @DisplayName("five aliased copies of a chain through the big trainers add up exactly and are refused")
    void aliasedCopiesDoNotOverflow() {
        String copy = "countries(first: 500) { edges { node { trains(limit: 500) { trainee { trains(limit: 500) "
                + "{ trainee { trains(limit: 500) { trainee { id } } } } } } } } }";
        String query = IntStream.range(0, 5).mapToObj(i -> "a" + i + ": " + copy).collect(Collectors.joining(" ", "{ ", " }"));
        // below the first list each trainee's trainings count the degree-weighted mean (the big trainers), so each
        // copy is large; five add up to five times one (the arithmetic saturates instead of wrapping: DocumentCostTest)
        long one = estimate("{ " + copy + " }");
        assertTrue(one > 200000, "one copy costs " + one);
        assertTooComplex(client().query(query), "maxComplexity", 200000, Long.toString(5 * one));
    }

    @Test
    @DisplayName("a query whose cost (list sizes multiplied) is over 200000 is refused with its cost")
    void cost() {
        var response = client().query(COSTLY);
        // countries 1 + 197 x edges (1 + node (1 + contributions (1 + c x mission (1 + contributors
        //   (1 + m x contributions (1 + c' x year 1)))))), each list as long as the graph's counts say
        String cost = Long.toString(estimate(COSTLY));
        assertTooComplex(response, "maxComplexity", 200000, cost);
        // the same text again, its parsed and validated document now kept (LimitedDocuments): still refused
        assertTooComplex(client().query(COSTLY), "maxComplexity", 200000, cost);
    }

    @Test
    @DisplayName("more than 30 aliases are refused; 30 pass")
    void aliasesAreCounted() {
        var allowed = client().query(aliases(30));
        assertTrue(allowed.errors().isMissingNode(), allowed.raw().body());
        assertTooComplex(client().query(aliases(31)), "maxAliases", 30, "31");
    }

    @Test
    @DisplayName("the parser stops at 5000 tokens and 20000 characters")
    void parserLimits() {
        String tooManyTokens = "{ " + "a ".repeat(6000) + "}";
        assertTooComplex(client().query(tooManyTokens), "maxTokens", 5000, "6002");
        String long_ = "{ __typename } # " + "x".repeat(20000);
        assertTooComplex(client().query(long_), "maxCharacters", 20000, Integer.toString(long_.length()));
    }

    @Test
    @DisplayName("a body over 256 KiB is refused with 413 before it is parsed")
    void bodySize() {
        String body = "{\"query\": \"{ __typename }\", \"variables\": {\"x\": \"" + "y".repeat(300_000) + "\"}}";
        var response = client().post(body, "application/json", "application/graphql-response+json");
        assertEquals(413, response.status());
        assertEquals("BAD_USER_INPUT", response.errorCode());
    }

    @Test
    @DisplayName("a flood of 200 hostile queries, 16 at a time, is refused fast and leaves the service healthy")
    void flood() throws Exception {
        List<String> hostile = List.of(deep(12), COSTLY, aliases(200), "{ " + "a ".repeat(9000) + "}");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        long started = System.nanoTime();
        List<Future<GraphQLClient.Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                String query = hostile.get(i % hostile.size());
                answers.add(pool.submit(() -> client().query(query)));
            }
            for (Future<GraphQLClient.Response> answer : answers) {
                assertEquals("QUERY_TOO_COMPLEX", answer.get().errorCode());
            }
        } finally {
            pool.shutdownNow();
        }
        long floodMs = (System.nanoTime() - started) / 1_000_000;
        assertTrue(floodMs < 30_000, "200 refusals took " + floodMs + " ms");

        long before = System.nanoTime();
        var normal = client().query("{ country(iso3: \"KEN\") { name } }");
        long normalMs = (System.nanoTime() - before) / 1_000_000;
        assertEquals("Kenya", normal.data().path("country").path("name").asText());
        assertTrue(normalMs < 2_000, "a normal query after the flood took " + normalMs + " ms");
        assertEquals("UP", client().getPath("/health").body().path("status").asText());
    }

    @Test
    @DisplayName("page sizes stay capped at 500")
    void pageCap() {
        var response = client().query("{ countries(first: 501) { totalCount } }");
        assertEquals("BAD_USER_INPUT", response.errorCode(), response.raw().body());
    }

    @Test
    @DisplayName("introspection, as GraphiQL sends it, passes every limit")
    void introspectionPasses() {
        String introspection = graphql.introspection.IntrospectionQuery.INTROSPECTION_QUERY;
        var response = client().query(introspection, Map.of());
        assertTrue(response.errors().isMissingNode(), response.raw().body().substring(0, 300));
    }
}
