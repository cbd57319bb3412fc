package org.partnershipexplorer.graphql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.InvalidSyntaxError;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.UnknownOperationException;
import graphql.introspection.GoodFaithIntrospection;
import graphql.introspection.Introspection;
import graphql.introspection.IntrospectionDisabledError;
import graphql.validation.ValidationError;
import io.micronaut.configuration.graphql.GraphQLController;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.dataloader.DataLoaderRegistry;
import org.partnershipexplorer.access.Caller;
import org.partnershipexplorer.deadline.Deadline;
import org.partnershipexplorer.neo4j.StatementCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /graphql} by the GraphQL-over-HTTP specification (docs/api.md): micronaut-graphql's own controller answers
 * only application/json, runs mutations over GET and answers 422 to an unreadable body, so it is replaced.
 *
 * <p>Requests run on the blocking executor, never on a Netty event loop: the data fetchers call the driver
 * synchronously, and one worker thread per request also lets {@link StatementCounter} see every statement.
 */
@Controller
@Replaces(GraphQLController.class)
@ExecuteOn(TaskExecutors.BLOCKING)
public class GraphQLHttpController {

    public static final String REQUEST_ID_HEADER = HttpErrors.REQUEST_ID_HEADER;
    public static final String STATEMENTS_HEADER = "X-Cypher-Statements";

    private static final Logger LOG = LoggerFactory.getLogger(GraphQLHttpController.class);

    private final GraphQL graphQL;
    /**
     * The same engine, running mutations as it runs queries. graphql-java 22.4 runs mutation fields in order and,
     * for that, dispatches the DataLoaders after every single fetch, so each entry of a list under a mutation's
     * answer (WriteResult.node { ... on Country { contributions { mission { acronym } } } }) costs a statement of
     * its own; batching per level, as queries do, cannot wait for a later field that has not started. A mutation
     * of one field has no order to keep, so it runs here and its answer is batched like a query's.
     */
    private final GraphQL singleFieldMutations;
    private final List<DataLoaders> dataLoaders;
    private final List<RequestListener> listeners;
    private final ObjectMapper json;
    private final QueryLimits limits;
    private final PersistedQueries persistedQueries;

    /** False: graphql-java refuses __schema and __type (explorer.graphql.introspection); __typename still answers. */
    private final boolean introspection;

    public GraphQLHttpController(GraphQL graphQL, List<DataLoaders> dataLoaders, List<RequestListener> listeners,
            QueryLimits limits, PersistedQueries persistedQueries,
            @Value("${explorer.graphql.introspection:true}") boolean introspection) {
        this.introspection = introspection;
        this.graphQL = graphQL;
        this.singleFieldMutations = graphQL.transform(
                b -> b.mutationExecutionStrategy(new AsyncExecutionStrategy(new ErrorHandler())));
        this.dataLoaders = dataLoaders;
        this.listeners = listeners;
        this.limits = limits;
        this.persistedQueries = persistedQueries;
        // Not Micronaut's mapper: it leaves out empty lists and nulls, and a GraphQL result must keep both.
        this.json = new ObjectMapper();
    }

