package org.partnershipexplorer.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;

/**
 * One Bucket4j bucket per client: {@code requests} tokens, all refilled at the end of each window (a fixed window
 * per client, so Retry-After says exactly when the client is served again). Buckets live in a Caffeine cache that
 * drops a client idle for a whole window (its bucket would be full again, so nothing is lost) and holds at most
 * {@code maxClients}.
 */
@Singleton
final class RateLimiter {

    private final RateLimitSettings settings;
    private final TimeMeter clock;
    private final Cache<String, Bucket> buckets;

    RateLimiter(RateLimitSettings settings, TimeMeter clock) {
        this.settings = settings;
        this.clock = clock;
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(settings.window())
                .maximumSize(settings.maxClients())
                .ticker(clock::currentTimeNanos)
                .build();
    }

    /** Takes one request from the client's allowance: empty when it may go on, else how long until it may. */
    Optional<Duration> acquire(String client) {
        ConsumptionProbe probe = buckets.get(client, key -> newBucket()).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Clients remembered now (for the test that memory stays bounded). */
    long clients() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(settings.requests())
                        .refillIntervally(settings.requests(), settings.window()))
                .withCustomTimePrecision(clock)
                .build();
    }
}
