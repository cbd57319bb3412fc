package org.partnershipexplorer.analytics;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.partnershipexplorer.deadline.Deadline;

/**
 * The analytics benchmark (not a test; bench/analytics.sh runs it, bench/ANALYTICS.md has the figures).
 *
 * <p>Starts the service on 127.0.0.1 with its own embedded Neo4j in a fresh store under target/bench, loads a
 * generated graph (193 countries, 5 organisations, 100,000 partnership relationships over 1995-2024, 20 missions,
 * contributions and dated totals every year), then times isolatedContributors and centrality over real HTTP: a few
 * warm-up requests, then a fixed number of timed ones. Bounded: every request times out after 60 s.
 */
public final class AnalyticsBench {

    private static final int WARM_UP = 3;
    private static final int RUNS = 15;

    // every confidence asked for: the generated world is all illustrative, which an analysis leaves out unless asked,
    // and without it both questions were answered over no partnership at all (centrality gave an empty list)
    private static final String ISOLATED = """
            query { isolatedContributors(year: 2024, first: 50, confidence: [VERIFIED, REPORTED, ESTIMATE, ILLUSTRATIVE]) {
              totalCount edges { node { country { iso3 name } score personnel reasons { code weight text }
                                        missions { acronym } providers { id } supportReceived } } } }
            """;
    private static final String CENTRALITY = """
            query { centrality(first: 500, confidence: [VERIFIED, REPORTED, ESTIMATE, ILLUSTRATIVE]) {
                      actor { id name } inDegree outDegree inPartners outPartners
                                              betweenness pageRank } }
            """;

    private AnalyticsBench() {
    }

