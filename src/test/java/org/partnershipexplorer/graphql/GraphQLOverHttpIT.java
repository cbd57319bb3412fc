package org.partnershipexplorer.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
@DisplayName("/graphql follows the GraphQL-over-HTTP rules of docs/api.md")
class GraphQLOverHttpIT implements ServiceTest {

    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    private static final String JSON = "application/json";
    private static final String VALID = "{\"query\":\"{ country(iso3: \\\"KOR\\\") { name } }\"}";

    @Inject
    EmbeddedServer server;

    GraphQLClient client() {
        return new GraphQLClient(server.getURI());
    }

    @Test
    @DisplayName("without Accept the answer is application/json, 200, with a request id")
    void noAcceptMeansJson() {
        var response = client().post(VALID, JSON, null);
        assertEquals(200, response.status());
        assertEquals("application/json;charset=utf-8", response.header("Content-Type"));
        assertEquals("Republic of Korea", response.data().path("country").path("name").asText());
        assertNotNull(response.header("X-Request-Id"));
    }

    @Test
    @DisplayName("Accept: */* or application/* gets application/json; a document that does not parse is then 200, as legacy clients expect")
    void wildcardAcceptMeansJson() {
        for (String accept : List.of("*/*", "application/*", "text/html, */*;q=0.8")) {
            var response = client().post(VALID, JSON, accept);
            assertEquals(200, response.status(), accept);
            assertEquals("application/json;charset=utf-8", response.header("Content-Type"), accept);
        }
        var broken = client().post("{\"query\":\"{ country(iso3: \"}", JSON, "*/*");
        assertEquals(200, broken.status());
        assertEquals("GRAPHQL_PARSE_FAILED", broken.errorCode());
    }

    @Test
    @DisplayName("a client that names application/graphql-response+json gets it, also before a wildcard")
    void namedGraphQLResponse() {
        for (String accept : List.of(GRAPHQL_RESPONSE, GRAPHQL_RESPONSE + ", */*;q=0.5", GRAPHQL_RESPONSE + ", application/json;q=0.9")) {
            var response = client().post(VALID, JSON, accept);
            assertEquals(200, response.status(), accept);
            assertEquals(GRAPHQL_RESPONSE + ";charset=utf-8", response.header("Content-Type"), accept);
        }
    }

    @Test
    @DisplayName("extensions that are not a JSON object: 400 for a POST body and for GET's parameter; an object or null runs")
    void extensionsMustBeAnObject() {
        for (String extensions : List.of("\"persisted\"", "1", "[]", "true")) {
            var post = client().post("{\"query\":\"{ __typename }\",\"extensions\":" + extensions + "}", JSON, JSON);
            assertEquals(400, post.status(), extensions);
            assertEquals("Not a GraphQL request: extensions must be an object", post.errors().path(0).path("message").asText());
            assertEquals("BAD_USER_INPUT", post.errorCode());

            var get = client().getPath("/graphql?query=%7B__typename%7D&extensions="
                    + URLEncoder.encode(extensions, StandardCharsets.UTF_8));
            assertEquals(400, get.status(), extensions);
            assertEquals("Not a GraphQL request: extensions must be a JSON object", get.errors().path(0).path("message").asText());
        }
        var notJson = client().getPath("/graphql?query=%7B__typename%7D&extensions=%7Bpersisted");
        assertEquals(400, notJson.status());
        assertEquals("Not a GraphQL request: extensions is not JSON", notJson.errors().path(0).path("message").asText());

        for (String extensions : List.of("{\"tracing\":true}", "null")) {
            var post = client().post("{\"query\":\"{ __typename }\",\"extensions\":" + extensions + "}", JSON, JSON);
            assertEquals(200, post.status(), extensions);
            assertEquals("Query", post.data().path("__typename").asText());
        }
        var get = client().getPath("/graphql?query=%7B__typename%7D&extensions=%7B%7D");
        assertEquals(200, get.status());
        assertEquals("{\"data\":{\"__typename\":\"Query\"}}", get.raw().body());
    }

    @Test
    @DisplayName("a subscription, over POST or GET: GRAPHQL_VALIDATION_FAILED naming the WebSocket route, with the request id; 400 or 200 as for any document that does not validate")
    void subscriptionIsAGraphQLError() {
        String message = "Subscriptions are served over WebSocket at /graphql-ws (subprotocol graphql-transport-ws); "
                + "/graphql answers queries and mutations";
        var post = client().post("{\"query\":\"subscription { dataChanged { sequence } }\"}", JSON, GRAPHQL_RESPONSE);
        assertEquals(400, post.status());
        assertEquals(message, post.errors().path(0).path("message").asText());
        assertEquals("GRAPHQL_VALIDATION_FAILED", post.errorCode());
        assertEquals(post.header("X-Request-Id"), post.errors().path(0).path("extensions").path("requestId").asText());
        assertTrue(post.body().path("data").isMissingNode(), post.raw().body());

        var legacy = client().post("{\"query\":\"subscription Live { dataChanged { sequence } }\",\"operationName\":\"Live\"}", JSON, JSON);
        assertEquals(200, legacy.status());
        assertEquals(message, legacy.errors().path(0).path("message").asText());

        var get = client().get("subscription { dataChanged { sequence } }", GRAPHQL_RESPONSE);
        assertEquals(400, get.status());
        assertEquals("GRAPHQL_VALIDATION_FAILED", get.errorCode());
    }

    @Test
    @DisplayName("introspection that repeats __schema to inflate the answer: QUERY_TOO_COMPLEX, not INTERNAL")
    void badFaithIntrospection() {
        var response = client().query("{ a: __schema { queryType { name } } b: __schema { queryType { name } } }");
        assertEquals(400, response.status());
        assertEquals("QUERY_TOO_COMPLEX", response.errorCode());
        assertEquals("goodFaithIntrospection", response.errors().path(0).path("extensions").path("limit").asText());
    }

