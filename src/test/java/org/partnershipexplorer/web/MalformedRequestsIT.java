package org.partnershipexplorer.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.partnershipexplorer.support.ServiceTest;

/**
 * Requests that HTTP itself cannot read (a body that is not in its declared encoding, headers over the server's
 * limit, a request line over it) answer a 4xx status of their own with the API's JSON error shape, never a 500 or a
 * status that blames something else.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Requests HTTP cannot read get a 4xx of their own and a JSON error")
class MalformedRequestsIT implements ServiceTest {

    private static final String VALID = "{\"query\":\"{ country(iso3: \\\"KOR\\\") { name } }\"}";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EmbeddedServer server;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder postGraphQL(byte[] body, String contentEncoding) {
        return HttpRequest.newBuilder(server.getURI().resolve("/graphql"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Content-Encoding", contentEncoding)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    /** The one error of a JSON error body, checked to carry the request id of the response header. */
    private static JsonNode onlyError(HttpResponse<String> response) throws IOException {
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        JsonNode errors = JSON.readTree(response.body()).path("errors");
        assertEquals(1, errors.size(), response.body());
        JsonNode error = errors.path(0);
        assertEquals(response.headers().firstValue("X-Request-Id").orElse("no header"),
                error.path("extensions").path("requestId").asText());
        return error;
    }

    @Test
    @DisplayName("a body that says Content-Encoding: gzip and is not gzip: 400, BAD_USER_INPUT, saying which encoding failed")
    void bodyNotInItsDeclaredEncoding() throws Exception {
        var response = send(postGraphQL(VALID.getBytes(StandardCharsets.UTF_8), "gzip"));
        assertEquals(400, response.statusCode(), response.body());
        JsonNode error = onlyError(response);
        assertEquals("The body cannot be decoded as its Content-Encoding header says: Input is not in the GZIP format",
                error.path("message").asText());
        assertEquals("BAD_USER_INPUT", error.path("extensions").path("code").asText());
    }

    @Test
    @DisplayName("a body that is gzip as it says is decoded and runs")
    void gzipBodyRuns() throws Exception {
        var response = send(postGraphQL(gzip(VALID), "gzip"));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("{\"data\":{\"country\":{\"name\":\"Republic of Korea\"}}}", response.body());
    }

    @Test
    @DisplayName("headers over micronaut.server.netty.max-header-size: 431 Request Header Fields Too Large, with a JSON error")
    void oversizedHeader() throws Exception {
        var response = send(HttpRequest.newBuilder(server.getURI().resolve("/graphql?query=%7B__typename%7D"))
                .header("X-Padding", "x".repeat(10_000))
                .GET());
        assertEquals(431, response.statusCode(), response.body());
        JsonNode error = onlyError(response);
        assertEquals("The request's headers are too large: at most 8192 bytes (micronaut.server.netty.max-header-size)",
                error.path("message").asText());
        assertEquals("BAD_USER_INPUT", error.path("extensions").path("code").asText());
    }

    @Test
    @DisplayName("a request line over micronaut.server.netty.max-initial-line-length: 414 URI Too Long, with a JSON error")
    void oversizedRequestLine() throws Exception {
        var response = send(HttpRequest.newBuilder(server.getURI().resolve("/graphql?query=" + "x".repeat(5_000)))
                .GET());
        assertEquals(414, response.statusCode(), response.body());
        JsonNode error = onlyError(response);
        assertEquals("The request line is too long: at most 4096 bytes (micronaut.server.netty.max-initial-line-length)",
                error.path("message").asText());
        assertEquals("BAD_USER_INPUT", error.path("extensions").path("code").asText());
    }
}
