package org.partnershipexplorer.ratelimit;

import io.github.bucket4j.TimeMeter;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The time the buckets and the cache of clients run on: the JVM's monotonic clock, which a test can replace. */
@Factory
final class RateLimitClock {

    @Singleton
    TimeMeter rateLimitClock() {
        return TimeMeter.SYSTEM_NANOTIME;
    }
}
