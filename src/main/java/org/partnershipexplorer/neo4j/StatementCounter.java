package org.partnershipexplorer.neo4j;

/**
 * Counts the Cypher statements one request sends, so that tests can fail on N+1 and request logs can report it.
 *
 * <p>A request's GraphQL execution runs on one worker thread (fetchers are synchronous there, and DataLoader
 * batches are dispatched on the same thread), so a thread-bound scope sees every statement it sends.
 */
public final class StatementCounter {

    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

    private StatementCounter() {
    }

    /** Starts counting on this thread until the returned scope is closed. */
    public static Scope open() {
        Scope scope = new Scope(CURRENT.get());
        CURRENT.set(scope);
        return scope;
    }

    static void increment() {
        Scope scope = CURRENT.get();
        if (scope != null) {
            scope.count++;
        }
    }

    /** One counting scope; scopes nest, and the inner one hides the outer one while open. */
    public static final class Scope implements AutoCloseable {
        private final Scope outer;
        private int count;

        private Scope(Scope outer) {
            this.outer = outer;
        }

        public int count() {
            return count;
        }

        @Override
        public void close() {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }
}