    @Post(value = "/graphql")
    @Consumes(MediaType.ALL)
    @Produces(MediaType.ALL)
    public HttpResponse<String> post(HttpRequest<?> request, @Nullable @Body String body) {
        String requestId = HttpErrors.requestId(request);
        String responseType = MediaTypes.negotiate(request.getHeaders().get(HttpHeaders.ACCEPT)).orElse(null);
        if (responseType == null) {
            return notAcceptable(requestId);
        }
        if (!MediaTypes.isJson(request.getHeaders().get(HttpHeaders.CONTENT_TYPE))) {
            return requestError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, responseType, requestId,
                    "Content-Type must be application/json");
        }
        if (body != null && body.length() > limits.maxBodyBytes()) {
            return requestError(HttpStatus.REQUEST_ENTITY_TOO_LARGE, responseType, requestId, "The body has "
                    + body.length() + " characters; the limit is " + limits.maxBodyBytes() + " (explorer.limits.max-body-bytes)");
        }
        GraphQLRequest graphQLRequest;
        try {
            graphQLRequest = GraphQLRequest.fromJson(body == null ? null : json.readTree(body));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String reason = e instanceof IllegalArgumentException ? e.getMessage() : "the body is not JSON";
            return requestError(HttpStatus.BAD_REQUEST, responseType, requestId, "Not a GraphQL request: " + reason);
        }
        PersistedQueries.Lookup lookup;
        try {
            lookup = persistedQueries.resolve(graphQLRequest);
        } catch (IllegalArgumentException e) {
            return requestError(HttpStatus.BAD_REQUEST, responseType, requestId, "Not a GraphQL request: " + e.getMessage());
        }
        if (!(lookup instanceof PersistedQueries.Lookup.Run run)) {
            return persistedQueryRefused(lookup, responseType, requestId);
        }
        return execute(run.request(), responseType, requestId, Caller.of(request));
    }

    @Get(value = "/graphql")
    @Produces(MediaType.ALL)
    public HttpResponse<String> get(HttpRequest<?> request, @Nullable @QueryValue String query,
            @Nullable @QueryValue String variables, @Nullable @QueryValue String operationName,
            @Nullable @QueryValue String extensions) {
        String requestId = HttpErrors.requestId(request);
        String responseType = MediaTypes.negotiate(request.getHeaders().get(HttpHeaders.ACCEPT)).orElse(null);
        if (responseType == null) {
            return notAcceptable(requestId);
        }
        PersistedQueries.Lookup lookup;
        try {
            Map<String, Object> vars = jsonParameter(variables, "variables");
            Map<String, Object> exts = jsonParameter(extensions, "extensions");
            boolean byHash = query == null && exts.containsKey(PersistedQueries.EXTENSION);
            if (!byHash && (query == null || query.isBlank())) {
                throw new IllegalArgumentException("the query parameter is missing");
            }
            lookup = persistedQueries.resolve(new GraphQLRequest(query, operationName, vars, exts));
        } catch (IllegalArgumentException e) {
            return requestError(HttpStatus.BAD_REQUEST, responseType, requestId, "Not a GraphQL request: " + e.getMessage());
        }
        if (!(lookup instanceof PersistedQueries.Lookup.Run run)) {
            return persistedQueryRefused(lookup, responseType, requestId);
        }
        GraphQLRequest graphQLRequest = run.request();
        if (Operation.of(graphQLRequest.query(), graphQLRequest.operationName()).filter(Operation::isMutation).isPresent()) {
            MutableHttpResponse<String> response = requestError(HttpStatus.METHOD_NOT_ALLOWED, responseType, requestId,
                    "Mutations are only accepted over POST");
            return response.header(HttpHeaders.ALLOW, HttpMethod.POST.name());
        }
        return execute(graphQLRequest, responseType, requestId, Caller.of(request));
    }

    /**
     * A persisted-query hash the service cannot run: an error in the API's shape whose message and code are the
     * ones Apollo's persisted-query link looks for, with 200 whatever the Accept, since the link reads the errors
     * of a successful response only. On a miss it sends the document with the hash; when persisted queries are
     * off, the document alone.
     */
    private MutableHttpResponse<String> persistedQueryRefused(PersistedQueries.Lookup lookup, String responseType,
            String requestId) {
        ErrorCode code = lookup instanceof PersistedQueries.Lookup.NotSupported
                ? ErrorCode.PERSISTED_QUERY_NOT_SUPPORTED
                : ErrorCode.PERSISTED_QUERY_NOT_FOUND;
        String message = code == ErrorCode.PERSISTED_QUERY_NOT_FOUND ? "PersistedQueryNotFound" : "PersistedQueryNotSupported";
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code.name());
        extensions.put("requestId", requestId);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("extensions", extensions);
        LOG.debug("request {}: {}", requestId, message);
        completed(new CompletedRequest(requestId, Optional.empty(), HttpStatus.OK.getCode(), Duration.ZERO, 0, false,
                List.of(code.name()), Map.of()));
        return respond(HttpStatus.OK, responseType, requestId, Map.of("errors", List.of(error)));
    }

    /** A query parameter that carries a JSON object ({@code variables}, {@code extensions}); absent is empty. */
    private Map<String, Object> jsonParameter(String text, String name) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(name + " is not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(name + " must be a JSON object");
        }
        return GraphQLRequest.object(node, name);
    }

    private HttpResponse<String> execute(GraphQLRequest request, String responseType, String requestId,
            Caller caller) {
        long started = System.nanoTime();
        // One budget for the whole request: its statements and analyses share it, whatever their number.
        Deadline deadline = Deadline.after(limits.requestTimeout());
        Optional<Operation> operation = Operation.of(request.query(), request.operationName());
        GraphQL engine = operation.filter(Operation::isSingleFieldMutation).isPresent() ? singleFieldMutations : graphQL;
        DataLoaderRegistry registry = new RequestLoaders();
        dataLoaders.forEach(d -> d.register(registry, deadline));
        ExecutionInput input = ExecutionInput.newExecutionInput()
                .query(request.query())
                .operationName(request.operationName())
                .variables(request.variables())
                .extensions(request.extensions())
                .dataLoaderRegistry(registry)
                .graphQLContext(Map.of(RequestInfo.class, new RequestInfo(requestId, deadline), Caller.class, caller,
                        Introspection.INTROSPECTION_DISABLED, !introspection))
                .build();
        ExecutionResult result;
        int statements;
        boolean escaped = false;
        try (StatementCounter.Scope scope = StatementCounter.open()) {
            try {
                result = engine.execute(input);
            } catch (UnknownOperationException e) {
                // graphql-java throws, rather than reports, an operationName the document lacks (or none where
                // the document has several): a request error like any other, not a 500
                result = ExecutionResult.newExecutionResult().addError(e).build();
            } catch (RuntimeException e) {
                result = ErrorHandler.escaped(e, input.getGraphQLContext().get(RequestInfo.class));
                escaped = true;
            }
            statements = scope.count();
        }
        List<GraphQLError> errors = withCodes(result.getErrors(), requestId);
        Map<String, Object> body = new LinkedHashMap<>();
        if (!errors.isEmpty()) {
            body.put("errors", errors.stream().map(GraphQLHttpController::specification).toList());
        }
        if (result.isDataPresent()) {
            body.put("data", result.getData());
        }
        // A failure that escaped execution is the server's (503 when Neo4j was away, else 500). A request that never
        // reached execution (it did not parse or validate, or its variables were wrong) is a client error; with
        // application/json the specification keeps the legacy 200.
        HttpStatus status = escaped ? (codes(errors).contains(ErrorCode.SERVICE_UNAVAILABLE.name())
                        ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.INTERNAL_SERVER_ERROR)
                : !result.isDataPresent() && MediaTypes.GRAPHQL_RESPONSE.equals(responseType) ? HttpStatus.BAD_REQUEST
                : HttpStatus.OK;
        completed(new CompletedRequest(requestId, operation, status.getCode(),
                Duration.ofNanos(System.nanoTime() - started), statements,
                input.getGraphQLContext().getOrDefault(Translator.TRANSLATED, false), codes(errors),
                request.variables()));
        return respond(status, responseType, requestId, body).header(STATEMENTS_HEADER, Integer.toString(statements));
    }

    private void completed(CompletedRequest request) {
        for (RequestListener listener : listeners) {
            try {
                listener.completed(request);
            } catch (RuntimeException e) {
                // the caller's answer matters more than a log line or a metric
                LOG.warn("request {}: {} failed", request.requestId(), listener.getClass().getSimpleName(), e);
            }
        }
    }

    private static List<String> codes(List<GraphQLError> errors) {
        return errors.stream()
                .map(e -> e.getExtensions() == null ? null : e.getExtensions().get("code"))
                .filter(Objects::nonNull)
                .map(Object::toString)
                .distinct()
                .toList();
    }

    /**
     * Errors as /graphql answers them (a code each, the request id, no internal classification), for the routes
     * that answer GraphQL without HTTP responses of their own (subscriptions over WebSocket).
     */
    public static List<Map<String, Object>> specified(List<GraphQLError> errors, String requestId) {
        return withCodes(errors, requestId).stream().map(GraphQLHttpController::specification).toList();
    }

    /** Gives every error a code (docs/api.md) and the request id, whatever part of graphql-java produced it. */
    private static List<GraphQLError> withCodes(List<GraphQLError> errors, String requestId) {
        List<GraphQLError> coded = new ArrayList<>(errors.size());
        for (GraphQLError error : errors) {
            Map<String, Object> extensions = new LinkedHashMap<>();
            if (error.getExtensions() != null) {
                extensions.putAll(error.getExtensions());
            }
            String message = error.getMessage();
            if (error instanceof IntrospectionDisabledError) {
                // graphql-java leaves it without a code; a refusal by configuration, like writes disabled
                extensions.put("code", ErrorCode.FORBIDDEN.name());
                extensions.put("reason", "INTROSPECTION_DISABLED");
                message = "Introspection (__schema, __type) is switched off on this service "
                        + "(explorer.graphql.introspection); the schema is schema.graphqls in the repository";
            } else if (error instanceof GoodFaithIntrospection.BadFaithIntrospectionError) {
                // a document that repeats introspection fields to make the answer huge
                extensions.put("code", ErrorCode.QUERY_TOO_COMPLEX.name());
                extensions.put("limit", "goodFaithIntrospection");
            }
            extensions.putIfAbsent("code", codeOf(error).name());
            extensions.put("requestId", requestId);
            coded.add(GraphqlErrorBuilder.newError()
                    .message(message)
                    .locations(error.getLocations())
                    .path(error.getPath())
                    .extensions(extensions)
                    .build());
        }
        return coded;
    }

    /**
     * The error as the specification shapes it. graphql-java's own rendering adds its internal
     * {@code classification} to the extensions, which is noise beside the API's codes.
     */
    private static Map<String, Object> specification(GraphQLError error) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("message", error.getMessage());
        if (error.getLocations() != null && !error.getLocations().isEmpty()) {
            spec.put("locations", error.getLocations().stream()
                    .map(l -> Map.of("line", l.getLine(), "column", l.getColumn()))
                    .toList());
        }
        if (error.getPath() != null) {
            spec.put("path", error.getPath());
        }
        Map<String, Object> extensions = new LinkedHashMap<>(error.getExtensions());
        extensions.remove("classification");
        spec.put("extensions", extensions);
        return spec;
    }

    private static ErrorCode codeOf(GraphQLError error) {
        if (error instanceof InvalidSyntaxError) {
            return ErrorCode.GRAPHQL_PARSE_FAILED;
        }
        if (error instanceof ValidationError) {
            return ErrorCode.GRAPHQL_VALIDATION_FAILED;
        }
        if (error.getErrorType() == graphql.ErrorType.ValidationError) {
            // variables that do not coerce to their declared types
            return ErrorCode.BAD_USER_INPUT;
        }
        return ErrorCode.INTERNAL;
    }

    private MutableHttpResponse<String> notAcceptable(String requestId) {
        return requestError(HttpStatus.NOT_ACCEPTABLE, MediaTypes.JSON, requestId,
                "Accept must allow " + MediaTypes.GRAPHQL_RESPONSE + " or " + MediaTypes.JSON);
    }

    private MutableHttpResponse<String> requestError(HttpStatus status, String responseType, String requestId,
            String message) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", ErrorCode.BAD_USER_INPUT.name());
        extensions.put("requestId", requestId);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("extensions", extensions);
        LOG.debug("request {} refused with {}: {}", requestId, status.getCode(), message);
        completed(new CompletedRequest(requestId, Optional.empty(), status.getCode(), Duration.ZERO, 0, false,
                List.of(ErrorCode.BAD_USER_INPUT.name()), Map.of()));
        return respond(status, responseType, requestId, Map.of("errors", List.of(error)));
    }

    private MutableHttpResponse<String> respond(HttpStatus status, String responseType, String requestId,
            Map<String, Object> body) {
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a GraphQL result that Jackson cannot write", e);
        }
        return HttpResponse.<String>status(status)
                .body(text)
                .contentType(MediaType.of(responseType + ";charset=utf-8"))
                .header(REQUEST_ID_HEADER, requestId);
    }
}
