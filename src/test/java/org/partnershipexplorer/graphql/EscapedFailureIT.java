package org.partnershipexplorer.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.partnershipexplorer.support.GraphQLClient;
import org.partnershipexplorer.support.ServiceTest;

/**
 * A failure that escapes graphql-java's execution (its strategy's or an instrumentation's, which graphql-java throws
 * rather than reports as a field's error) still answers in the API's error shape: a code, the request id, no internal
 * message, HTTP 500. An instrumentation of this test's own environment throws one on a marked query, and on the
 * query behind the isolated contributors' download.
 */
@MicronautTest(environments = EscapedFailureIT.ENVIRONMENT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("a failure that escapes GraphQL execution answers as an internal error, not with its message")
class EscapedFailureIT implements ServiceTest {

    static final String ENVIRONMENT = "escaped-failure";
    private static final String SECRET = "the internal message that must not reach the caller";

    @Inject
    EmbeddedServer server;

    @Singleton
    @Requires(env = ENVIRONMENT)
    static final class FailingInstrumentation extends SimplePerformantInstrumentation {

        @Override
        public ExecutionContext instrumentExecutionContext(ExecutionContext context,
                InstrumentationExecutionParameters parameters, InstrumentationState state) {
            String query = parameters.getQuery();
            if (query.contains("escapedFailure") || query.contains("isolatedContributors")) {
                throw new IllegalStateException(SECRET);
            }
            return context;
        }
    }

    @Test
    @DisplayName("POST /graphql: 500, INTERNAL with the request id, the message the API's own, the stack trace in the log")
    void escapedFailureIsInternal() {
        GraphQLClient.Response answer = new GraphQLClient(server.getURI())
                .query("query escapedFailure { countries(first: 1) { totalCount } }", Map.of());

        assertEquals(500, answer.status());
        assertEquals("INTERNAL", answer.errorCode());
        String requestId = answer.header("X-Request-Id");
        assertEquals(requestId, answer.errors().get(0).path("extensions").path("requestId").asText());
        assertEquals("Internal error; the server log has the details under request id " + requestId,
                answer.errors().get(0).path("message").asText());
        assertFalse(answer.raw().body().contains(SECRET), answer.raw().body());
        assertTrue(answer.body().path("data").isMissingNode(), answer.raw().body());
    }

    @Test
    @DisplayName("a query without the mark is answered as usual beside it")
    void otherQueriesAnswer() {
        GraphQLClient.Response answer = new GraphQLClient(server.getURI())
                .query("{ countries(first: 1) { totalCount } }", Map.of());

        assertEquals(200, answer.status());
        assertEquals(197, answer.data().path("countries").path("totalCount").asInt());
    }

    @Test
    @DisplayName("a download whose query fails so: 500, INTERNAL with the request id, no internal message")
    void escapedFailureOfADownloadIsInternal() {
        GraphQLClient.Response answer = new GraphQLClient(server.getURI()).getPath("/export/isolated.csv?year=2021");

        assertEquals(500, answer.status());
        String requestId = answer.header("X-Request-Id");
        assertEquals("{\"errors\":[{\"message\":\"Internal error; the server log has the details under request id "
                + requestId + "\",\"extensions\":{\"code\":\"INTERNAL\",\"requestId\":\"" + requestId + "\"}}]}",
                answer.raw().body());
    }
}
