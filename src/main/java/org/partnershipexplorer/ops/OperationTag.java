package org.partnershipexplorer.ops;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.partnershipexplorer.graphql.Operation;

/**
 * Names an operation in logs and metric tags. Only a name the document itself defines is used (never the raw
 * {@code operationName} a client sent), and metrics keep at most a configured number of distinct names: a client
 * inventing a new name per request must not grow the scrape without bound.
 */
@Singleton
final class OperationTag {

    /** Parentheses cannot occur in a GraphQL name, so these never clash with a real operation. */
    static final String ANONYMOUS = "(anonymous)";
    static final String UNKNOWN = "(unknown)";
    static final String OTHER = "(other)";

    private final int maxNames;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    OperationTag(@Value("${explorer.metrics.max-operation-names:100}") int maxNames) {
        this.maxNames = maxNames;
    }

    /** The operation's own name, or {@link #ANONYMOUS} / {@link #UNKNOWN}: for the log, unbounded. */
    static String name(Optional<Operation> operation) {
        return operation.map(o -> o.name() == null ? ANONYMOUS : o.name()).orElse(UNKNOWN);
    }

    static String type(Optional<Operation> operation) {
        return operation.map(o -> o.type().name().toLowerCase(Locale.ROOT)).orElse(UNKNOWN);
    }

    /** As {@link #name}, but past the first {@code maxNames} distinct names every new one is {@link #OTHER}. */
    String bounded(Optional<Operation> operation) {
        String name = name(operation);
        if (name.equals(ANONYMOUS) || name.equals(UNKNOWN) || seen.contains(name)) {
            return name;
        }
        // A race may admit a few names past the limit; the bound only needs to be finite.
        if (seen.size() < maxNames) {
            seen.add(name);
            return name;
        }
        return OTHER;
    }
}
