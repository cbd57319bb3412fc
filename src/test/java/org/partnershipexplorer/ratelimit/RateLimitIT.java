package org.partnershipexplorer.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.bucket4j.TimeMeter;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.partnershipexplorer.support.GraphQLClient;
import org.partnershipexplorer.support.ServiceTest;

/**
 * The rate limit with a small allowance (3 requests a minute), switched on for loopback clients, on a clock the test
 * moves: the fourth request of a client is refused with 429, Retry-After and the JSON error; another address and the
 * end of the window are served again. A second server keeps the default for loopback clients: not limited.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("The per-client rate limit on /graphql and the downloads")
class RateLimitIT implements ServiceTest {

    private static final String TYPENAME = "/graphql?query=%7B__typename%7D";

    /** Nanoseconds, moved by the test only. */
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Inject
    EmbeddedServer server;

    @Inject
    RateLimiter limiter;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("explorer.rate-limit.requests", "3", "explorer.rate-limit.window", "1m",
                "explorer.rate-limit.loopback", "true");
    }

    @MockBean(TimeMeter.class)
    TimeMeter clock() {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return now.get();
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
    }

    /** A GET from a local address of the test's choosing (all of 127.0.0.0/8 is this machine): its status line. */
    private String statusLineFrom(String localAddress, String path) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getPort()), 5000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
                line.append((char) c);
            }
            return line.toString();
        }
    }

    @Test
    @DisplayName("the 4th request in a window is 429 with Retry-After and a JSON error; another address is served; the window's end serves the client again")
    void limitsEachClient() throws IOException {
        GraphQLClient client = new GraphQLClient(server.getURI());
        // 127.0.0.1: the Java client connects to the server's loopback address from it
        assertEquals(200, client.getPath(TYPENAME).status());
        assertEquals(200, client.query("{ __typename }").status());
        assertEquals(200, client.getPath("/export/network.json?kinds=TRAINING&years=2021").status());

        now.addAndGet(Duration.ofSeconds(15).toNanos());
        var refused = client.getPath(TYPENAME);
        assertEquals(429, refused.status());
        assertEquals("45", refused.header("Retry-After"));
        assertEquals("application/json", refused.header("Content-Type"));
        assertEquals("{\"errors\":[{\"message\":\"Too many requests from this client: at most 3 every 60 s to /graphql "
                + "and the downloads together (explorer.rate-limit.requests); try again in 45 s\",\"extensions\":"
                + "{\"limit\":3,\"windowSeconds\":60,\"retryAfterSeconds\":45,\"code\":\"RATE_LIMITED\",\"requestId\":\""
                + refused.header("X-Request-Id") + "\"}}]}", refused.raw().body());
        // the downloads count against the same allowance; other routes are not limited
        assertEquals(429, client.getPath("/export/network.nodes.csv").status());
        assertEquals(200, client.getPath("/health").status());

        assertEquals("HTTP/1.1 200 OK", statusLineFrom("127.0.0.2", TYPENAME));

        now.addAndGet(Duration.ofSeconds(45).toNanos());
        assertEquals(200, client.getPath(TYPENAME).status());
    }

    @Test
    @DisplayName("a client idle for a whole window is forgotten, so memory holds only the clients of the last window")
    void idleClientsAreEvicted() throws IOException {
        assertEquals("HTTP/1.1 200 OK", statusLineFrom("127.0.0.3", TYPENAME));
        long remembered = limiter.clients();
        now.addAndGet(Duration.ofMinutes(2).toNanos());
        assertEquals(0, limiter.clients(), "clients remembered before the window passed: " + remembered);
    }

    @Test
    @DisplayName("by default loopback clients are not limited: 5 requests pass an allowance of 1")
    void loopbackIsNotLimitedByDefault() {
        Map<String, Object> properties = new HashMap<>(getProperties());
        properties.put("explorer.rate-limit.requests", "1");
        properties.remove("explorer.rate-limit.loopback");
        try (EmbeddedServer local = ApplicationContext.run(EmbeddedServer.class, properties)) {
            GraphQLClient client = new GraphQLClient(local.getURI());
            List<Integer> statuses = java.util.stream.IntStream.range(0, 5)
                    .mapToObj(i -> client.getPath(TYPENAME).status())
                    .toList();
            assertEquals(List.of(200, 200, 200, 200, 200), statuses);
        }
    }
}
