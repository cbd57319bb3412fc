package org.partnershipexplorer.neo4j;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.Record;
import org.neo4j.driver.RoutingControl;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.async.AsyncSession;
import org.neo4j.driver.async.ResultCursor;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.RetryableException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.partnershipexplorer.deadline.Deadline;

/**
 * The one query helper: every Cypher statement of the service runs here, always with parameters.
 *
 * <p>Reads run in read transactions so that a cluster routes them to its followers; writes go to the leader.
 * Each statement is counted for the current request ({@link StatementCounter}). A read names the deadline of the
 * request it serves ({@link Deadline#NONE} outside one): its transaction timeout is the time that request has left,
 * never more than explorer.limits.query-timeout.
 */
@Singleton
public final class Cypher {

    private final Driver driver;
    private final String database;
    /** explorer.limits.query-timeout: no single statement of a request may hold the database longer. */
    private final Duration queryTimeout;
    /**
     * Write transactions this service has committed: readers of figures derived from the whole graph (the list sizes
     * the cost limit uses) compare it with the value they read at, and read again only after a write.
     */
    private final java.util.concurrent.atomic.AtomicLong writes = new java.util.concurrent.atomic.AtomicLong();

    /** Null when the caller brought a driver to a server that has started (tests, tools). */
    private final Neo4jServer server;

    @jakarta.inject.Inject
    public Cypher(Driver driver, Neo4jSettings settings,
            @io.micronaut.context.annotation.Value("${explorer.limits.query-timeout:10s}") Duration queryTimeout,
            Neo4jServer server) {
        this.driver = driver;
        this.database = settings.database();
        this.queryTimeout = queryTimeout;
        this.server = server;
    }

    public Cypher(Driver driver, Neo4jSettings settings) {
        this(driver, settings, Duration.ofSeconds(10));
    }

    /** With a driver to a server that has started (tests, tools). */
    public Cypher(Driver driver, Neo4jSettings settings, Duration queryTimeout) {
        this(driver, settings, queryTimeout, null);
    }

    /** The embedded server starts beside the application context: no statement goes out before it answers. */
    private void awaitServer() {
        if (server != null) {
            server.awaitStarted();
        }
    }

    /**
     * Runs a read query and maps each record. Its transaction timeout is the time the request has left, at most the
     * query timeout, and the caller waits no longer than that: Neo4j stops a statement past its timeout only when it
     * next looks (one still being planned, or deep in a single expression, runs on for a second or more), while the
     * request is answered at its deadline whatever the database is still doing; the abandoned statement is rolled
     * back when Neo4j stops it. Past the deadline nothing is run: {@link
     * org.partnershipexplorer.deadline.RequestTimeoutException}, as for a statement the deadline cut short.
     */
    public <T> List<T> read(Deadline deadline, String query, Map<String, Object> parameters,
            Function<Record, T> mapper) {
        Duration timeout = deadline.timeout(queryTimeout);
        boolean cutByDeadline = timeout.compareTo(queryTimeout) < 0;
        StatementCounter.increment();
        AtomicBoolean abandoned = new AtomicBoolean();
        awaitServer();
        TransactionConfig config = TransactionConfig.builder().withTimeout(timeout).build();
        // One statement in an auto-commit transaction: RUN and PULL in one round trip, where a transaction function
        // also waits for COMMIT (a quarter of a small read's time, bench/README.md "Per-layer breakdown"). Auto-commit
        // is not retried by the driver, so a failure the driver would retry (a connection the server closed, a
        // cluster member gone) runs the statement again as a read transaction, which the driver retries.
        CompletableFuture<List<Record>> records = autoCommit(query, parameters, config)
                .exceptionallyCompose(error -> retryable(error) && !abandoned.get()
                        ? readTransaction(query, parameters, config, abandoned)
                        : CompletableFuture.failedFuture(error));
        List<Record> rows;
        try {
            rows = records.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            abandoned.set(true);
            throw cutByDeadline ? deadline.exceeded(null)
                    : new QueryTimeoutException("The query ran longer than the limit", null);
        } catch (ExecutionException e) {
            RuntimeException translated = translate(e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(e.getCause()));
            if (translated instanceof QueryTimeoutException && cutByDeadline) {
                throw deadline.exceeded(e.getCause());
            }
            throw translated;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Neo4jUnavailableException("Interrupted while waiting for Neo4j", e);
        }
        return rows.stream().map(mapper).toList();
    }

    private CompletableFuture<List<Record>> autoCommit(String query, Map<String, Object> parameters,
            TransactionConfig config) {
        // READ: a cluster routes the statement to a follower, as it does a read transaction
        AsyncSession session = driver.session(AsyncSession.class, sessionConfig(AccessMode.READ));
        CompletableFuture<List<Record>> records = session.runAsync(query, parameters, config)
                .thenCompose(ResultCursor::listAsync)
                .toCompletableFuture();
        // the session ends with its statement, whether or not anyone still waits for it
        records.whenComplete((rows, error) -> session.closeAsync());
        return records;
    }

    private CompletableFuture<List<Record>> readTransaction(String query, Map<String, Object> parameters,
            TransactionConfig config, AtomicBoolean abandoned) {
        AsyncSession session = driver.session(AsyncSession.class, sessionConfig());
        CompletableFuture<List<Record>> records = session.executeReadAsync(
                        // the driver retries a transaction that failed for a passing reason (a lost connection);
                        // not one nobody waits for any more
                        tx -> abandoned.get() ? CompletableFuture.failedFuture(new IllegalStateException("abandoned"))
                                : tx.runAsync(query, parameters).thenCompose(ResultCursor::listAsync),
                        config)
                .toCompletableFuture();
        records.whenComplete((rows, error) -> session.closeAsync());
        return records;
    }

