package org.partnershipexplorer.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.partnershipexplorer.support.GraphQLClient;
import org.partnershipexplorer.support.ServiceTest;
import org.slf4j.LoggerFactory;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // TestPropertyProvider is only read for a per-class instance
@DisplayName("the request log")
class RequestLogIT implements ServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EmbeddedServer server;

    private final Logger requests = (Logger) LoggerFactory.getLogger(RequestLog.LOGGER);
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private Level levelBefore;

    @BeforeEach
    void capture() {
        levelBefore = requests.getLevel();
        captured.start();
        requests.addAppender(captured);
    }

    @AfterEach
    void release() {
        requests.detachAppender(captured);
        requests.setLevel(levelBefore);
    }

    /** The captured lines at a level that mention this request id. */
    private List<String> lines(Level level, String requestId) {
        return captured.list.stream()
                .filter(e -> e.getLevel() == level)
                .map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.contains("requestId=" + requestId + " "))
                .toList();
    }

    private static Map<String, String> fields(String line) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(\\w+)=(\"(?:[^\"\\\\]|\\\\.)*\"|\\S*)").matcher(line);
        while (m.find()) {
            fields.put(m.group(1), m.group(2));
        }
        return fields;
    }

    @Test
    @DisplayName("links the error a caller sees to one key=value line: same request id, operation, statements, code")
    void requestIdLinksErrorAndLogLine() {
        var response = new GraphQLClient(server.getURI()).operation("countryProfile", Map.of("iso3", "QQQ"));
        String requestId = response.header("X-Request-Id");
        assertEquals(requestId, response.errors().path(0).path("extensions").path("requestId").asText());
        assertEquals("NOT_FOUND", response.errorCode());

        List<String> lines = lines(Level.INFO, requestId);
        assertEquals(1, lines.size(), captured.list.toString());
        Map<String, String> fields = fields(lines.get(0));
        assertTrue(lines.get(0).startsWith("graphql "), lines.get(0));
        assertEquals(requestId, fields.get("requestId"));
        assertEquals("countryProfile", fields.get("operation"));
        assertEquals("query", fields.get("type"));
        assertEquals("200", fields.get("status"));
        assertEquals(Integer.toString(response.statements()), fields.get("statements"));
        assertEquals("NOT_FOUND", fields.get("errors"));
        assertEquals("false", fields.get("translated"), "an error is reported field by field");
        assertTrue(Double.parseDouble(fields.get("durationMs")) > 0, lines.get(0));
        assertFalse(lines.get(0).contains("QQQ"), "variable values stay out of the info line");
        assertTrue(lines(Level.DEBUG, requestId).isEmpty(), "no variables line unless the logger is at DEBUG");
    }

    @Test
    @DisplayName("says whether a query ran translated, in one statement, or field by field")
    void translatedOrFieldByField() {
        var client = new GraphQLClient(server.getURI());
        var translated = client.operation("nestedTrainees", Map.of("first", 5));
        var fieldByField = client.query("{ countries(first: 2) { edges { node { iso3 attended { role } } } } }");

        Map<String, String> one = fields(lines(Level.INFO, translated.header("X-Request-Id")).get(0));
        assertEquals("true", one.get("translated"));
        assertEquals("1", one.get("statements"));
        Map<String, String> other = fields(lines(Level.INFO, fieldByField.header("X-Request-Id")).get(0));
        assertEquals("false", other.get("translated"));
        assertEquals("2", other.get("statements"));
    }

    @Test
    @DisplayName("keeps a sane request id the caller sent, in the header, the errors and the log; variables only at DEBUG")
    void callersRequestIdAndDebugVariables() throws Exception {
        requests.setLevel(Level.DEBUG);
        String requestId = "lb-7f3a.42";
        String body = JSON.writeValueAsString(Map.of(
                "query", "query countryProfile($iso3: ID!) { country(iso3: $iso3) { name } }",
                "variables", Map.of("iso3", "QQQ")));
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.getURI() + "/graphql"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        .header("X-Request-Id", requestId)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(requestId, response.headers().firstValue("X-Request-Id").orElseThrow());
        JsonNode errors = JSON.readTree(response.body()).path("errors");
        assertEquals(requestId, errors.path(0).path("extensions").path("requestId").asText());

        assertEquals(1, lines(Level.INFO, requestId).size());
        List<String> debug = lines(Level.DEBUG, requestId);
        assertEquals(List.of("graphql requestId=" + requestId + " variables=\"{\\\"iso3\\\":\\\"QQQ\\\"}\""), debug);
    }

    @Test
    @DisplayName("logs a request refused before execution too, with the id of its error")
    void refusedRequest() {
        var response = new GraphQLClient(server.getURI()).post("not json", "application/json", null);
        assertEquals(400, response.status());
        String requestId = response.errors().path(0).path("extensions").path("requestId").asText();
        assertEquals(requestId, response.header("X-Request-Id"));
        Map<String, String> fields = fields(lines(Level.INFO, requestId).get(0));
        assertEquals("(unknown)", fields.get("operation"));
        assertEquals("400", fields.get("status"));
        assertEquals("0", fields.get("statements"));
        assertEquals("BAD_USER_INPUT", fields.get("errors"));
    }
}
