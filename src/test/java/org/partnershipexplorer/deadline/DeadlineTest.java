package org.partnershipexplorer.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("a request's deadline")
class DeadlineTest {

    /** A clock that stands still until moved: nanoseconds on System.nanoTime's scale. */
    final AtomicLong now = new AtomicLong(1_000_000_000L);

    Deadline twoSeconds() {
        return Deadline.after(Duration.ofSeconds(2), now::get);
    }

    @Test
    @DisplayName("gives a statement the time left when that is shorter than the statement's own limit, else the limit")
    void timeoutIsTheTimeLeftAtMostTheLimit() {
        Deadline deadline = twoSeconds();
        assertEquals(Duration.ofSeconds(1), deadline.timeout(Duration.ofSeconds(1)));
        assertEquals(Duration.ofSeconds(2), deadline.timeout(Duration.ofSeconds(10)));
        now.addAndGet(Duration.ofMillis(1500).toNanos());
        assertEquals(Duration.ofMillis(500), deadline.timeout(Duration.ofSeconds(10)));
    }

    @Test
    @DisplayName("rounds the time left up to a whole millisecond, so a statement is never given zero (which means no timeout)")
    void timeoutIsRoundedUp() {
        Deadline deadline = twoSeconds();
        now.addAndGet(Duration.ofSeconds(2).toNanos() - 1);
        assertEquals(Duration.ofMillis(1), deadline.timeout(Duration.ofSeconds(10)));
        now.addAndGet(-Duration.ofMillis(3).toNanos());
        assertEquals(Duration.ofMillis(4), deadline.timeout(Duration.ofSeconds(10)));
    }

    @Test
    @DisplayName("once passed, refuses to time another statement and stops whatever checks it, naming its budget")
    void passedDeadlineStopsWork() {
        Deadline deadline = twoSeconds();
        deadline.check();
        assertFalse(deadline.passed());
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertTrue(deadline.passed());
        RequestTimeoutException checked = assertThrows(RequestTimeoutException.class, deadline::check);
        assertEquals(Duration.ofSeconds(2), checked.budget());
        assertEquals("The request ran past its deadline of 2000 ms", checked.getMessage());
        assertThrows(RequestTimeoutException.class, () -> deadline.timeout(Duration.ofSeconds(10)));
    }

    @Test
    @DisplayName("keeps the database's own reason when it stopped a statement")
    void exceededKeepsTheCause() {
        IllegalStateException cause = new IllegalStateException("terminated");
        assertSame(cause, twoSeconds().exceeded(cause).getCause());
    }

    @Test
    @DisplayName("none (work outside a request) never passes and leaves each statement its own limit")
    void noneLeavesTheLimit() {
        assertNull(Deadline.NONE.budget());
        assertFalse(Deadline.NONE.passed());
        Deadline.NONE.check();
        assertEquals(Duration.ofSeconds(10), Deadline.NONE.timeout(Duration.ofSeconds(10)));
    }

    @Test
    @DisplayName("refuses a budget of zero or less")
    void budgetMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> Deadline.after(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> Deadline.after(Duration.ofSeconds(-1)));
    }
}
