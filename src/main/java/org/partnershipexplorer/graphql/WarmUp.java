package org.partnershipexplorer.graphql;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a few generic queries to the service's own /graphql once it has started, in the background: the first
 * request of a fresh JVM otherwise pays for loading and compiling the whole request path (Netty and Micronaut's
 * routing, the controller, graphql-java's parser, validation and execution, the translation, the driver) and for
 * Neo4j loading its Cypher planner, on top of what a new query shape costs anyway (planning its statement). The
 * documents are generic shapes (a page, a filtered page, an object, nested lists), not the clients' own, so a
 * client's first call of its shape still plans that statement; what it no longer pays is the cold path, and a cold
 * planner: each round asks the shapes with other fields, so Neo4j plans a hundred statements of the translation's
 * forms.
 *
 * <p>It runs after the service reports started, on a thread of its own, and never delays the start or the health
 * check; {@code explorer.warm-up.enabled: false} (EXPLORER_WARM_UP) switches it off. The requests go through the
 * real HTTP path from 127.0.0.1 with request ids {@code warm-up-N}, so the request log and the metrics show them.
 */
@Singleton
@Requires(property = "explorer.warm-up.enabled", notEquals = "false")
final class WarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);

    /**
     * Generic shapes: a page of a connection with its total, a page with a filter (its own statement form and code
     * path), one object by key, an object's nested lists, and the partnership lists with their other end (their own
     * fetchers and endpoint translation, which the other shapes do not reach: without it a client's first partnership
     * question took about 180 ms longer, quiet). Each round asks them with other fields (see {@link #documents(int)}).
     * None of them is a statement of the benchmark's questions (WarmUpIT checks): bench/first-calls.sh times a new
     * shape's first call, and a plan the warm-up made would be timed as a cached one.
     */
    static final List<Shape> SHAPES;

    static {
        List<String> country = List.of("name", "region", "subregion", "unRegionalGroup", "unMember", "confidence",
                "source");
        SHAPES = List.of(
                new Shape("WarmUpPage", "countries(first: 3) { totalCount edges { cursor node { iso3 %s } }"
                        + " pageInfo { hasNextPage } }", country),
                new Shape("WarmUpFiltered", "countries(unMember: true, first: 2) { edges { node { iso3 %s } } }",
                        country),
                new Shape("WarmUpObject", "mission(acronym: \"UNMISS\") { acronym %s }",
                        List.of("name", "location", "startYear", "endYear", "active", "confidence", "source")),
                new Shape("WarmUpNested", "missions(first: 2) { edges { node { acronym"
                        + " contributions { year %s country { name } } } } }",
                        List.of("total", "troops", "police", "experts", "women", "asOf", "confidence")),
                new Shape("WarmUpPartnerships", "countries(first: 2) { edges { node {"
                        + " trains { year %s trainee { name } } receivesFrom { year donor { name } } } } }",
                        List.of("id", "kind", "endYear", "topic", "trainees", "confidence", "source")));
    }

    /**
     * A generic query shape, and the scalar fields of its innermost object that the rounds take turns with.
     *
     * @param template the query's selection, {@code %s} where the round's fields go
     * @param fields at least seven, and not a multiple of three, so that the first {@code 3 * fields.size()} rounds
     *     each ask a different run of them (see {@link #selection(int)})
     */
    record Shape(String operation, String template, List<String> fields) {

        /** Round {@code r} asks the run of 1 to 3 fields starting at field {@code r}, going round the list. */
        String selection(int round) {
            int from = round % fields.size();
            int length = 1 + round % 3;
            return IntStream.range(from, from + length).mapToObj(i -> fields.get(i % fields.size()))
                    .collect(Collectors.joining(" "));
        }

        String document(int round) {
            return "query " + operation + " { " + template.formatted(selection(round)) + " }";
        }
    }

    /**
     * The documents of one round. Each round asks other fields, so every request of the first rounds is a statement
     * Neo4j has not planned yet: the first call of a client's own shape is mostly Neo4j planning its statement, and a
     * planner that has planned a few dozen statements of the translation's forms plans the next one in about half the
     * time it takes one that has planned four (the missions question's statement on a standalone Neo4j: 176 and 224
     * ms after forty plans of another nested statement, 324 and 445 ms after the four; bench/README.md, "The planner
     * warmed"). Asking the same documents every round would warm the request path and Neo4j's runtime, not its
     * planner.
     */
    static List<String> documents(int round) {
        return SHAPES.stream().map(shape -> shape.document(round)).toList();
    }

    /** What the warm-up did: requests sent and those answered 200 without errors. */
    record Outcome(int requests, int answered, Duration took) {
    }

    private final int rounds;
    /** How long one warm-up request is waited for: the request's own deadline, and time to answer after it. */
    private final Duration wait;
    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();

    WarmUp(@Value("${explorer.warm-up.rounds:20}") int rounds, QueryLimits limits) {
        this.rounds = rounds;
        this.wait = limits.requestTimeout().plusSeconds(30);
    }

    @EventListener
    void onStartup(ServerStartupEvent event) {
        EmbeddedServer server = event.getSource();
        URI graphql = server.getURI().resolve("/graphql");
        Thread thread = new Thread(() -> outcome.complete(run(graphql)), "warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** Completes when the warm-up has ended (for the tests and the benchmarks). */
    CompletableFuture<Outcome> outcome() {
        return outcome;
    }

    private Outcome run(URI graphql) {
        long started = System.nanoTime();
        int requests = 0;
        int answered = 0;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        try {
            for (int round = 0; round < rounds; round++) {
                for (String document : documents(round)) {
                    requests++;
                    HttpRequest request = HttpRequest.newBuilder(graphql).timeout(wait)
                            .header("Content-Type", "application/json").header("Accept", "application/json")
                            .header(HttpErrors.REQUEST_ID_HEADER, "warm-up-" + requests)
                            .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + document.replace("\"", "\\\"")
                                    + "\"}"))
                            .build();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 200 && !response.body().contains("\"errors\"")) {
                            answered++;
                        }
                    } catch (java.net.http.HttpTimeoutException e) {
                        // a machine too busy to answer in time: the next request may be quicker, and warms the rest
                        LOG.debug("warm-up request {} not answered in {}", requests, wait);
                    }
                }
            }
        } catch (java.io.IOException e) {
            // a service stopping while it warms up; nothing depends on the warm-up
            LOG.debug("warm-up stopped: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        LOG.info("Warm-up: {} of {} requests answered in {} ms (explorer.warm-up.enabled: false switches it off)",
                answered, requests, took.toMillis());
        return new Outcome(requests, answered, took);
    }
}
