package org.partnershipexplorer.subscription;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.SubscriptionExecutionStrategy;
import graphql.introspection.Introspection;
import graphql.language.OperationDefinition;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnError;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.dataloader.DataLoaderRegistry;
import org.partnershipexplorer.access.Access;
import org.partnershipexplorer.access.Caller;
import org.partnershipexplorer.deadline.Deadline;
import org.partnershipexplorer.graphql.ApiException;
import org.partnershipexplorer.graphql.ErrorCode;
import org.partnershipexplorer.graphql.GraphQLHttpController;
import org.partnershipexplorer.graphql.GraphQLRequest;
import org.partnershipexplorer.graphql.Operation;
import org.partnershipexplorer.graphql.QueryLimits;
import org.partnershipexplorer.graphql.RequestInfo;
import org.partnershipexplorer.graphql.SubscriptionRoute;
import org.partnershipexplorer.ratelimit.ClientRateLimit;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

/**
 * GraphQL over WebSocket by the graphql-transport-ws protocol of the graphql-ws library, which Apollo Client, urql
 * and GraphiQL speak: connection_init and connection_ack, subscribe, next, error, complete, ping and pong, and the
 * protocol's close codes (4400 bad message, 4401 subscribe before the ack, 4403 token refused, 4408 no
 * connection_init in time, 4409 a subscription id in use, 4429 a second connection_init).
 *
 * <p>micronaut-graphql 4.7.0 ships a handler for the same protocol, but it acknowledges every connection_init without
 * reading its payload (where a browser, which cannot set headers on a WebSocket, sends its token), has no limit on
 * subscriptions per connection, and runs outside the service's rate limit: hence this one.
 *
 * <p>Who may connect follows the query rules: with EXPLORER_QUERIES_REQUIRE_AUTH a valid token is needed, in
 * connection_init's payload ({@code {"Authorization": "Bearer <JWT>"}}) or in the upgrade's Authorization header;
 * a token that is sent and refused closes the connection with 4403 whatever the setting. Each subscribe takes one
 * request from the client's rate-limit allowance. Only subscriptions run here: queries and mutations go to /graphql.
 *
 * <p>Messages arrive on a Netty event loop; anything that may wait (a token check, running the operation, which may
 * read the graph) runs on the blocking executor.
 */
@ServerWebSocket(value = SubscriptionRoute.PATH, subprotocols = SubscriptionRoute.PROTOCOL)
public final class GraphQLWsSocket {

    private static final Logger LOG = LoggerFactory.getLogger(GraphQLWsSocket.class);

    static final int BAD_REQUEST = 4400;
    static final int UNAUTHORIZED = 4401;
    static final int FORBIDDEN = 4403;
    static final int INIT_TIMEOUT = 4408;
    static final int SUBSCRIBER_EXISTS = 4409;
    static final int TOO_MANY_INITIALISATION_REQUESTS = 4429;
    /** RFC 6455's "try again later": this instance holds explorer.subscriptions.max-connections already. */
    static final int TRY_AGAIN_LATER = 1013;

    private static final String CONNECTION = "graphql-ws.connection";

    private final GraphQL graphQL;
    private final Access access;
    private final List<TokenValidator<HttpRequest<?>>> validators;
    private final ClientRateLimit rateLimit;
    private final SubscriptionSettings settings;
    private final QueryLimits limits;
    private final ExecutorService blocking;
    private final TaskScheduler scheduler;
    private final boolean introspection;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger connections = new AtomicInteger();

    GraphQLWsSocket(GraphQL graphQL, Access access, List<TokenValidator<HttpRequest<?>>> validators,
            ClientRateLimit rateLimit, SubscriptionSettings settings, QueryLimits limits,
            @Named(TaskExecutors.BLOCKING) ExecutorService blocking, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler,
            @Value("${explorer.graphql.introspection:true}") boolean introspection, MeterRegistry meters) {
        this.graphQL = graphQL;
        this.access = access;
        this.validators = validators;
        this.rateLimit = rateLimit;
        this.settings = settings;
        this.limits = limits;
        this.blocking = blocking;
        this.scheduler = scheduler;
        this.introspection = introspection;
        Gauge.builder("explorer.subscriptions.connections", connections, AtomicInteger::get)
                .description("WebSocket connections open on this instance (explorer.subscriptions.max-connections)")
                .register(meters);
    }

