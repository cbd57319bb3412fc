package org.partnershipexplorer.bench;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.neo4j.driver.Driver;
import org.partnershipexplorer.graphql.GraphQLLayers;

/**
 * The explore benchmark: generates the seed at SCALE times its size, loads it with the service's own seed loader
 * into a fresh embedded Neo4j, then sends each {@link BenchQuery} over HTTP (127.0.0.1 only) to the service and
 * to its floor ({@link FloorServer}) at concurrency 1 and 16, and prints p50, p99 and throughput.
 *
 * <p>Arguments: {@code SCALE SECONDS} (measured seconds per cell, after a warm-up of the same length / 2).
 * See bench/README.md for the command.
 */
public final class Benchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int[] CONCURRENCY = {1, 16};

    private Benchmark() {
    }

    record Cell(String query, String side, int concurrency, long requests, double p50, double p99,
            double throughput, long failures) {
    }

    public static void main(String[] args) {
        try {
            run(args);
            System.exit(0);
        } catch (Exception | Error e) {
            e.printStackTrace();
            // Neo4j's and Netty's threads would otherwise keep a failed run alive
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        int scale = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        // optional: the questions to ask, by name (nested,search); all of them when absent
        List<String> names = args.length > 2 ? List.of(args[2].split(",")) : null;
        List<BenchQuery> queries = BenchQuery.all().stream().filter(q -> names == null || names.contains(q.name()))
                .toList();
        Path work = Path.of("target", "bench", "x" + scale).toAbsolutePath().normalize();
        Path seed = work.resolve("seed");
        Path store = work.resolve("store-" + System.currentTimeMillis());
        long rows = SeedScaler.generate(Path.of("graph-seed"), seed, scale);
        System.out.printf("generated %d rows at %dx in %s%n", rows, scale, seed);

        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.host", "127.0.0.1");
        // -Dbench.port=N puts the service on N, its Bolt connector on N+1 and the floor on N+2 (on a machine shared
        // with other runs, each keeps to its own ports); unset, each takes a free port
        int port = Integer.getInteger("bench.port", 0);
        properties.put("micronaut.server.port", port == 0 ? -1 : port);
        properties.put("explorer.neo4j.uri", "");
        properties.put("explorer.neo4j.data-dir", store.toString());
        properties.put("explorer.neo4j.bolt-port", port == 0 ? 0 : port + 1);
        properties.put("explorer.seed.dir", seed.toString());
        properties.put("explorer.seed.mode", "if-empty");
        // every synthetic copy is marked illustrative (invented), which a load leaves out by default: without this
        // the store would hold the bundled seed alone, whatever the scale
        properties.put("explorer.seed.illustrative", "true");
        properties.put("logger.levels.org.partnershipexplorer.requests", "WARN");
        long started = System.nanoTime();
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class);
            server.start();
            System.out.printf("service up with the %dx graph loaded in %.1f s at %s%n", scale,
                    (System.nanoTime() - started) / 1e9, server.getURI());
            Driver driver = context.getBean(Driver.class);
            // Statistics sampled, then every cached plan dropped: both sides plan with the loaded graph's figures.
            // Without it a statement planned during the load (the floor once at 1.3 s, once at 40 ms) keeps
            // whatever plan the half-loaded graph suggested, and the ratio measures that luck.
            driver.executableQuery("CALL db.prepareForReplanning(300000)").execute();
            long relationships = driver.executableQuery("MATCH ()-[r]->() RETURN count(r) AS n").execute()
                    .records().get(0).get("n").asLong();
            System.out.printf("store holds %d relationships%n", relationships);
            // the first calls below are new shapes on a service that has been up a moment: its warm-up (generic
            // queries, which also warm Neo4j's planner for the floor) has ended
            GraphQLLayers.awaitWarmUp(context, Duration.ofMinutes(5));
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newFixedThreadPool(4)).build();
            List<Cell> cells = new ArrayList<>();
            try (FloorServer floor = new FloorServer(driver, queries, port == 0 ? 0 : port + 2)) {
                for (BenchQuery query : queries) {
                    URI graphql = server.getURI().resolve("/graphql");
                    byte[] body = JSON.writeValueAsBytes(Map.of("query", query.graphql(),
                            "variables", query.variables()));
                    HttpRequest gq = HttpRequest.newBuilder(graphql).header("Content-Type", "application/json")
                            .header("Accept", "application/json").timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                    HttpRequest fl = HttpRequest.newBuilder(floor.uri(query)).timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                    compare(http, query, gq, fl);
                    for (int c : CONCURRENCY) {
                        cells.add(measure(http, query.name(), "graphql", gq, c, seconds));
                        cells.add(measure(http, query.name(), "floor", fl, c, seconds));
                    }
                }
            }
            report(scale, rows, seconds, cells);
        } finally {
            deleteQuietly(store);
        }
    }

    /** Both sides must give the same answer, or the comparison means nothing. */
    private static void compare(HttpClient http, BenchQuery query, HttpRequest graphql, HttpRequest floor)
            throws Exception {
        // the first request of each side plans its statement (every cached plan was dropped before)
        long started = System.nanoTime();
        JsonNode a = JSON.readTree(http.send(graphql, HttpResponse.BodyHandlers.ofString()).body());
        long graphqlFirst = System.nanoTime() - started;
        started = System.nanoTime();
        JsonNode b = JSON.readTree(http.send(floor, HttpResponse.BodyHandlers.ofString()).body());
        long floorFirst = System.nanoTime() - started;
        System.out.printf("%-15s first request, planning included: graphql %.0f ms, floor %.0f ms%n", query.name(),
                graphqlFirst / 1e6, floorFirst / 1e6);
        if (a.has("errors")) {
            throw new IllegalStateException(query.name() + ": GraphQL errors " + a.get("errors"));
        }
        boolean same = a.path("data").equals(b.path("data"));
        System.out.printf("%-15s same answer from GraphQL and floor: %s (%d bytes)%n", query.name(),
                same ? "yes" : "NO", a.path("data").toString().length());
        if (!same) {
            System.out.println("  graphql: " + abbreviate(a.path("data").toString()));
            System.out.println("  floor:   " + abbreviate(b.path("data").toString()));
        }
    }

    private static Cell measure(HttpClient http, String query, String side, HttpRequest request, int concurrency,
            int seconds) throws Exception {
        run(http, request, concurrency, Math.max(1, seconds / 2) * 1_000_000_000L); // warm-up
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long[] failures = new long[1];
        long start = System.nanoTime();
        List<long[]> perThread = run(http, request, concurrency, seconds * 1_000_000_000L);
        double elapsed = (System.nanoTime() - start) / 1e9;
        for (long[] thread : perThread) {
            for (int i = 1; i < thread.length; i++) {
                if (thread[i] < 0) {
                    failures[0]++;
                } else {
                    latencies.add(thread[i]);
                }
            }
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        Cell cell = new Cell(query, side, concurrency, sorted.size(), percentile(sorted, 0.50),
                percentile(sorted, 0.99), sorted.size() / elapsed, failures[0]);
        System.out.printf(Locale.ROOT, "%-15s %-8s c=%-3d n=%-6d p50=%8.2f ms  p99=%8.2f ms  %8.1f req/s%s%n",
                query, side, concurrency, cell.requests(), cell.p50(), cell.p99(), cell.throughput(),
                cell.failures() > 0 ? "  FAILURES=" + cell.failures() : "");
        return cell;
    }

    /** Each of {@code concurrency} clients sends, waits, sends again until the time is up; answers latencies. */
    private static List<long[]> run(HttpClient http, HttpRequest request, int concurrency, long nanos)
            throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        long deadline = System.nanoTime() + nanos;
        List<Future<long[]>> futures = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            futures.add(clients.submit(() -> {
                long[] latencies = new long[1024];
                int n = 1;
                while (System.nanoTime() < deadline) {
                    long t0 = System.nanoTime();
                    long latency;
                    try {
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        latency = response.statusCode() == 200 ? System.nanoTime() - t0 : -1;
                    } catch (java.io.IOException e) {
                        latency = -1;
                    }
                    if (n == latencies.length) {
                        latencies = java.util.Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = latency;
                }
                return java.util.Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            all.add(f.get());
        }
        clients.shutdown();
        return all;
    }

    private static double percentile(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
    }

    private static void report(int scale, long rows, int seconds, List<Cell> cells) {
        System.out.printf("%n| query | concurrency | GraphQL p50 ms | floor p50 ms | ratio p50 | GraphQL p99 ms | "
                + "floor p99 ms | GraphQL req/s | floor req/s |%n|---|---|---|---|---|---|---|---|---|%n");
        for (int i = 0; i < cells.size(); i += 2) {
            Cell g = cells.get(i);
            Cell f = cells.get(i + 1);
            System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.1f | %.1f |%n",
                    g.query(), g.concurrency(), g.p50(), f.p50(), g.p50() / f.p50(), g.p99(), f.p99(),
                    g.throughput(), f.throughput());
        }
        System.out.printf("(%dx seed: %d rows; %d s measured per cell)%n", scale, rows, seconds);
    }

    private static String abbreviate(String s) {
        return s.length() <= 600 ? s : s.substring(0, 600) + "...";
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception e) {
            // a leftover store under target/ is harmless
        }
    }
}
