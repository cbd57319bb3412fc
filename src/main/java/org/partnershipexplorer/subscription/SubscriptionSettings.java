package org.partnershipexplorer.subscription;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * explorer.subscriptions (OPERATIONS.md, "Live updates").
 *
 * @param pollInterval          how often each instance reads the change log for new entries: the longest an event
 *                              waits after its commit, besides the time to send it
 * @param retention             how long a change stays in the log before it is pruned
 * @param maxPerConnection      subscriptions one WebSocket connection may hold at once; one more is refused with an
 *                              error for that subscribe, and the connection stays
 * @param maxConnections        WebSocket connections this instance accepts at once; one more is closed at once
 * @param connectionInitTimeout how long a new connection may take to send connection_init
 */
@ConfigurationProperties("explorer.subscriptions")
public record SubscriptionSettings(@Bindable(defaultValue = "200ms") Duration pollInterval,
        @Bindable(defaultValue = "1h") Duration retention,
        @Bindable(defaultValue = "20") int maxPerConnection,
        @Bindable(defaultValue = "1000") int maxConnections,
        @Bindable(defaultValue = "10s") Duration connectionInitTimeout) {

    public SubscriptionSettings {
        if (pollInterval.isNegative() || pollInterval.isZero() || pollInterval.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new IllegalArgumentException("explorer.subscriptions.poll-interval must be above 0 and at most 10s, not "
                    + pollInterval);
        }
        if (retention.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("explorer.subscriptions.retention must be at least 1m, not " + retention);
        }
        if (maxPerConnection < 1 || maxConnections < 1) {
            throw new IllegalArgumentException("explorer.subscriptions.max-per-connection and max-connections must be "
                    + "at least 1");
        }
    }
}
