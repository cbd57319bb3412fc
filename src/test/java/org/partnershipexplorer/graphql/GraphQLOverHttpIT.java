package org.partnershipexplorer.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
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
    @DisplayName("without Accept the answer is application/graphql-response+json, 200, with a request id")
    void noAcceptMeansGraphQLResponse() {
        var response = client().post(VALID, JSON, null);
        assertEquals(200, response.status());
        assertTrue(response.header("Content-Type").startsWith(GRAPHQL_RESPONSE));
        assertEquals("Republic of Korea", response.data().path("country").path("name").asText());
        assertNotNull(response.header("X-Request-Id"));
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
