package org.partnershipexplorer.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.neo4j.driver.Driver;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.RoutingControl;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.summary.ResultSummary;
import org.partnershipexplorer.deadline.Deadline;
import org.partnershipexplorer.graphql.CompletedRequest;
import org.partnershipexplorer.graphql.GraphQLLayers;
import org.partnershipexplorer.graphql.RequestListener;
import org.partnershipexplorer.neo4j.Cypher;

/**
 * Where the time of one GraphQL request goes, layer by layer, at one connection: the service runs in this JVM with
 * its embedded Neo4j (over Bolt on 127.0.0.1, as a standalone one would be) and the bundled seed; each layer is
 * called alone, many times, and its median and mean are printed as a Markdown table (bench/README.md, "Per-layer
 * breakdown").
 *
 * <pre>java ... org.partnershipexplorer.bench.LayerBench [ITERATIONS] [QUERY_FILE] [HTTP_PORT] [BOLT_PORT]</pre>
 *
 * Defaults: 2000 iterations (after a warm-up of as many), bench/peer/queries/lookup.project.graphql, ports 19510
 * and 19511. The store is a fresh one under target/bench/, deleted at the end.
 */
public final class LayerBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LayerBench() {
    }

    record Layer(String name, double medianMicros, double meanMicros, double p99Micros, String note) {
    }

    public static void main(String[] args) {
        try {
            run(args);
            System.exit(0);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Path queryFile = Path.of(args.length > 1 ? args[1] : "bench/peer/queries/lookup.project.graphql");
        int httpPort = args.length > 2 ? Integer.parseInt(args[2]) : 19510;
        int boltPort = args.length > 3 ? Integer.parseInt(args[3]) : 19511;
        String query = Files.readString(queryFile);
        Path store = Path.of("target", "bench", "layers-" + System.currentTimeMillis()).toAbsolutePath();

        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.host", "127.0.0.1");
        properties.put("micronaut.server.port", httpPort);
        properties.put("explorer.neo4j.uri", "");
        properties.put("explorer.neo4j.data-dir", store.toString());
        properties.put("explorer.neo4j.bolt-port", boltPort);
        properties.put("explorer.seed.mode", "if-empty");
        properties.put("explorer.warm-up.enabled", false);
        properties.put("logger.levels.org.partnershipexplorer.requests", "WARN");
        String loadBefore = loadAverage();
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class);
            server.start();
            // the first call of the query in this JVM: cold parse and validation (in the constructor), then the whole
            // execution with its translation and Neo4j planning the statement
            List<String> firstCalls = new ArrayList<>();
            long t0 = System.nanoTime();
            GraphQLLayers layers = new GraphQLLayers(context, query);
            firstCalls.add(String.format(Locale.ROOT, "| cold JVM: parse and validate the text | %.1f |", ms(t0)));
            t0 = System.nanoTime();
            layers.execute();
            firstCalls.add(String.format(Locale.ROOT, "| cold JVM: first execute (limits, translation, driver, Neo4j planning the statement) | %.1f |", ms(t0)));
            t0 = System.nanoTime();
            layers.execute();
            firstCalls.add(String.format(Locale.ROOT, "| cold JVM: second execute (document and plan cached) | %.1f |", ms(t0)));
            Cypher cypher = context.getBean(Cypher.class);
            Driver driver = context.getBean(Driver.class);
            GraphQLLayers.Translation translation = layers.translation();
            System.out.println("query: " + query.strip().replace('\n', ' '));
            System.out.println("statement: " + translation.cypher().replace('\n', ' ') + "  parameters: "
                    + translation.parameters());
            System.out.println("instrumentation: " + layers.instrumentation() + "; DataLoader features: "
                    + layers.dataLoaderFeatures());

            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            URI graphql = server.getURI().resolve("/graphql");
            String body = JSON.writeValueAsString(Map.of("query", query));
            HttpRequest lookup = HttpRequest.newBuilder(graphql).header("Content-Type", "application/json")
                    .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
            // the same route, refused by the controller's first check: HTTP, filters, security and routing only
            HttpRequest trivial = HttpRequest.newBuilder(graphql).header("Content-Type", "text/plain")
                    .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("data", layers.execute().getData());
            String answer = JSON.writeValueAsString(data);
            System.out.println("answer: " + answer);
            List<RequestListener> listeners = List.copyOf(context.getBeansOfType(RequestListener.class));
            CompletedRequest completed = new CompletedRequest("bench", Optional.empty(), 200, Duration.ofMillis(3), 1,
                    true, List.of(), Map.of());
            SessionConfig sessionConfig = SessionConfig.builder().withDatabase("neo4j").build();

            List<Layer> table = new ArrayList<>();
            table.add(time("HTTP round trip, POST /graphql (the whole request)", iterations, () -> {
                HttpResponse<String> r = http.send(lookup, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200 || r.body().contains("\"errors\"")) {
                    throw new IllegalStateException(r.body());
                }
                return r;
            }, "java.net.http client, one connection"));
            table.add(time("HTTP round trip, same route refused at once (415)", iterations,
                    () -> http.send(trivial, HttpResponse.BodyHandlers.ofString()),
                    "Netty, Micronaut routing, filters (rate limit, security, metrics), no GraphQL"));
            table.add(time("request body read (Jackson readTree)", iterations, () -> JSON.readTree(body), ""));
            table.add(time("Operation.of (the controller's own parse)", iterations, layers::operation, ""));
            table.add(time("DataLoader registry (every feature's loaders)", iterations, layers::registry, ""));
            table.add(time("graphql-java execute, instrumented (cached document)", iterations, layers::execute,
                    "document cache, limits, execution, translation, statement"));
            table.add(time("graphql-java execute, no instrumentation", iterations, layers::executeUninstrumented,
                    "the difference with the row above is the instrumentations"));
            table.add(time("parse (document cache miss only)", iterations, layers::parse, ""));
            table.add(time("validate (document cache miss only)", iterations, layers::validate, ""));
            table.add(time("limits: depth, fields, cost (every request)", iterations, layers::cost, ""));
            table.add(time("normalised operation (every request)", iterations, layers::normalise, ""));
            table.add(time("translation (statement text and parameters)", iterations, () -> {
                translation.translate().run();
                return null;
            }, "composed with Cypher-DSL and rendered"));
            table.add(time("translation kept per shape (what a request does)", iterations, () -> {
                translation.known().run();
                return null;
            }, "the statement of a text, operation and variables seen before"));
            table.add(time("driver: Cypher.read (async session, executeRead)", iterations,
                    () -> cypher.read(Deadline.NONE, translation.cypher(), translation.parameters(),
                            r -> r.get("data").asObject()), "the service's path"));
            table.add(time("driver: sync session, executeRead", iterations, () -> {
                try (Session session = driver.session(sessionConfig)) {
                    return session.executeRead(tx -> tx.run(translation.cypher(), translation.parameters()).list());
                }
            }, "BEGIN, RUN, PULL, COMMIT"));
            table.add(time("driver: sync session, auto-commit run", iterations, () -> {
                try (Session session = driver.session(sessionConfig)) {
                    return session.run(translation.cypher(), translation.parameters()).list();
                }
            }, "RUN, PULL"));
            double[] neo4j = new double[2];
            table.add(time("driver: executableQuery (READ routing)", iterations, () -> {
                var result = driver.executableQuery(translation.cypher()).withParameters(translation.parameters())
                        .withConfig(QueryConfig.builder().withDatabase("neo4j").withRouting(RoutingControl.READ)
                                .build()).execute();
                ResultSummary summary = result.summary();
                neo4j[0] += summary.resultAvailableAfter(TimeUnit.MICROSECONDS);
                neo4j[1] += summary.resultConsumedAfter(TimeUnit.MICROSECONDS);
                return result;
            }, "managed transaction"));
            // the summary's times are whole milliseconds: their mean over all calls (warm-up included) is the figure
            table.add(new Layer("Neo4j's own time (summary: available + consumed)", Double.NaN,
                    (neo4j[0] + neo4j[1]) / (2.0 * iterations), Double.NaN,
                    "mean of whole milliseconds reported by the server"));
            table.add(time("response body write (Jackson)", iterations, () -> JSON.writeValueAsString(data), ""));
            table.add(time("request listeners (log line, metrics)", iterations, () -> {
                listeners.forEach(l -> l.completed(completed));
                return null;
            }, listeners.size() + " listeners"));

            // Variants measured in turns, one call of each per round (the first changing every round), so that the
            // machine's changing load falls on all of them alike: the ways of running the statement, and the engine
            // with and without its instrumentations.
            SessionConfig shared = SessionConfig.builder().withDatabase("neo4j")
                    .withBookmarkManager(driver.executableQueryBookmarkManager()).build();
            SessionConfig reads = SessionConfig.builder().withDatabase("neo4j")
                    .withDefaultAccessMode(org.neo4j.driver.AccessMode.READ).build();
            Map<String, Callable<?>> variants = new LinkedHashMap<>();
            variants.put("in turns: Cypher.read (the service's path)", () -> cypher.read(Deadline.NONE,
                    translation.cypher(), translation.parameters(), r -> r.get("data").asObject()));
            variants.put("in turns: async executeRead, shared bookmarks, no timeout", () -> {
                var session = driver.session(org.neo4j.driver.async.AsyncSession.class, shared);
                try {
                    return session.executeReadAsync(tx -> tx.runAsync(translation.cypher(), translation.parameters())
                            .thenCompose(org.neo4j.driver.async.ResultCursor::listAsync)).toCompletableFuture().get();
                } finally {
                    session.closeAsync();
                }
            });
            variants.put("in turns: async auto-commit runAsync, READ", () -> {
                var session = driver.session(org.neo4j.driver.async.AsyncSession.class, reads);
                try {
                    return session.runAsync(translation.cypher(), translation.parameters())
                            .thenCompose(org.neo4j.driver.async.ResultCursor::listAsync).toCompletableFuture().get();
                } finally {
                    session.closeAsync();
                }
            });
            variants.put("in turns: sync executeRead", () -> {
                try (Session session = driver.session(sessionConfig)) {
                    return session.executeRead(tx -> tx.run(translation.cypher(), translation.parameters()).list());
                }
            });
            variants.put("in turns: sync auto-commit run", () -> {
                try (Session session = driver.session(sessionConfig)) {
                    return session.run(translation.cypher(), translation.parameters()).list();
                }
            });
            variants.put("in turns: execute, instrumented", layers::execute);
            variants.put("in turns: execute, no instrumentation", layers::executeUninstrumented);
            variants.put("in turns: HTTP round trip, POST /graphql",
                    () -> http.send(lookup, HttpResponse.BodyHandlers.ofString()));
            variants.put("in turns: HTTP round trip, 415", () -> http.send(trivial, HttpResponse.BodyHandlers.ofString()));
            // a comment makes a text no cache holds (the operation's, the document's, the translation's) whose
            // statement is the same one, planned already: what a new document costs the service, Neo4j aside
            AtomicLong texts = new AtomicLong();
            variants.put("in turns: HTTP round trip, POST /graphql, a new text each time", () -> {
                String text = query + "\n# text " + texts.incrementAndGet();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(graphql)
                        .header("Content-Type", "application/json").header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", text))))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200 || r.body().contains("\"errors\"")) {
                    throw new IllegalStateException(r.body());
                }
                return r;
            });
            table.addAll(inTurns(variants, iterations));

            // new shapes in the warm JVM (the same fields in other orders: other statement texts, planned anew)
            // against hand-written statements Neo4j has not seen either. Four pairs, and the side that goes first
            // changes every pair: the statement planned second meets a planner just run on the same pattern.
            // each pair selects the same fields in the same order, in GraphQL and as the statement's columns
            List<String> orders = List.of("region name iso3", "name region iso3", "region iso3 name", "name iso3 region");
            List<Double> shapeFirst = new ArrayList<>();
            List<Double> floorFirst = new ArrayList<>();
            for (int pair = 0; pair < orders.size(); pair++) {
                String fields = orders.get(pair);
                String shape = "{ country(iso3: \"KEN\") { " + fields + " } }";
                String floor = "MATCH (c:Country {iso3: $iso3}) RETURN " + java.util.Arrays.stream(fields.split(" "))
                        .map(f -> "c." + f + " AS " + f).collect(java.util.stream.Collectors.joining(", "));
                for (int side = 0; side < 2; side++) {
                    boolean newShapeNow = (side == 0) == (pair % 2 == 0);
                    if (newShapeNow) {
                        t0 = System.nanoTime();
                        GraphQLLayers newShape = new GraphQLLayers(context, shape);
                        newShape.execute();
                        double first = ms(t0);
                        shapeFirst.add(first);
                        t0 = System.nanoTime();
                        newShape.execute();
                        firstCalls.add(String.format(Locale.ROOT, "| warm JVM, new shape `%s`%s: parse, validate and first execute (Neo4j plans the new statement); second execute | %.1f; %.1f |",
                                fields, side == 0 ? ", asked first" : "", first, ms(t0)));
                    } else {
                        t0 = System.nanoTime();
                        cypher.read(Deadline.NONE, floor, Map.of("iso3", "KEN"), r -> r.asMap());
                        double first = ms(t0);
                        floorFirst.add(first);
                        t0 = System.nanoTime();
                        cypher.read(Deadline.NONE, floor, Map.of("iso3", "KEN"), r -> r.asMap());
                        firstCalls.add(String.format(Locale.ROOT, "| warm JVM, hand-written, columns `%s`%s: first run (planned); second run | %.1f; %.1f |",
                                fields, side == 0 ? ", asked first" : "", first, ms(t0)));
                    }
                }
            }
            firstCalls.add(String.format(Locale.ROOT, "| warm JVM, medians of the four: new shape / hand-written | %.1f / %.1f (%.2fx) |",
                    median(shapeFirst), median(floorFirst), median(shapeFirst) / median(floorFirst)));

            System.out.println();
            System.out.println("| first calls | ms |");
            System.out.println("|---|---|");
            firstCalls.forEach(System.out::println);
            System.out.println();
            System.out.printf("load average before: %s; after: %s; %d iterations a layer after as many of warm-up%n%n",
                    loadBefore, loadAverage(), iterations);
            System.out.println("| layer | median us | mean us | p99 us | note |");
            System.out.println("|---|---|---|---|---|");
            for (Layer l : table) {
                System.out.printf(Locale.ROOT, "| %s | %s | %.0f | %s | %s |%n", l.name(), fmt(l.medianMicros()),
                        l.meanMicros(), fmt(l.p99Micros()), l.note());
            }
        } finally {
            deleteQuietly(store);
        }
    }

    private static List<Layer> inTurns(Map<String, Callable<?>> variants, int iterations) throws Exception {
        List<Callable<?>> work = List.copyOf(variants.values());
        long[][] nanos = new long[work.size()][iterations];
        for (int round = -iterations; round < iterations; round++) {
            for (int k = 0; k < work.size(); k++) {
                int v = Math.floorMod(k + round, work.size());
                long t0 = System.nanoTime();
                work.get(v).call();
                if (round >= 0) {
                    nanos[v][round] = System.nanoTime() - t0;
                }
            }
        }
        List<Layer> layers = new ArrayList<>();
        List<String> names = List.copyOf(variants.keySet());
        for (int v = 0; v < work.size(); v++) {
            long[] n = nanos[v];
            Arrays.sort(n);
            layers.add(new Layer(names.get(v), n[iterations / 2] / 1e3, Arrays.stream(n).average().orElse(0) / 1e3,
                    n[Math.min(iterations - 1, (int) (iterations * 0.99))] / 1e3, ""));
        }
        return layers;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double ms(long since) {
        return (System.nanoTime() - since) / 1e6;
    }

    private static String fmt(double micros) {
        return Double.isNaN(micros) ? "" : String.format(Locale.ROOT, "%.0f", micros);
    }

    private static Layer time(String name, int iterations, Callable<?> work, String note) throws Exception {
        for (int i = 0; i < iterations; i++) {
            work.call();
        }
        long[] nanos = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long t0 = System.nanoTime();
            work.call();
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        double mean = Arrays.stream(nanos).average().orElse(0) / 1e3;
        return new Layer(name, nanos[iterations / 2] / 1e3, mean, nanos[Math.min(iterations - 1,
                (int) (iterations * 0.99))] / 1e3, note);
    }

    private static String loadAverage() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            // a leftover under target/ is harmless
        }
    }
}
