package org.partnershipexplorer.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.partnershipexplorer.graphql.CompletedRequest;
import org.partnershipexplorer.graphql.ErrorCode;
import org.partnershipexplorer.graphql.RequestListener;

/**
 * GraphQL operations in Prometheus: latency per operation, errors per operation and code, and the Cypher statements
 * each request sent (a rising count for one operation is an N+1 that crept in).
 *
 * <p>Histograms use fixed buckets chosen for this API rather than Micrometer's percentile histogram (about 70
 * buckets a series): they aggregate across instances in Prometheus and keep the scrape small.
 */
@Singleton
final class GraphQLMetrics implements RequestListener {

    static final String REQUESTS = "graphql.requests";
    static final String ERRORS = "graphql.errors";
    static final String STATEMENTS = "graphql.cypher.statements";

    private static final Duration[] LATENCY_BUCKETS = Arrays.stream(
            new long[] {5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000})
            .mapToObj(Duration::ofMillis)
            .toArray(Duration[]::new);
    private static final double[] STATEMENT_BUCKETS = {1, 2, 3, 5, 8, 13, 21, 50, 100};
    private static final Set<String> CODES = Arrays.stream(ErrorCode.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());

    private final MeterRegistry registry;
    private final OperationTag operations;

    GraphQLMetrics(MeterRegistry registry, OperationTag operations) {
        this.registry = registry;
        this.operations = operations;
    }

    @Override
    public void completed(CompletedRequest request) {
        String operation = operations.bounded(request.operation());
        String type = OperationTag.type(request.operation());
        Timer.builder(REQUESTS)
                .description("GraphQL requests by operation: time from execution start to result")
                .tag("operation", operation)
                .tag("type", type)
                .tag("outcome", request.errorCodes().isEmpty() ? "success" : "error")
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry)
                .record(request.duration());
        for (String code : request.errorCodes()) {
            Counter.builder(ERRORS)
                    .description("GraphQL requests answered with an error of this code (counted once a request)")
                    .tag("operation", operation)
                    .tag("code", CODES.contains(code) ? code : "OTHER")
                    .register(registry)
                    .increment();
        }
        DistributionSummary.builder(STATEMENTS)
                .description("Cypher statements one GraphQL request sent")
                .baseUnit("statements")
                .tag("operation", operation)
                .serviceLevelObjectives(STATEMENT_BUCKETS)
                .register(registry)
                .record(request.statements());
    }
}
