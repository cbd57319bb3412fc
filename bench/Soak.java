import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Soak: mixed reads and writes at a steady rate (open loop: requests are started on schedule whether or not the
 * earlier ones answered) for a bounded time against a running service on loopback, then a check that every write the
 * service acknowledged is in the graph with the value last acknowledged.
 *
 * <pre>java bench/Soak.java URL TOKEN READS_PER_SECOND WRITES_PER_SECOND SECONDS</pre>
 *
 * Writes: createMission of a new mission (SOAK run-id n, hosted by one of ten countries in turn), then updateMission of a mission created earlier (its name
 * becomes "v2 ..."). A write counts as acknowledged when the answer has no error. Reads: a country profile, a page of
 * missions, a page of countries, one mission. Single-file program: the JDK alone runs it.
 */
public class Soak {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    static final List<String> READS = List.of(
            "{ country(iso3: \"KEN\") { name contributions(years: {from: 2010, to: 2020}) { year total mission { acronym } } } }",
            "{ missions(first: 50) { totalCount edges { node { acronym name startYear hosts { iso3 } } } } }",
            "{ countries(first: 100, region: \"Africa\") { totalCount edges { node { iso3 name } } } }",
            "{ mission(acronym: \"MINUSCA\") { name contributors(year: 2020) { iso3 } } }");

    /** Hosts of the created missions, in turn: writes spread over countries as real edits do (see SOAK.md). */
    static final List<String> HOSTS = List.of("KEN", "UGA", "GHA", "NPL", "IND", "BGD", "PAK", "RWA", "SEN", "EGY");

    record Outcome(String kind, long micros, boolean ok, String error) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: java bench/Soak.java URL TOKEN READS_PER_SECOND WRITES_PER_SECOND SECONDS");
            System.exit(2);
        }
        URI url = URI.create(args[0]);
        if (!url.getHost().equals("127.0.0.1") && !url.getHost().equals("localhost")) {
            throw new IllegalArgumentException("loopback only: " + url);
        }
        String token = args[1];
        int reads = Integer.parseInt(args[2]);
        int writes = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase(Locale.ROOT);

        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        List<String> created = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger sequence = new AtomicInteger();
        AtomicLong inFlight = new AtomicLong();
        ExecutorService workers = Executors.newFixedThreadPool(64);
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);

        long readPeriod = 1_000_000L / Math.max(reads, 1);
        long writePeriod = 1_000_000L / Math.max(writes, 1);
        AtomicInteger readTurn = new AtomicInteger();
        if (reads > 0) {
            clock.scheduleAtFixedRate(() -> workers.submit(() -> {
                String query = READS.get(readTurn.getAndIncrement() % READS.size());
                outcomes.add(send(url, null, query, "read", inFlight));
            }), 0, readPeriod, TimeUnit.MICROSECONDS);
        }
        if (writes > 0) {
            clock.scheduleAtFixedRate(() -> workers.submit(() -> {
                int n = sequence.getAndIncrement();
                // every other write updates a mission this run created and the service acknowledged
                if (n % 2 == 1 && !created.isEmpty()) {
                    String acronym = created.get((n / 2) % created.size());
                    String name = "v2 " + acronym + " " + n;
                    // one writer per mission at a time, so "last acknowledged" is well defined
                    synchronized (acronym.intern()) {
                        Outcome outcome = send(url, token, """
                                mutation { updateMission(input: {acronym: "%s", name: "%s"}) { updatedAt } }"""
                                .formatted(acronym, name), "update", inFlight);
                        outcomes.add(outcome);
                        if (outcome.ok()) {
                            acknowledged.put(acronym, name);
                        }
                    }
                    return;
                }
                String acronym = "SOAK" + run + "X" + n;
                String name = "Soak mission " + n;
                Outcome outcome;
                synchronized (acronym.intern()) {
                    outcome = send(url, token, """
                            mutation { createMission(input: {acronym: "%s", name: "%s", startYear: 2024,
                              hostIso3: ["%s"], confidence: REPORTED, source: "bench/Soak.java"}) { updatedAt } }"""
                            .formatted(acronym, name, HOSTS.get(n % HOSTS.size())), "create", inFlight);
                    if (outcome.ok()) {
                        acknowledged.put(acronym, name);
                        created.add(acronym);
                    }
                }
                outcomes.add(outcome);
            }), 0, writePeriod, TimeUnit.MICROSECONDS);
        }
        Thread.sleep(seconds * 1000L);
        clock.shutdownNow();
        workers.shutdown();
        workers.awaitTermination(60, TimeUnit.SECONDS);

        System.out.printf("soak             %d s at %d reads/s + %d writes/s (open loop), run id %s%n", seconds, reads, writes, run);
        report("read", outcomes);
        report("create", outcomes);
        report("update", outcomes);
        long errors = outcomes.stream().filter(o -> !o.ok()).count();
        outcomes.stream().filter(o -> !o.ok()).map(Outcome::error).distinct().limit(5)
                .forEach(e -> System.out.println("  error: " + e));

        // every acknowledged write must be there, with the value acknowledged last
        int lost = 0;
        for (Map.Entry<String, String> write : acknowledged.entrySet()) {
            Outcome check = send(url, null, "{ mission(acronym: \"" + write.getKey() + "\") { name } }", "check", inFlight);
            if (!check.ok() || !check.error().contains("\"name\":\"" + write.getValue() + "\"")) {
                lost++;
                if (lost <= 5) {
                    System.out.println("  lost: " + write.getKey() + " expected name " + write.getValue() + ", got " + check.error());
                }
            }
        }
        System.out.printf("errors           %d of %d requests%n", errors, outcomes.size());
        System.out.printf("lost writes      %d of %d acknowledged missions checked%n", lost, acknowledged.size());
        System.exit(errors == 0 && lost == 0 ? 0 : 1);
    }

    static void report(String kind, List<Outcome> outcomes) {
        List<Long> micros;
        long failed;
        synchronized (outcomes) {
            micros = outcomes.stream().filter(o -> o.kind().equals(kind)).map(Outcome::micros).sorted().toList();
            failed = outcomes.stream().filter(o -> o.kind().equals(kind) && !o.ok()).count();
        }
        if (micros.isEmpty()) {
            return;
        }
        System.out.printf("%-16s %6d requests, %d failed, latency ms p50 %.1f p95 %.1f p99 %.1f max %.1f%n", kind,
                micros.size(), failed, at(micros, 0.50), at(micros, 0.95), at(micros, 0.99),
                micros.get(micros.size() - 1) / 1000.0);
    }

    static double at(List<Long> sorted, double quantile) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(quantile * sorted.size()))) / 1000.0;
    }

    /** One request; for a successful read the body comes back as the "error" text, so the check can look into it. */
    static Outcome send(URI url, String token, String query, String kind, AtomicLong inFlight) {
        String body = "{\"query\":" + jsonString(query) + "}";
        HttpRequest.Builder request = HttpRequest.newBuilder(url.resolve("/graphql"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        long started = System.nanoTime();
        inFlight.incrementAndGet();
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            long micros = (System.nanoTime() - started) / 1000;
            boolean ok = response.statusCode() == 200 && !response.body().contains("\"errors\"");
            return new Outcome(kind, micros, ok, ok && !kind.equals("check") ? "" : response.statusCode() + " " + response.body());
        } catch (Exception e) {
            return new Outcome(kind, (System.nanoTime() - started) / 1000, false, e.toString());
        } finally {
            inFlight.decrementAndGet();
        }
    }

    static String jsonString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