    /** One WebSocket connection's state. */
    private static final class Connection {
        final HttpRequest<?> upgrade;
        volatile boolean initReceived;
        volatile boolean acknowledged;
        volatile Caller caller = Caller.ANONYMOUS;
        volatile ScheduledFuture<?> initTimeout;
        /** Subscriptions by the client's id; an entry with no subscription yet is one being started. */
        final Map<String, Running> subscriptions = new ConcurrentHashMap<>();

        Connection(HttpRequest<?> upgrade) {
            this.upgrade = upgrade;
        }
    }

    /** A subscription being started or running; cancelled when the client completes it or the connection ends. */
    private static final class Running {
        volatile Subscription upstream;
        volatile boolean cancelled;

        void cancel() {
            cancelled = true;
            Subscription s = upstream;
            if (s != null) {
                s.cancel();
            }
        }
    }

    @OnOpen
    public void onOpen(WebSocketSession session, HttpRequest<?> request) {
        if (connections.incrementAndGet() > settings.maxConnections()) {
            connections.decrementAndGet();
            session.put(CONNECTION, new Connection(request));
            close(session, TRY_AGAIN_LATER, "This instance holds " + settings.maxConnections()
                    + " connections already (explorer.subscriptions.max-connections); try again later");
            return;
        }
        Connection connection = new Connection(request);
        session.put(CONNECTION, connection);
        connection.initTimeout = scheduler.schedule(settings.connectionInitTimeout(), () -> {
            if (!connection.initReceived) {
                close(session, INIT_TIMEOUT, "Connection initialisation timeout");
            }
        });
    }

    @OnMessage
    public void onMessage(String text, WebSocketSession session) {
        Connection connection = connection(session);
        if (connection == null) {
            return;
        }
        JsonNode message;
        try {
            message = json.readTree(text);
        } catch (JsonProcessingException e) {
            close(session, BAD_REQUEST, "Invalid message received: not JSON");
            return;
        }
        String type = message == null ? "" : message.path("type").asText("");
        switch (type) {
            case "connection_init" -> init(session, connection, message.path("payload"));
            case "ping" -> send(session, message.has("payload")
                    ? Map.of("type", "pong", "payload", message.get("payload")) : Map.of("type", "pong"));
            case "pong" -> {
                // an answer to a ping of ours, or a keep-alive: nothing to do
            }
            case "subscribe" -> subscribe(session, connection, message);
            case "complete" -> {
                Running running = connection.subscriptions.remove(message.path("id").asText(""));
                if (running != null) {
                    running.cancel();
                }
            }
            default -> close(session, BAD_REQUEST, "Invalid message received: unknown type '" + shorten(type) + "'");
        }
    }

    @OnClose
    public void onClose(WebSocketSession session) {
        Connection connection = connection(session);
        if (connection == null) {
            return;
        }
        session.remove(CONNECTION);
        if (connection.initTimeout != null) {
            connection.initTimeout.cancel(false);
            connections.decrementAndGet();
        }
        connection.subscriptions.values().forEach(Running::cancel);
        connection.subscriptions.clear();
    }

    @OnError
    public void onError(WebSocketSession session, Throwable error) {
        LOG.debug("WebSocket {}: {}", session.getId(), error.toString());
    }

    private void init(WebSocketSession session, Connection connection, JsonNode payload) {
        if (connection.initReceived) {
            close(session, TOO_MANY_INITIALISATION_REQUESTS, "Too many initialisation requests");
            return;
        }
        connection.initReceived = true;
        Optional<String> token = token(payload);
        blocking.execute(() -> {
            Caller caller = token.map(t -> validate(t, connection.upgrade)).orElseGet(() -> Caller.of(connection.upgrade));
            if (caller.tokenSent() && !caller.authenticated()) {
                close(session, FORBIDDEN, "Forbidden: the bearer token is invalid or expired");
                return;
            }
            try {
                access.requireReader(caller);
            } catch (ApiException e) {
                close(session, FORBIDDEN, "Forbidden: a bearer token is needed (EXPLORER_QUERIES_REQUIRE_AUTH), "
                        + "in connection_init's payload");
                return;
            }
            connection.caller = caller;
            connection.acknowledged = true;
            send(session, Map.of("type", "connection_ack"));
        });
    }