    /** A failure the driver would retry in a transaction function (the marker it gives such exceptions). */
    private static boolean retryable(Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        return cause instanceof RetryableException;
    }

    /** Runs a read query expected to return at most one record. */
    public <T> Optional<T> readOptional(Deadline deadline, String query, Map<String, Object> parameters,
            Function<Record, T> mapper) {
        List<T> rows = read(deadline, query, parameters, mapper);
        if (rows.size() > 1) {
            throw new IllegalStateException("expected at most one record, got " + rows.size());
        }
        return rows.stream().findFirst();
    }

    /** Runs a single write statement in its own transaction. */
    public <T> List<T> write(String query, Map<String, Object> parameters, Function<Record, T> mapper) {
        awaitServer();
        StatementCounter.increment();
        try {
            // schema changes and index waits keep the server's own limit
            List<T> rows = driver.executableQuery(query)
                    .withParameters(parameters)
                    .withConfig(QueryConfig.builder().withDatabase(database).withRouting(RoutingControl.WRITE).build())
                    .execute()
                    .records()
                    .stream()
                    .map(mapper)
                    .toList();
            writes.incrementAndGet();
            return rows;
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    /**
     * Runs several write statements in one transaction: all of them are written, or none.
     * The work may be retried by the driver on a transient failure, so it must only talk to the database.
     */
    public <T> T inWriteTransaction(Function<Transaction, T> work) {
        return inWriteTransaction(null, work);
    }

    /** How many write transactions this service has committed so far (see {@link #writes}). */
    public long writesCommitted() {
        return writes.get();
    }

    /** explorer.limits.query-timeout, for callers that give their own transactions the same limit as reads. */
    public Duration queryTimeout() {
        return queryTimeout;
    }

    /**
     * Runs several reads in one read transaction, so that they see one state of the graph (an export must not
     * mix files from before and after a concurrent write).
     */
    public <T> T inReadTransaction(Duration timeout, Function<Transaction, T> work) {
        TransactionConfig config = TransactionConfig.builder().withTimeout(timeout).build();
        awaitServer();
        try (var session = driver.session(sessionConfig())) {
            return session.executeRead(tx -> work.apply(new Transaction(tx)), config);
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    /**
     * As {@link #inWriteTransaction(Function)}, with its own transaction timeout: a bulk load may rightly take
     * longer than the server's default limit, which guards ordinary requests.
     */
    public <T> T inWriteTransaction(Duration timeout, Function<Transaction, T> work) {
        TransactionConfig config = timeout == null
                ? TransactionConfig.empty()
                : TransactionConfig.builder().withTimeout(timeout).build();
        awaitServer();
        try (var session = driver.session(sessionConfig())) {
            T result = session.executeWrite(tx -> work.apply(new Transaction(tx)), config);
            writes.incrementAndGet();
            return result;
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    /**
     * Sessions share the bookmarks of {@code executableQuery}: a read right after a transaction (a mutation's
     * answer, read once its write committed) then waits, on a cluster, until a follower has that write. Sessions
     * otherwise keep their bookmarks to themselves, and the read could land on a follower that has not caught up.
     */
    private SessionConfig sessionConfig() {
        return sessionConfig(AccessMode.WRITE);
    }

    private SessionConfig sessionConfig(AccessMode defaultMode) {
        return SessionConfig.builder()
                .withDatabase(database)
                .withDefaultAccessMode(defaultMode)
                .withBookmarkManager(driver.executableQueryBookmarkManager())
                .build();
    }

    static RuntimeException translate(RuntimeException e) {
        if (e instanceof ServiceUnavailableException || e instanceof SessionExpiredException) {
            return new Neo4jUnavailableException("Neo4j cannot be reached: " + e.getMessage(), e);
        }
        // The driver reports an exhausted connection pool as a client error; for the caller it is an outage.
        if (e instanceof ClientException && e.getMessage() != null
                && e.getMessage().contains("Unable to acquire connection from the pool")) {
            return new Neo4jUnavailableException("Neo4j did not answer in time: " + e.getMessage(), e);
        }
        // Writes that create rather than merge rely on the uniqueness constraints to refuse a key taken meanwhile.
        if (e instanceof ClientException client && "Neo.ClientError.Schema.ConstraintValidationFailed".equals(client.code())) {
            return new DuplicateKeyException(e.getMessage(), e);
        }
        // A transaction past its timeout is reported as timed out, or as terminated when the timeout struck while it
        // waited for a lock (a busy write); either way the caller hears of a time limit, not an internal error.
        if (e instanceof org.neo4j.driver.exceptions.Neo4jException neo4j && neo4j.code() != null
                && (neo4j.code().contains("TransactionTimedOut") || neo4j.code().endsWith("Transaction.Terminated")
                        || neo4j.code().endsWith("LockClientStopped")
                        || String.valueOf(neo4j.getMessage()).startsWith("The transaction has been terminated"))) {
            return new QueryTimeoutException("The query ran longer than the limit", e);
        }
        return e;
    }

    /** A write transaction in progress; each statement run through it is counted. */
    public static final class Transaction {
        private final TransactionContext tx;

        private Transaction(TransactionContext tx) {
            this.tx = tx;
        }

        public <T> List<T> run(String query, Map<String, Object> parameters, Function<Record, T> mapper) {
            StatementCounter.increment();
            return tx.run(query, parameters).list(mapper);
        }

        public void run(String query, Map<String, Object> parameters) {
            StatementCounter.increment();
            tx.run(query, parameters).consume();
        }

        /** Streams the records to {@code each} without holding them all in memory. */
        public void each(String query, Map<String, Object> parameters, java.util.function.Consumer<Record> each) {
            StatementCounter.increment();
            tx.run(query, parameters).forEachRemaining(each);
        }
    }
}
