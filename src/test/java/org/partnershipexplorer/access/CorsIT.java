package org.partnershipexplorer.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Cross-origin calls as a browser makes them: a preflight ({@code OPTIONS} with {@code Origin} and
 * {@code Access-Control-Request-Method}) before a POST with a token, then the POST itself.
 */
@DisplayName("CORS: only the origins of EXPLORER_CORS_ORIGINS, each by name, with credentials")
class CorsIT {

    static final String APP = "https://app.example.org";
    static final String DEV = "http://localhost:5173";
    static final String STRANGER = "https://elsewhere.example.com";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    HttpResponse<String> preflight(EmbeddedServer server, String path, String origin) throws Exception {
        return preflight(server, path, origin, "POST");
    }

    HttpResponse<String> preflight(EmbeddedServer server, String path, String origin, String method) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.getURI() + path))
                .timeout(Duration.ofSeconds(30))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", "content-type,authorization")
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(EmbeddedServer server, String origin) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.getURI() + "/graphql"))
                .timeout(Duration.ofSeconds(30))
                .header("Origin", origin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    @Test
    @DisplayName("a listed origin's preflight is answered with its own name, credentials, the method and the headers it asked for; a method other than GET or POST is refused")
    void listedOriginPreflight() throws Exception {
        try (EmbeddedServer server = RouteAccessIT.start(Map.of("explorer.cors.origins", " " + APP + " , " + DEV))) {
            for (String origin : List.of(APP, DEV)) {
                HttpResponse<String> response = preflight(server, "/graphql", origin);
                assertEquals(200, response.statusCode(), origin);
                assertEquals(origin, header(response, "Access-Control-Allow-Origin"));
                assertEquals("true", header(response, "Access-Control-Allow-Credentials"));
                assertEquals(List.of("POST"), response.headers().allValues("Access-Control-Allow-Methods"));
                assertEquals(List.of("content-type", "authorization"),
                        response.headers().allValues("Access-Control-Allow-Headers"));
                assertEquals("Origin", header(response, "Vary"));
            }
            assertEquals(List.of("GET"), preflight(server, "/graphql", APP, "GET").headers()
                    .allValues("Access-Control-Allow-Methods"));
            HttpResponse<String> delete = preflight(server, "/graphql", APP, "DELETE");
            assertEquals(403, delete.statusCode());
            assertNull(header(delete, "Access-Control-Allow-Origin"));

            HttpResponse<String> answer = post(server, APP);
            assertEquals(200, answer.statusCode());
            assertEquals("{\"data\":{\"__typename\":\"Query\"}}", answer.body());
            assertEquals(APP, header(answer, "Access-Control-Allow-Origin"));
            assertEquals("true", header(answer, "Access-Control-Allow-Credentials"));
            assertEquals(List.of("X-Request-Id", "Retry-After", "X-Cypher-Statements"),
                    answer.headers().allValues("Access-Control-Expose-Headers"));
        }
    }

    @Test
    @DisplayName("an origin not listed gets no CORS header: its preflight is 403 and its POST too")
    void strangerRefused() throws Exception {
        try (EmbeddedServer server = RouteAccessIT.start(Map.of("explorer.cors.origins", APP))) {
            HttpResponse<String> response = preflight(server, "/graphql", STRANGER);
            assertEquals(403, response.statusCode());
            assertNull(header(response, "Access-Control-Allow-Origin"));
            assertNull(header(response, "Access-Control-Allow-Credentials"));

            HttpResponse<String> answer = post(server, STRANGER);
            assertEquals(403, answer.statusCode());
            assertNull(header(answer, "Access-Control-Allow-Origin"));
        }
    }

    @Test
    @DisplayName("by default no origin is listed: a preflight gets no CORS header")
    void noneByDefault() throws Exception {
        try (EmbeddedServer server = RouteAccessIT.start(Map.of())) {
            HttpResponse<String> response = preflight(server, "/graphql", APP);
            assertEquals(403, response.statusCode());
            assertNull(header(response, "Access-Control-Allow-Origin"));
        }
    }

    @Test
    @DisplayName("a preflight that CORS does not answer reaches the route rule, which opens no route to OPTIONS: 401, no CORS header")
    void unansweredPreflightIsDeniedByRoute() throws Exception {
        // on a public address Micronaut lets an unlisted origin on to the routes; pass-through makes localhost one
        try (EmbeddedServer server = RouteAccessIT.start(Map.of("explorer.cors.origins", APP,
                "micronaut.server.cors.localhost-pass-through", "true"))) {
            for (String path : List.of("/graphql", "/import", "/export")) {
                HttpResponse<String> response = preflight(server, path, STRANGER);
                assertEquals(401, response.statusCode(), path);
                assertNull(header(response, "Access-Control-Allow-Origin"), path);
            }
        }
    }
}
