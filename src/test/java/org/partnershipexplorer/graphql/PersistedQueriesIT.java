package org.partnershipexplorer.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.partnershipexplorer.support.GraphQLClient;
import org.partnershipexplorer.support.ServiceTest;

/**
 * The requests Apollo Client's persisted-query link sends (createPersistedQueryLink with sha256): first the hash
 * alone, as a POST body or, with useGETForHashedQueries, as GET parameters; on PersistedQueryNotFound the same
 * request again by POST with the query beside the hash. Bodies and parameters are spelled as the link spells them.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("automatic persisted queries, as Apollo's persisted-query link sends them")
class PersistedQueriesIT implements ServiceTest {

    private static final String JSON = "application/json";
    /** What Apollo's HttpLink sends as Accept. */
    private static final String APOLLO_ACCEPT = "application/graphql-response+json,application/json;q=0.9";

    @Inject
    EmbeddedServer server;

    GraphQLClient client() {
        return new GraphQLClient(server.getURI());
    }

    /** Each test its own document, so that no test finds a hash another one stored. */
    static String query(String alias) {
        return "query Korea {\n  " + alias + ": country(iso3: \"KOR\") {\n    name\n  }\n}";
    }

    static String extensions(String hash) {
        return "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}";
    }

    static String hashOnly(String hash) {
        return "{\"operationName\":\"Korea\",\"variables\":{},\"extensions\":" + extensions(hash) + "}";
    }

    static String withQuery(String query, String hash) {
        return "{\"operationName\":\"Korea\",\"variables\":{},\"extensions\":" + extensions(hash) + ",\"query\":"
                + quoted(query) + "}";
    }

    static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    static String getPath(String hash) {
        return "/graphql?operationName=Korea&variables=%7B%7D&extensions="
                + URLEncoder.encode(extensions(hash), StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("an unknown hash: 200 with PersistedQueryNotFound; the retry with the query runs and stores it; the hash alone then runs")
    void missThenRegisterThenHit() {
        String query = query("first");
        String hash = PersistedQueries.sha256(query);

        var miss = client().post(hashOnly(hash), JSON, APOLLO_ACCEPT);
        assertEquals(200, miss.status());
        assertEquals("PersistedQueryNotFound", miss.errors().path(0).path("message").asText());
        assertEquals("PERSISTED_QUERY_NOT_FOUND", miss.errorCode());
        assertEquals(miss.header("X-Request-Id"), miss.errors().path(0).path("extensions").path("requestId").asText());
        assertTrue(miss.body().path("data").isMissingNode(), miss.raw().body());

        var registered = client().post(withQuery(query, hash), JSON, APOLLO_ACCEPT);
        assertEquals(200, registered.status());
        assertEquals("{\"data\":{\"first\":{\"name\":\"Republic of Korea\"}}}", registered.raw().body());

        var hit = client().post(hashOnly(hash), JSON, APOLLO_ACCEPT);
        assertEquals(200, hit.status());
        assertEquals("{\"data\":{\"first\":{\"name\":\"Republic of Korea\"}}}", hit.raw().body());
    }

    @Test
    @DisplayName("GET with the hash alone: a miss, then after the POST retry the GET runs the stored query")
    void getByHash() {
        String query = query("second");
        String hash = PersistedQueries.sha256(query);

        var miss = client().getPath(getPath(hash));
        assertEquals(200, miss.status());
        assertEquals("PERSISTED_QUERY_NOT_FOUND", miss.errorCode());

        assertEquals(200, client().post(withQuery(query, hash), JSON, APOLLO_ACCEPT).status());

        var hit = client().getPath(getPath(hash));
        assertEquals(200, hit.status());
        assertEquals("{\"data\":{\"second\":{\"name\":\"Republic of Korea\"}}}", hit.raw().body());
    }

    @Test
    @DisplayName("a query whose SHA-256 is not the hash sent: 400 naming both, and nothing stored under that hash")
    void wrongHashRefused() {
        String query = query("third");
        String wrong = PersistedQueries.sha256(query("other"));
        var refused = client().post(withQuery(query, wrong), JSON, APOLLO_ACCEPT);
        assertEquals(400, refused.status());
        assertEquals("BAD_USER_INPUT", refused.errorCode());
        assertEquals("Not a GraphQL request: extensions.persistedQuery.sha256Hash is " + wrong
                + " but the SHA-256 of the query sent (UTF-8) is " + PersistedQueries.sha256(query),
                refused.errors().path(0).path("message").asText());

        assertEquals("PERSISTED_QUERY_NOT_FOUND", client().post(hashOnly(wrong), JSON, APOLLO_ACCEPT).errorCode());
    }

    @Test
    @DisplayName("another version or a hash that is not 64 hex digits: 400 saying so")
    void malformedExtension() {
        var version = client().post("{\"extensions\":{\"persistedQuery\":{\"version\":2,\"sha256Hash\":\""
                + PersistedQueries.sha256("{ __typename }") + "\"}}}", JSON, JSON);
        assertEquals(400, version.status());
        assertEquals("Not a GraphQL request: extensions.persistedQuery.version is 2; only version 1 is supported",
                version.errors().path(0).path("message").asText());

        var hash = client().post(hashOnly("abc"), JSON, JSON);
        assertEquals(400, hash.status());
        assertEquals("Not a GraphQL request: extensions.persistedQuery.sha256Hash must be the SHA-256 of the query "
                + "as 64 hexadecimal digits", hash.errors().path(0).path("message").asText());
    }

    @Test
    @DisplayName("a stored mutation's hash over GET: 405 with Allow: POST, nothing written")
    void mutationNeverOverGet() {
        String mutation = "mutation Remove { deleteCountry(iso3: \"KOR\") { kind id } }";
        String hash = PersistedQueries.sha256(mutation);
        // stored by POST; the test service has no JWT secret, so the mutation itself is refused inside GraphQL
        var post = client().post("{\"query\":" + quoted(mutation) + ",\"extensions\":" + extensions(hash) + "}",
                JSON, JSON);
        assertEquals("FORBIDDEN", post.errorCode());
        assertEquals("WRITES_DISABLED", post.errors().path(0).path("extensions").path("reason").asText());

        var get = client().getPath("/graphql?extensions=" + URLEncoder.encode(extensions(hash), StandardCharsets.UTF_8));
        assertEquals(405, get.status());
        assertEquals("POST", get.header("Allow"));
        assertEquals("Mutations are only accepted over POST", get.errors().path(0).path("message").asText());
    }

    @Test
    @DisplayName("with EXPLORER_PERSISTED_QUERIES off, a hash answers PersistedQueryNotSupported (200); the query alone runs")
    void switchedOff() {
        Map<String, Object> properties = new HashMap<>(getProperties());
        properties.put("explorer.graphql.persisted-queries", "false");
        try (EmbeddedServer off = ApplicationContext.run(EmbeddedServer.class, properties)) {
            GraphQLClient client = new GraphQLClient(off.getURI());
            String query = query("fourth");
            var refused = client.post(withQuery(query, PersistedQueries.sha256(query)), JSON, APOLLO_ACCEPT);
            assertEquals(200, refused.status());
            assertEquals("PersistedQueryNotSupported", refused.errors().path(0).path("message").asText());
            assertEquals("PERSISTED_QUERY_NOT_SUPPORTED", refused.errorCode());

            var plain = client.post("{\"operationName\":\"Korea\",\"variables\":{},\"query\":" + quoted(query) + "}",
                    JSON, APOLLO_ACCEPT);
            assertEquals("{\"data\":{\"fourth\":{\"name\":\"Republic of Korea\"}}}", plain.raw().body());
        }
    }
}
