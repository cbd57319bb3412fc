package org.partnershipexplorer.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends real HTTP requests to the running service, as a user's client would. Operations live in
 * {@code src/test/resources/graphql/<operation>.graphql}.
 */
public final class GraphQLClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String bearer;

    public GraphQLClient(URI base) {
        this(base, null);
    }

    private GraphQLClient(URI base, String bearer) {
        this.base = base;
        this.bearer = bearer;
    }

    /** The same client sending {@code Authorization: Bearer <token>} with every request. */
    public GraphQLClient withToken(String token) {
        return new GraphQLClient(base, token);
    }

    /** The answer to one request: status, headers and the parsed body. */
    public record Response(int status, HttpResponse<String> raw, JsonNode body) {

        public JsonNode data() {
            return body.path("data");
        }

        public JsonNode errors() {
            return body.path("errors");
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** The number of Cypher statements the request sent, as the service counted them. */
        public int statements() {
            return Integer.parseInt(header("X-Cypher-Statements"));
        }

        /** The first error's code, or null. */
        public String errorCode() {
            return errors().path(0).path("extensions").path("code").asText(null);
        }
    }

    /** Runs the operation stored as {@code graphql/<name>.graphql} with the given variables. */
    public Response operation(String name, Map<String, Object> variables) {
        return query(load(name), variables);
    }

    public Response query(String query, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        try {
            return post(JSON.writeValueAsString(body), "application/json", "application/graphql-response+json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Response query(String query) {
        return query(query, Map.of());
    }

    /** A raw POST, for the HTTP rules; {@code accept} null sends no Accept header. */
    public Response post(String body, String contentType, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/graphql"))
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        return send(request.build());
    }

    /** A GET with the query in the URL. */
    public Response get(String query, String accept) {
        String url = "/graphql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(url)).timeout(Duration.ofSeconds(60)).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        return send(request.build());
    }

    /** A plain GET of any path, parsed as JSON when it is JSON. */
    public Response getPath(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).GET().build());
    }

    private Response send(HttpRequest request) {
        if (bearer != null) {
            request = HttpRequest.newBuilder(request, (name, value) -> true).header("Authorization", "Bearer " + bearer).build();
        }
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = JSON.readTree(response.body());
            } catch (IOException notJson) {
                body = JSON.missingNode();
            }
            return new Response(response.statusCode(), response, body == null ? JSON.missingNode() : body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String load(String operation) {
        String path = "/graphql/" + operation + ".graphql";
        try (InputStream in = GraphQLClient.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test operation " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
