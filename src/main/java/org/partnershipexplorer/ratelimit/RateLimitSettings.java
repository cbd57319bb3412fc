package org.partnershipexplorer.ratelimit;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The rate limit (explorer.rate-limit.*, README "Configuration").
 *
 * @param requests   requests a client may send to /graphql and the downloads together in one window; 0 switches the
 *                   limit off
 * @param window     the window; a client's allowance comes back whole at the end of each of its windows
 * @param loopback   true: clients on the loopback address are limited too. Off by default, so that the test suite,
 *                   the benchmarks and someone running the service on their own machine are never throttled
 * @param maxClients clients remembered at once; a client idle for a whole window is forgotten anyway, since its
 *                   allowance is whole again, so this bounds memory only under a flood of addresses
 */
@ConfigurationProperties("explorer.rate-limit")
public record RateLimitSettings(
        @Bindable(defaultValue = "300") int requests,
        @Bindable(defaultValue = "1m") Duration window,
        @Bindable(defaultValue = "false") boolean loopback,
        @Bindable(defaultValue = "100000") int maxClients) {

    public RateLimitSettings {
        if (requests < 0) {
            throw new IllegalArgumentException("explorer.rate-limit.requests (EXPLORER_RATE_LIMIT_REQUESTS) is "
                    + requests + "; it must be 0 (no limit) or more");
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("explorer.rate-limit.window (EXPLORER_RATE_LIMIT_WINDOW) is " + window
                    + "; it must be a positive duration such as 1m or 30s");
        }
        if (maxClients < 1) {
            throw new IllegalArgumentException("explorer.rate-limit.max-clients (EXPLORER_RATE_LIMIT_MAX_CLIENTS) is "
                    + maxClients + "; it must be 1 or more");
        }
    }

    public boolean enabled() {
        return requests > 0;
    }
}
