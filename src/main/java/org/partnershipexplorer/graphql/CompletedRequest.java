package org.partnershipexplorer.graphql;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One GraphQL request that the service answered, as request logs and metrics see it.
 *
 * @param requestId  the id in the X-Request-Id header and in every error's {@code extensions.requestId}
 * @param operation  the operation the document ran; empty when it did not parse or named no such operation
 * @param status     the HTTP status of the answer
 * @param duration   from the start of execution to the result
 * @param statements the Cypher statements the request sent
 * @param translated whether the query ran as one translated statement ({@link Translator}) rather than field by field
 * @param errorCodes the distinct {@code extensions.code} of the errors, in order of appearance
 * @param variables  the request's variables: for debug logging only, never for metrics or the info log
 */
public record CompletedRequest(String requestId, Optional<Operation> operation, int status, Duration duration,
        int statements, boolean translated, List<String> errorCodes, Map<String, Object> variables) {
}
