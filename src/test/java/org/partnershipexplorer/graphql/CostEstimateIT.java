package org.partnershipexplorer.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.partnershipexplorer.support.GraphQLClient;
import org.partnershipexplorer.support.ServiceTest;

/**
 * The cost estimate against the answers themselves, on the frozen seed: each benchmark query's estimate is within
 * ten times the fields its answer holds, the whole-network nested query is answered, and a really large answer is
 * refused with what to change.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("the cost estimate knows the graph")
class CostEstimateIT implements ServiceTest {

    @Inject
    EmbeddedServer server;

    @Inject
    GraphCounts counts;

    @Inject
    GraphQLSchema schema;

    @Inject
    QueryLimits limits;

    /** The nested benchmark query (bench/ BenchQuery), over every country. */
    static final String NESTED = """
            query nested($first: Int) {
              countries(first: $first) {
                edges { node { iso3 trains { id year program { code }
                  trainee { id ... on Country { contributions(years: {from: 2015, to: 2021}) {
                    year mission { acronym hosts { iso3 } } } } } } } }
              }
            }""";

    static final Map<String, String> QUERIES = Map.of(
            "nested", NESTED,
            "trainingChains", "{ trainingChains(from: \"JPN\", maxDepth: 3) { paths { length actors { id } edges { id } } } }",
            "search", "{ search(text: \"Kenia\", first: 10) { edges { node { ... on Country { iso3 } } } } }",
            "ministerial", "{ ministerial(id: \"seoul-2021\") { id reported { participants pledgers } "
                    + "recorded { participants pledgers } attendance { actor { id } role } } }",
            "kenya", "{ country(iso3: \"KEN\") { name region unMember confidence deployments { asOf total women confidence } "
                    + "memberships { organization { code } confidence } contributions(years: {from: 2021, to: 2021}) "
                    + "{ mission { acronym } year troops police total confidence } } }",
            "whomEachTrains2020", "{ countries(first: 500) { edges { node { iso3 trains(years: {from: 2020, to: 2020}) "
                    + "{ trainee { id ... on Country { contributions(years: {from: 2020, to: 2020}) { mission { acronym } "
                    + "total } } } } } } } }");

    GraphQLClient client() {
        return new GraphQLClient(server.getURI());
    }

    private long estimate(String query, Map<String, Object> variables) {
        return DocumentCost.of(Parser.parse(query), null, schema, limits, counts.sizes(), variables).cost();
    }

    /** The fields an answer holds: every key of every object, as the estimate counts a field once a row. */
    static long fields(JsonNode node) {
        long n = 0;
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                n += 1 + fields(it.next().getValue());
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                n += fields(element);
            }
        }
        return n;
    }

    @Test
    @DisplayName("each benchmark query's estimate is within ten times the fields its answer holds")
    void withinTenTimes() {
        for (Map.Entry<String, String> query : QUERIES.entrySet()) {
            Map<String, Object> variables = query.getKey().equals("nested") ? Map.of("first", 100) : Map.of();
            var answer = client().query(query.getValue(), variables);
            assertTrue(answer.errors().isMissingNode(), query.getKey() + ": " + answer.raw().body());
            long actual = fields(answer.data());
            long estimate = estimate(query.getValue(), variables);
            double ratio = (double) estimate / actual;
            assertTrue(ratio <= 10 && ratio >= 0.1, query.getKey() + ": estimate " + estimate + ", answer " + actual
                    + " fields, ratio " + ratio);
        }
    }

    @Test
    @DisplayName("the nested query over every country (first: 500) is answered")
    void wholeNetworkAnswered() {
        var answer = client().query(NESTED, Map.of("first", 500));
        assertTrue(answer.errors().isMissingNode(), answer.raw().body());
        assertEquals(197, answer.data().path("countries").path("edges").size());
    }

    @Test
    @DisplayName("a really large answer is refused, and the refusal names the lists to shrink")
    void refusalSaysWhatToChange() {
        var refused = client().query(LimitsIT.COSTLY);
        assertEquals("QUERY_TOO_COMPLEX", refused.errorCode(), refused.raw().body());
        JsonNode error = refused.errors().path(0);
        String hint = error.path("extensions").path("hint").asText();
        assertTrue(hint.contains("countries (197 rows) > contributions ("), hint);
        assertTrue(hint.endsWith("ask for fewer rows (first, limit), narrow the lists (years), or split the query"), hint);
        assertTrue(error.path("message").asText().endsWith(hint), error.path("message").asText());
    }
}
