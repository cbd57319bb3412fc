package org.partnershipexplorer.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A graphql-transport-ws client on the JDK's own WebSocket, for the tests: sends the protocol's messages as JSON and
 * keeps what the server sends, and how it closed, for the test to read.
 */
final class GraphQLWsClient implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    /** How the server closed the connection. */
    record Closed(int code, String reason) {
    }

    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private GraphQLWsClient(URI uri, String authorization) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols("graphql-transport-ws")
                .connectTimeout(Duration.ofSeconds(10));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        this.socket = builder.buildAsync(uri, new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    try {
                        received.add(JSON.readTree(text.toString()));
                    } catch (Exception e) {
                        throw new IllegalStateException("not JSON: " + text, e);
                    }
                    text.setLength(0);
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.complete(new Closed(statusCode, reason));
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                closed.complete(new Closed(-1, error.toString()));
            }
        }).join();
    }

    /** Opens a connection to {@code base}'s /graphql-ws; nothing sent yet. */
    static GraphQLWsClient open(URI base) {
        return new GraphQLWsClient(wsUri(base), null);
    }

    /** As {@link #open}, with an Authorization header on the upgrade request. */
    static GraphQLWsClient open(URI base, String authorization) {
        return new GraphQLWsClient(wsUri(base), authorization);
    }

    private static URI wsUri(URI base) {
        return URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/graphql-ws");
    }

    String subprotocol() {
        return socket.getSubprotocol();
    }

    void send(Map<String, Object> message) {
        try {
            socket.sendText(JSON.writeValueAsString(message), true).join();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    void sendText(String text) {
        socket.sendText(text, true).join();
    }

    /** connection_init with {@code payload} (null: none), then the server's answer. */
    JsonNode init(Map<String, Object> payload) {
        send(payload == null ? Map.of("type", "connection_init") : Map.of("type", "connection_init", "payload", payload));
        return next(Duration.ofSeconds(10));
    }

    void subscribe(String id, String query, Map<String, Object> variables) {
        send(Map.of("id", id, "type", "subscribe", "payload", Map.of("query", query, "variables", variables)));
    }

    /** The next message, or null when none came within {@code wait}. */
    JsonNode next(Duration wait) {
        try {
            return received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Messages received and not read yet. */
    int waiting() {
        return received.size();
    }

    /** How the server closed the connection, waiting up to {@code wait}; null when it is still open. */
    Closed closed(Duration wait) {
        try {
            return closed.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (!closed.isDone()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
            socket.abort();
        }
    }
}
