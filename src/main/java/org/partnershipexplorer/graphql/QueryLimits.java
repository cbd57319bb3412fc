package org.partnershipexplorer.graphql;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Limits against hostile queries (explorer.limits.*); each refusal is a QUERY_TOO_COMPLEX error that names the limit
 * and the value, sent before any statement reaches Neo4j.
 *
 * @param maxCharacters  characters in the query text
 * @param maxTokens      GraphQL tokens (names, punctuation, values) the parser reads
 * @param maxDepth       nesting of fields, fragments expanded
 * @param maxFields      fields selected, fragments expanded (introspection fields too: they cost nothing, so a
 *                       document of spread {@code __typename} would otherwise pass every other limit)
 * @param maxComplexity  the cost: each field costs 1 plus its children's cost times its size (a list's
 *                       {@code first} or {@code limit}, else {@code listWeight})
 * @param listWeight     the size assumed for a list without {@code first} or {@code limit}
 * @param maxAliases     aliased fields in the document (graphql-java has no such limit of its own)
 * @param maxBodyBytes   size of a POST /graphql body
 * @param requestTimeout the time one request may take, shared by every statement it runs and every analysis it
 *                       computes in memory (each statement also stays within explorer.limits.query-timeout)
 */
@ConfigurationProperties("explorer.limits")
public record QueryLimits(
        @Bindable(defaultValue = "20000") int maxCharacters,
        @Bindable(defaultValue = "5000") int maxTokens,
        @Bindable(defaultValue = "15") int maxDepth,
        @Bindable(defaultValue = "200000") int maxComplexity,
        @Bindable(defaultValue = "10") int listWeight,
        @Bindable(defaultValue = "30") int maxAliases,
        @Bindable(defaultValue = "262144") int maxBodyBytes,
        @Bindable(defaultValue = "2000") int maxFields,
        @Bindable(defaultValue = "10s") Duration requestTimeout) {

    /** The defaults above, for code that runs without a context (tests of the calculation). */
    public static QueryLimits defaults() {
        return new QueryLimits(20000, 5000, 15, 200000, 10, 30, 262144, 2000, Duration.ofSeconds(10));
    }
}