    /** The token of connection_init's payload: {@code Authorization: Bearer ...} (any case), or {@code token}. */
    private static Optional<String> token(JsonNode payload) {
        if (payload == null || !payload.isObject()) {
            return Optional.empty();
        }
        for (var fields = payload.fields(); fields.hasNext(); ) {
            var field = fields.next();
            if (field.getKey().equalsIgnoreCase("authorization") && field.getValue().isTextual()) {
                String value = field.getValue().asText().trim();
                return Optional.of(value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7).trim() : value);
            }
        }
        JsonNode token = payload.get("token");
        return token != null && token.isTextual() ? Optional.of(token.asText().trim()) : Optional.empty();
    }

    /** The caller a token names, by the same validators (and claim rules) as the HTTP routes'. */
    private Caller validate(String token, HttpRequest<?> upgrade) {
        for (TokenValidator<HttpRequest<?>> validator : validators) {
            Authentication authentication;
            try {
                authentication = Flux.from(validator.validateToken(token, upgrade)).blockFirst(Duration.ofSeconds(10));
            } catch (RuntimeException e) {
                authentication = null;
            }
            if (authentication != null) {
                return new Caller(authentication.getName(), Set.copyOf(authentication.getRoles()), true);
            }
        }
        return new Caller(null, Set.of(), true);
    }

    private void subscribe(WebSocketSession session, Connection connection, JsonNode message) {
        if (!connection.acknowledged) {
            close(session, UNAUTHORIZED, "Unauthorized");
            return;
        }
        JsonNode idNode = message.get("id");
        JsonNode payload = message.get("payload");
        if (idNode == null || !idNode.isTextual() || idNode.asText().isEmpty() || payload == null || !payload.isObject()) {
            close(session, BAD_REQUEST, "Invalid message received: subscribe needs an id (a non-empty string) and a payload");
            return;
        }
        String id = idNode.asText();
        GraphQLRequest request;
        try {
            request = GraphQLRequest.fromJson(payload);
        } catch (IllegalArgumentException e) {
            close(session, BAD_REQUEST, "Invalid message received: " + shorten(e.getMessage()));
            return;
        }
        Running running = new Running();
        if (connection.subscriptions.putIfAbsent(id, running) != null) {
            close(session, SUBSCRIBER_EXISTS, "Subscriber for " + shorten(id) + " already exists");
            return;
        }
        String requestId = UUID.randomUUID().toString();
        if (connection.subscriptions.size() > settings.maxPerConnection()) {
            connection.subscriptions.remove(id);
            error(session, id, requestId, ErrorCode.QUERY_TOO_COMPLEX, "This connection holds "
                    + settings.maxPerConnection() + " subscriptions already (explorer.subscriptions.max-per-connection); "
                    + "complete one first", Map.of("limit", "maxSubscriptionsPerConnection",
                            "max", settings.maxPerConnection()));
            return;
        }
        Optional<Duration> wait = rateLimit.acquire(connection.upgrade);
        if (wait.isPresent()) {
            connection.subscriptions.remove(id);
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            error(session, id, requestId, ErrorCode.RATE_LIMITED, "Too many requests from this client: at most "
                    + rateLimit.settings().requests() + " every " + rateLimit.settings().window().toSeconds()
                    + " s to /graphql, subscriptions and the downloads together (explorer.rate-limit.requests); try again in "
                    + seconds + " s", Map.of("retryAfterSeconds", seconds));
            return;
        }
        blocking.execute(() -> start(session, connection, id, running, request, requestId));
    }

    private void start(WebSocketSession session, Connection connection, String id, Running running,
            GraphQLRequest request, String requestId) {
        if (request.query() == null) {
            connection.subscriptions.remove(id);
            error(session, id, requestId, ErrorCode.BAD_USER_INPUT, "Persisted queries are not offered over "
                    + SubscriptionRoute.PATH + ": send the document as payload.query", Map.of());
            return;
        }
        Optional<Operation> operation = Operation.of(request.query(), request.operationName());
        if (operation.isPresent() && operation.get().type() != OperationDefinition.Operation.SUBSCRIPTION) {
            connection.subscriptions.remove(id);
            error(session, id, requestId, ErrorCode.BAD_USER_INPUT, "Only subscriptions run over " + SubscriptionRoute.PATH
                    + "; send queries and mutations to /graphql", Map.of());
            return;
        }
        Map<Object, Object> context = new LinkedHashMap<>();
        context.put(SubscriptionRoute.CONTEXT_KEY, true);
        context.put(Caller.class, connection.caller);
        context.put(RequestInfo.class, new RequestInfo(requestId, Deadline.after(limits.requestTimeout())));
        context.put(Introspection.INTROSPECTION_DISABLED, !introspection);
        // graphql-java maps events asynchronously; without this a later event could overtake an earlier one
        context.put(SubscriptionExecutionStrategy.KEEP_SUBSCRIPTION_EVENTS_ORDERED, true);
        ExecutionInput input = ExecutionInput.newExecutionInput()
                .query(request.query())
                .operationName(request.operationName())
                .variables(request.variables())
                .extensions(request.extensions())
                .dataLoaderRegistry(new DataLoaderRegistry())
                .graphQLContext(context)
                .build();
        ExecutionResult result;
        try {
            result = graphQL.execute(input);
        } catch (RuntimeException e) {
            // an unknown operationName, as over /graphql: the client's mistake, said as an error
            result = ExecutionResult.newExecutionResult()
                    .addError(GraphqlErrorBuilder.newError().message(e.getMessage()).build()).build();
        }
        if (!(result.getData() instanceof Publisher<?> events)) {
            connection.subscriptions.remove(id);
            send(session, Map.of("id", id, "type", "error",
                    "payload", GraphQLHttpController.specified(result.getErrors(), requestId)));
            return;
        }
        LOG.debug("WebSocket {}: subscription {} started for {}", session.getId(), id,
                connection.caller.authenticated() ? connection.caller.subject() : "an anonymous client");
        @SuppressWarnings("unchecked")
        Publisher<ExecutionResult> results = (Publisher<ExecutionResult>) events;
        results.subscribe(new Subscriber<>() {
            @Override
            public void onSubscribe(Subscription subscription) {
                running.upstream = subscription;
                if (running.cancelled) {
                    subscription.cancel();
                } else {
                    subscription.request(Long.MAX_VALUE);
                }
            }

            @Override
            public void onNext(ExecutionResult event) {
                if (running.cancelled || !session.isOpen()) {
                    return;
                }
                Map<String, Object> payload = new LinkedHashMap<>();
                if (!event.getErrors().isEmpty()) {
                    payload.put("errors", GraphQLHttpController.specified(event.getErrors(), requestId));
                }
                payload.put("data", event.getData());
                send(session, Map.of("id", id, "type", "next", "payload", payload));
            }

            @Override
            public void onError(Throwable error) {
                if (connection.subscriptions.remove(id, running) && session.isOpen()) {
                    LOG.warn("WebSocket {}: subscription {} failed", session.getId(), id, error);
                    List<GraphQLError> errors = List.of(GraphqlErrorBuilder.newError()
                            .message("The subscription failed on the server").build());
                    send(session, Map.of("id", id, "type", "error",
                            "payload", GraphQLHttpController.specified(errors, requestId)));
                }
            }

            @Override
            public void onComplete() {
                if (connection.subscriptions.remove(id, running) && session.isOpen()) {
                    send(session, Map.of("id", id, "type", "complete"));
                }
            }
        });
    }

    private void error(WebSocketSession session, String id, String requestId, ErrorCode code, String message,
            Map<String, Object> details) {
        Map<String, Object> extensions = new LinkedHashMap<>(details);
        extensions.put("code", code.name());
        GraphQLError error = GraphqlErrorBuilder.newError().message(message).extensions(extensions).build();
        send(session, Map.of("id", id, "type", "error",
                "payload", GraphQLHttpController.specified(List.of(error), requestId)));
    }

    private void send(WebSocketSession session, Map<String, Object> message) {
        if (!session.isOpen()) {
            return;
        }
        try {
            session.sendAsync(json.writeValueAsString(message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a message that Jackson cannot write", e);
        }
    }

    private static void close(WebSocketSession session, int code, String reason) {
        if (session.isOpen()) {
            // a close frame's reason holds at most 123 bytes
            session.close(new CloseReason(code, shorten(reason)));
        }
    }

    private static Connection connection(WebSocketSession session) {
        return session.get(CONNECTION, Connection.class).orElse(null);
    }

    private static String shorten(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}
