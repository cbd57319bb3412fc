package org.partnershipexplorer.deadline;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The moment by which one request must be answered. Every statement the request runs takes the time left as its
 * transaction timeout (never more than a statement's own limit), and every analysis it computes in memory checks it
 * as it goes: ten aliased expensive fields share the budget of one request instead of each having its own.
 *
 * <p>A value made when the request starts and handed along with it (the GraphQL context, the DataLoaders registered
 * for it), never kept in a static or thread-bound place where another request could find it.
 */
public final class Deadline {

    /** No deadline: work outside a request (start-up, seeding, health), where each statement keeps its own limit. */
    public static final Deadline NONE = new Deadline(null, 0, System::nanoTime);

    private final Duration budget;
    private final long end;
    private final LongSupplier clock;

    private Deadline(Duration budget, long end, LongSupplier clock) {
        this.budget = budget;
        this.end = end;
        this.clock = clock;
    }

    /** A deadline {@code budget} from now. */
    public static Deadline after(Duration budget) {
        return after(budget, System::nanoTime);
    }

    /**
     * As {@link #after(Duration)}, reading the time from {@code clock} (nanoseconds, on {@link System#nanoTime()}'s
     * scale): for tests that decide at which check the deadline passes.
     */
    public static Deadline after(Duration budget, LongSupplier clock) {
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("a request's budget must be positive, got " + budget);
        }
        return new Deadline(budget, clock.getAsLong() + budget.toNanos(), clock);
    }

    /** The whole time the request was given; null for {@link #NONE}. */
    public Duration budget() {
        return budget;
    }

    public boolean passed() {
        return budget != null && end - clock.getAsLong() <= 0;
    }

    /** Stops the work that calls it, with {@link RequestTimeoutException}, once the deadline has passed. */
    public void check() {
        if (passed()) {
            throw exceeded(null);
        }
    }

    /**
     * The transaction timeout of a statement that may take at most {@code limit} on its own: the time left when that
     * is shorter, rounded up to the driver's millisecond (so never zero, which the driver would read as no timeout
     * at all). Throws {@link RequestTimeoutException} when the deadline has passed: a statement started now would
     * only be cancelled.
     */
    public Duration timeout(Duration limit) {
        if (budget == null) {
            return limit;
        }
        long left = end - clock.getAsLong();
        if (left <= 0) {
            throw exceeded(null);
        }
        Duration remaining = Duration.ofMillis((left + 999_999) / 1_000_000);
        return remaining.compareTo(limit) < 0 ? remaining : limit;
    }

    /** The error of work this deadline stopped; {@code cause} is what the database said, if it stopped a statement. */
    public RequestTimeoutException exceeded(Throwable cause) {
        return new RequestTimeoutException(budget, cause);
    }
}
