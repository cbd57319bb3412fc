package org.partnershipexplorer.ratelimit;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;

/**
 * Each client's allowance of requests: {@link RateLimitFilter} takes one for each /graphql request and download,
 * and each GraphQL subscribe over WebSocket takes one from the allowance of the client that opened the connection.
 */
@Singleton
public final class ClientRateLimit {

    private final RateLimitSettings settings;
    private final RateLimiter limiter;
    private final ClientAddresses clients;

    ClientRateLimit(RateLimitSettings settings, RateLimiter limiter, HttpServerConfiguration server,
            HttpClientAddressResolver resolver) {
        this.settings = settings;
        this.limiter = limiter;
        this.clients = new ClientAddresses(server.getClientAddressHeader(), resolver);
    }

    /** Takes one request for the client of {@code request}: empty when it may go on, else how long until it may. */
    public Optional<Duration> acquire(HttpRequest<?> request) {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        ClientAddresses.Client client = clients.of(request);
        if (client.loopback() && !settings.loopback()) {
            return Optional.empty();
        }
        return limiter.acquire(client.key());
    }

    /** The key the allowance of {@code request}'s client is kept under, for the log of a refusal. */
    String clientKey(HttpRequest<?> request) {
        return clients.of(request).key();
    }

    /** explorer.rate-limit.requests and window, for the error that says what the limit is. */
    public RateLimitSettings settings() {
        return settings;
    }
}
