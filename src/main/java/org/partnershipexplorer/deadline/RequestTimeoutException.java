package org.partnershipexplorer.deadline;

import java.time.Duration;

/**
 * A request ran past its deadline (explorer.limits.request-timeout): the statement or analysis that threw it was
 * cancelled, or never started. Callers answer QUERY_TOO_COMPLEX with {@code limit: requestTimeout}.
 */
public final class RequestTimeoutException extends RuntimeException {

    private final Duration budget;

    RequestTimeoutException(Duration budget, Throwable cause) {
        super("The request ran past its deadline of " + budget.toMillis() + " ms", cause);
        this.budget = budget;
    }

    /** The time the request was given. */
    public Duration budget() {
        return budget;
    }
}
