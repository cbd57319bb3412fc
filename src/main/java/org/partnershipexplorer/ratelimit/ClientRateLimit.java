package org.partnershipexplorer.ratelimit;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;

/**
 * The same allowance as {@link RateLimitFilter}'s, for work that arrives on a connection rather than as a request:
 * each GraphQL subscribe over WebSocket takes one request from the allowance of the client that opened the
 * connection, shared with its /graphql requests and downloads.
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

    /** explorer.rate-limit.requests and window, for the error that says what the limit is. */
    public RateLimitSettings settings() {
        return settings;
    }
}
