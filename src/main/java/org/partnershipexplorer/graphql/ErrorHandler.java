package org.partnershipexplorer.graphql;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import graphql.execution.ResultPath;
import graphql.language.SourceLocation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.partnershipexplorer.deadline.RequestTimeoutException;
import org.partnershipexplorer.neo4j.Neo4jUnavailableException;
import org.partnershipexplorer.neo4j.QueryTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what a data fetcher throws into an error with a code. Only {@link ApiException} messages reach the caller
 * as they are; anything unexpected becomes INTERNAL with the request id, and its stack trace goes to the log only.
 */
final class ErrorHandler implements DataFetcherExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);

    @Override
    public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(
            DataFetcherExceptionHandlerParameters parameters) {
        RequestInfo request = parameters.getDataFetchingEnvironment().getGraphQlContext().get(RequestInfo.class);
        GraphQLError graphQLError = error(parameters.getException(), parameters.getPath(),
                parameters.getSourceLocation(), request);
        return CompletableFuture.completedFuture(
                DataFetcherExceptionHandlerResult.newResult().error(graphQLError).build());
    }

    /** The error reported at {@code path} for what a field's work threw (a fetcher's, or a translated statement's). */
    static GraphQLError error(Throwable thrown, ResultPath path, SourceLocation location, RequestInfo request) {
        Throwable error = unwrap(thrown);
        String requestId = request == null ? "-" : request.requestId();
        Map<String, Object> extensions = new LinkedHashMap<>();
        String message;
        if (error instanceof ApiException api) {
            extensions.put("code", api.code().name());
            extensions.putAll(api.extensions());
            message = api.getMessage();
        } else if (error instanceof RequestTimeoutException timeout) {
            LOG.warn("request {}: past its deadline at {}", requestId, path);
            extensions.put("code", ErrorCode.QUERY_TOO_COMPLEX.name());
            extensions.put("limit", "requestTimeout");
            message = "Query too complex: the request ran past its time limit of " + timeout.budget().toMillis()
                    + " ms (explorer.limits.request-timeout), and this field was cancelled";
        } else if (error instanceof QueryTimeoutException) {
            LOG.warn("request {}: query timed out at {}", requestId, path);
            extensions.put("code", ErrorCode.QUERY_TOO_COMPLEX.name());
            extensions.put("limit", "queryTimeout");
            message = "Query too complex: it ran longer than the database time limit (explorer.limits.query-timeout)";
        } else if (error instanceof Neo4jUnavailableException) {
            LOG.warn("request {}: Neo4j unavailable at {}: {}", requestId, path, error.getMessage());
            extensions.put("code", ErrorCode.SERVICE_UNAVAILABLE.name());
            message = "The graph database cannot be reached; try again shortly";
        } else {
            LOG.error("request {}: internal error at {}", requestId, path, error);
            extensions.put("code", ErrorCode.INTERNAL.name());
            message = "Internal error; the server log has the details under request id " + requestId;
        }
        extensions.put("requestId", requestId);
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
                .message(message)
                .path(path)
                .extensions(extensions);
        return (location == null ? builder : builder.location(location)).build();
    }

    /**
     * The result of an execution that threw instead of reporting: graphql-java reports what a field's work throws,
     * but lets through what its execution strategy or an instrumentation throws. Its one error is the request's, at
     * the root, as {@link #error} makes it (INTERNAL unless it is a known failure; the stack trace in the log only).
     */
    static ExecutionResult escaped(RuntimeException thrown, RequestInfo request) {
        return ExecutionResult.newExecutionResult()
                .addError(error(thrown, ResultPath.rootPath(), null, request))
                .build();
    }

    private static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while (current instanceof CompletionException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