    @Test
    @DisplayName("with explorer.graphql.introspection=false, __schema is FORBIDDEN (reason INTROSPECTION_DISABLED) and __typename still answers")
    void introspectionSwitchedOff() {
        Map<String, Object> properties = new HashMap<>(getProperties());
        properties.put("explorer.graphql.introspection", "false");
        try (EmbeddedServer closed = ApplicationContext.run(EmbeddedServer.class, properties)) {
            GraphQLClient client = new GraphQLClient(closed.getURI());
            var refused = client.query("{ __schema { queryType { name } } }");
            assertEquals(400, refused.status());
            JsonNode error = refused.errors().path(0);
            assertEquals("Introspection (__schema, __type) is switched off on this service "
                    + "(explorer.graphql.introspection); the schema is schema.graphqls in the repository",
                    error.path("message").asText());
            assertEquals("FORBIDDEN", error.path("extensions").path("code").asText());
            assertEquals("INTROSPECTION_DISABLED", error.path("extensions").path("reason").asText());
            assertEquals(refused.header("X-Request-Id"), error.path("extensions").path("requestId").asText());
            assertEquals(1, error.path("locations").path(0).path("line").asInt());

            var typename = client.query("{ __typename country(iso3: \"KEN\") { name } }");
            assertEquals(200, typename.status());
            assertEquals("{\"data\":{\"__typename\":\"Query\",\"country\":{\"name\":\"Kenya\"}}}",
                    typename.raw().body());
        }
        // this class's own server keeps introspection on (the default)
        assertEquals("Query", client().query("{ __schema { queryType { name } } }").data()
                .path("__schema").path("queryType").path("name").asText());
    }

    @Test
    @DisplayName("Accept: application/json gets application/json")
    void jsonAcceptGetsJson() {
        var response = client().post(VALID, JSON, JSON);
        assertEquals(200, response.status());
        assertTrue(response.header("Content-Type").startsWith(JSON));
    }

    @Test
    @DisplayName("a document that does not parse: 400 under graphql-response+json, 200 under json")
    void parseErrorStatusDependsOnAccept() {
        String broken = "{\"query\":\"{ country(iso3: \"}";
        var strict = client().post(broken, JSON, GRAPHQL_RESPONSE);
        assertEquals(400, strict.status());
        assertEquals("GRAPHQL_PARSE_FAILED", strict.errorCode());
        assertTrue(strict.body().path("data").isMissingNode());

        var legacy = client().post(broken, JSON, JSON);
        assertEquals(200, legacy.status());
        assertEquals("GRAPHQL_PARSE_FAILED", legacy.errorCode());
    }

    @Test
    @DisplayName("a document that does not validate: 400 with GRAPHQL_VALIDATION_FAILED")
    void validationError() {
        var response = client().post("{\"query\":\"{ country(iso3: \\\"KOR\\\") { capital } }\"}", JSON,
                GRAPHQL_RESPONSE);
        assertEquals(400, response.status());
        assertEquals("GRAPHQL_VALIDATION_FAILED", response.errorCode());
        assertTrue(response.errors().path(0).path("message").asText().contains("capital"));
    }

    @Test
    @DisplayName("a variable of the wrong type: 400 with BAD_USER_INPUT")
    void badVariable() {
        var response = client().post(
                "{\"query\":\"query q($n: Int) { countries(first: $n) { totalCount } }\",\"variables\":{\"n\":\"many\"}}",
                JSON, GRAPHQL_RESPONSE);
        assertEquals(400, response.status());
        assertEquals("BAD_USER_INPUT", response.errorCode());
    }

    @Test
    @DisplayName("a body that is not a GraphQL request: 400 saying why")
    void notAGraphQLRequest() {
        var notJson = client().post("country KOR", JSON, GRAPHQL_RESPONSE);
        assertEquals(400, notJson.status());
        assertEquals("Not a GraphQL request: the body is not JSON", notJson.errors().path(0).path("message").asText());

        var noQuery = client().post("{\"variables\":{}}", JSON, JSON);
        assertEquals(400, noQuery.status());
        assertEquals("Not a GraphQL request: query must be a non-empty string",
                noQuery.errors().path(0).path("message").asText());
    }

    @Test
    @DisplayName("a body that is not application/json: 415")
    void wrongContentType() {
        var response = client().post(VALID, "text/plain", JSON);
        assertEquals(415, response.status());
    }

    @Test
    @DisplayName("an Accept the service cannot produce: 406")
    void unsupportedAccept() {
        var response = client().post(VALID, JSON, "text/html");
        assertEquals(406, response.status());
    }

    @Test
    @DisplayName("GET runs a query; a mutation over GET is 405 with Allow: POST")
    void getQueriesAndRefusesMutations() {
        var query = client().get("{ country(iso3: \"KEN\") { name } }", JSON);
        assertEquals(200, query.status());
        assertEquals("Kenya", query.data().path("country").path("name").asText());

        var mutation = client().get("mutation { deleteCountry(iso3: \"KEN\") { iso3 } }", JSON);
        assertEquals(405, mutation.status());
        assertEquals("POST", mutation.header("Allow"));
    }

    @Test
    @DisplayName("every error carries a code and the request id of the response header")
    void errorsCarryCodeAndRequestId() {
        var response = client().query("{ country(iso3: \"ZZZ\") { name } }");
        String requestId = response.header("X-Request-Id");
        assertEquals(requestId, response.errors().path(0).path("extensions").path("requestId").asText());
        assertEquals("NOT_FOUND", response.errorCode());
    }
}