    public static void main(String[] args) throws Exception {
        int relationships = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        // "bolt": the load goes over Bolt into a server already started, as before the offline import
        boolean bolt = java.util.Arrays.asList(args).contains("bolt");
        Path store = Path.of("target", "bench", "store-" + relationships);
        deleteRecursively(store);
        Files.createDirectories(store);
        Path seed = Path.of("target", "bench", "seed-" + relationships);
        deleteRecursively(seed);
        long rows = GeneratedSeed.write(seed, new GeneratedGraph.Spec(193, 5, relationships, 1995, 2024, 20, 2026));
        org.partnershipexplorer.seed.SeedSource source = org.partnershipexplorer.seed.SeedSource.directory(seed);
        org.partnershipexplorer.seed.ConsoleProgress progress = new org.partnershipexplorer.seed.ConsoleProgress(System.out);
        Map<String, Object> properties = Map.of(
                "micronaut.server.host", "127.0.0.1",
                "micronaut.server.port", "-1",
                "explorer.neo4j.uri", "",
                "explorer.neo4j.data-dir", store.toString(),
                "explorer.neo4j.bolt-port", "0",
                "explorer.seed.mode", "never",
                // a load or a request of the benchmark may outlast the service's limits on a busy machine
                "explorer.limits.request-timeout", "120s",
                "explorer.limits.query-timeout", "120s");
        io.micronaut.context.ApplicationContextBuilder builder = ApplicationContext.builder().properties(properties);
        long loadStart = 0;
        long cpuStart = 0;
        if (!bolt) {
            // the path of `import DIR` into a new EXPLORER_DATA_DIR: the seed is known before the context starts, and
            // Neo4j's offline importer writes it before the embedded server starts; the clock runs from the context's
            // start, so the figure includes the server's start on the imported store and the schema built on it
            builder.singletons(new org.partnershipexplorer.seed.SeedImportRequest(source, true, null, progress,
                    System.out));
            resetPeaks();
            loadStart = System.nanoTime();
            cpuStart = processCpuNanos();
        }
        try (ApplicationContext context = builder.start()) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class);
            server.start();
            if (bolt) {
                resetPeaks();
                loadStart = System.nanoTime();
                cpuStart = processCpuNanos();
            }
            // true: every generated row is illustrative, and is loaded on purpose (a load leaves those out by default)
            org.partnershipexplorer.seed.LoadReport loaded = context.getBean(org.partnershipexplorer.seed.SeedLoader.class)
                    .load(source, true, null, progress);
            System.out.println(bolt ? "path: over Bolt into the started server (seed/BulkLoad)"
                    : "path: Neo4j's offline importer into the new store, before the server started (seed/OfflineImport);"
                    + " the time includes the server's start and the schema");
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            // on a shared machine the wall time says more about the neighbours than the loader; the CPU time the
            // process used (the service and its embedded Neo4j together) says what the load itself cost
            double loadCpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
            System.out.printf(Locale.ROOT, "loaded %,d partnership relationships (%,d rows in all) in %.1f s (%.1f s of CPU):"
                    + " %,.0f rows/s; heap peak during the load at most %d MB of %d MB; load average %.1f%n", rows,
                    loaded.rowsRead() - loaded.rowsSkipped(), loadSeconds, loadCpuSeconds,
                    (loaded.rowsRead() - loaded.rowsSkipped()) / loadSeconds, peakHeapUsed() / (1 << 20),
                    Runtime.getRuntime().maxMemory() / (1 << 20),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            // the generated rows are all of confidence illustrative, which a load leaves out unless asked: the load
            // above asks for them, and the store's own count says whether they are all there
            long stored = loaded.relationships().getOrDefault("TRAINS", 0L)
                    + loaded.relationships().getOrDefault("DONATES_TO", 0L);
            System.out.printf(Locale.ROOT, "in the store after the load: %,d TRAINS and DONATES_TO relationships"
                    + " (%,d generated), %,d rows skipped as illustrative%n", stored, rows, loaded.rowsSkipped());
            if (stored != rows) {
                throw new IllegalStateException("the store holds " + stored + " partnership relationships of the "
                        + rows + " generated");
            }
            if (args.length > 1 && args[1].equals("load-only")) {
                return;
            }

            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            URI graphql = server.getURI().resolve("/graphql");
            resetPeaks();
            report("isolatedContributors(year: 2024, first: 50)", time(http, graphql, ISOLATED));
            report("centrality(first: 500), all years", time(http, graphql, CENTRALITY));
            breakdown(context.getBean(AnalyticsRepository.class), context.getBean(SupportSettings.class));
            // a second round over HTTP: on a shared machine the load changes from one minute to the next
            report("isolatedContributors, second round", time(http, graphql, ISOLATED));
            report("centrality, second round", time(http, graphql, CENTRALITY));
            Runtime rt = Runtime.getRuntime();
            System.out.printf(Locale.ROOT, "heap: max %d MB, peak used during the timed requests at most %d MB%n",
                    rt.maxMemory() / (1 << 20), peakHeapUsed() / (1 << 20));
            System.out.printf(Locale.ROOT, "java %s, %d processors, load average %.1f%n",
                    System.getProperty("java.version"), rt.availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static List<Double> time(HttpClient http, URI graphql, String query) throws Exception {
        String body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of("query", query));
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < WARM_UP + RUNS; i++) {
            HttpRequest request = HttpRequest.newBuilder(graphql).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            double ms = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
                throw new IllegalStateException("request failed: " + response.statusCode() + " "
                        + response.body().substring(0, Math.min(500, response.body().length())));
            }
            if (response.body().contains("\"centrality\":[]") || response.body().contains("\"totalCount\":0")) {
                throw new IllegalStateException("an empty answer measures nothing: " + response.body());
            }
            if (i == 0) {
                System.out.printf(Locale.ROOT, "  response of %,d bytes, %s Cypher statements%n",
                        response.body().length(), response.headers().firstValue("X-Cypher-Statements").orElse("?"));
            }
            if (i >= WARM_UP) {
                millis.add(ms);
            }
        }
        return millis;
    }

    /** Where the time goes, in process: the one Cypher read, then the computation in memory. */
    /** The scaled benchmark graph is generated, so illustrative: every confidence counts. */
    private static final java.util.Set<org.partnershipexplorer.provenance.Confidence> ALL =
            java.util.EnumSet.allOf(org.partnershipexplorer.provenance.Confidence.class);

    private static void breakdown(AnalyticsRepository repository, SupportSettings settings) {
        List<String> both = List.of("DONATES_TO", "TRAINS");
        List<Double> read = new ArrayList<>();
        List<Double> compute = new ArrayList<>();
        List<Double> supportRead = new ArrayList<>();
        List<Double> supportCompute = new ArrayList<>();
        for (int i = 0; i < WARM_UP + RUNS; i++) {
            long t0 = System.nanoTime();
            PartnershipGraph graph = repository.graph(Deadline.NONE, both, ALL,
                    org.partnershipexplorer.graphql.Arguments.YearRange.ALL);
            long t1 = System.nanoTime();
            GraphMeasures.centrality(graph, Deadline.NONE);
            long t2 = System.nanoTime();
            var inputs = repository.supportInputs(Deadline.NONE, both, ALL, List.of(2024), settings.windowYears())
                    .year(2024, settings.windowYears());
            long t3 = System.nanoTime();
            SupportScore.analyse(2024, java.util.Set.of("TRAINING", "DONATION"), inputs, settings, Deadline.NONE);
            long t4 = System.nanoTime();
            if (i >= WARM_UP) {
                read.add((t1 - t0) / 1e6);
                compute.add((t2 - t1) / 1e6);
                supportRead.add((t3 - t2) / 1e6);
                supportCompute.add((t4 - t3) / 1e6);
            }
            if (i == 0) {
                System.out.printf(Locale.ROOT, "  graph of all years: %d actors, %d links; window 2022-2024: %d links%n",
                        graph.actors().size(), graph.links().size(), inputs.graph().links().size());
            }
        }
        report("  in process: Cypher read of the graph (all years)", read);
        report("  in process: JGraphT centrality", compute);
        report("  in process: Cypher read of the support inputs (2022-2024)", supportRead);
        report("  in process: support-need score", supportCompute);
    }

    private static void report(String what, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%s: median %.0f ms, p90 %.0f ms, max %.0f ms over %d requests%n", what,
                sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1),
                sorted.get(sorted.size() - 1), sorted.size());
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /**
     * The heap pools' peaks added up: each pool (eden, survivors, old) peaks at its own moment, so this bounds the heap
     * used at any one time from above, and may exceed the maximum heap when the young pools peaked before a collection
     * that filled the old one.
     */
    private static long peakHeapUsed() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
