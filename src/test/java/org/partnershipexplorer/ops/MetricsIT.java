package org.partnershipexplorer.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.partnershipexplorer.support.GraphQLClient;
import org.partnershipexplorer.support.ServiceTest;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // TestPropertyProvider is only read for a per-class instance
@DisplayName("/prometheus")
class MetricsIT implements ServiceTest {

    @Inject
    EmbeddedServer server;

    GraphQLClient client() {
        return new GraphQLClient(server.getURI());
    }

    private String scrape() {
        var response = client().getPath("/prometheus");
        assertEquals(200, response.status(), "no credentials needed");
        assertTrue(response.header("Content-Type").startsWith("text/plain"), response.header("Content-Type"));
        return response.raw().body();
    }

    /** The value of the one sample whose name and labels match, or -1 when there is none. */
    private static double sample(String scrape, String name, String labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{" + Pattern.quote(labels) + "} (\\S+)$")
                .matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    @Test
    @DisplayName("lists the GraphQL operation just run, by name, with its latency buckets and its statements")
    void operationJustRun() {
        String labels = "operation=\"countryCount\",outcome=\"success\",type=\"query\"";
        double before = sample(scrape(), "graphql_requests_seconds_count", labels);
        var response = client().operation("countryCount", Map.of());
        assertTrue(response.errors().isMissingNode(), response.raw().body());

        String scrape = scrape();
        assertEquals(Math.max(before, 0) + 1, sample(scrape, "graphql_requests_seconds_count", labels));
        assertTrue(sample(scrape, "graphql_requests_seconds_bucket", labels + ",le=\"+Inf\"") >= 1);
        assertTrue(sample(scrape, "graphql_requests_seconds_bucket", labels + ",le=\"0.25\"") >= 0,
                "the fixed latency buckets are published");
        // the statements of this very request, as the response header reported them, went into the summary
        double statementsSum = sample(scrape, "graphql_cypher_statements_sum", "operation=\"countryCount\"");
        assertTrue(statementsSum >= response.statements(), statementsSum + " < " + response.statements());
        assertTrue(sample(scrape, "http_server_requests_seconds_count",
                "exception=\"none\",method=\"POST\",status=\"200\",uri=\"/graphql\"") >= 1, "Micronaut's HTTP binder");
        assertTrue(scrape.contains("\njvm_memory_used_bytes{"), "JVM binders");
        assertTrue(scrape.contains("\nneo4j_driver_connections_idle{"), "the driver's connection pool");
    }

    @Test
    @DisplayName("counts errors by operation and code")
    void errorsByCode() {
        String labels = "code=\"NOT_FOUND\",operation=\"countryProfile\"";
        double before = Math.max(sample(scrape(), "graphql_errors_total", labels), 0);
        var response = client().operation("countryProfile", Map.of("iso3", "ZZZ"));
        assertEquals("NOT_FOUND", response.errorCode());
        String scrape = scrape();
        assertEquals(before + 1, sample(scrape, "graphql_errors_total", labels));
        assertTrue(sample(scrape, "graphql_requests_seconds_count",
                "operation=\"countryProfile\",outcome=\"error\",type=\"query\"") >= 1);
    }

    @Test
    @DisplayName("never takes an operation name from the client's operationName alone")
    void clientNamesDoNotBecomeTags() {
        String body = "{\"query\":\"query realName { countries(first: 1) { totalCount } }\","
                + "\"operationName\":\"inventedName\"}";
        var response = client().post(body, "application/json", "application/graphql-response+json");
        assertEquals(400, response.status(), "an unknown operationName is a request error");
        assertEquals("BAD_USER_INPUT", response.errorCode());
        String scrape = scrape();
        assertTrue(!scrape.contains("inventedName"), "a name the document does not define is not a tag");
        assertTrue(sample(scrape, "graphql_requests_seconds_count",
                "operation=\"(unknown)\",outcome=\"error\",type=\"(unknown)\"") >= 1);
    }
}
