import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded loopback load against a running service: N clients send one GraphQL operation in a closed loop for a
 * fixed time, and the service process is watched through /proc (resident memory, CPU seconds).
 *
 * <pre>java bench/LoadTest.java URL PID OPERATION_FILE VARIABLES_JSON CLIENTS SECONDS</pre>
 *
 * Only 127.0.0.1 / localhost URLs are accepted. A single-file program: no build step, runs with the JDK alone.
 */
public class LoadTest {

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: java bench/LoadTest.java URL PID OPERATION_FILE VARIABLES_JSON CLIENTS SECONDS");
            System.exit(2);
        }
        URI url = URI.create(args[0]);
        if (!url.getHost().equals("127.0.0.1") && !url.getHost().equals("localhost")) {
            throw new IllegalArgumentException("loopback only: " + url);
        }
        long pid = Long.parseLong(args[1]);
        String query = Files.readString(Path.of(args[2]));
        String body = "{\"query\":" + jsonString(query) + ",\"variables\":" + args[3] + "}";
        int clients = Integer.parseInt(args[4]);
        Duration duration = Duration.ofSeconds(Long.parseLong(args[5]));

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(url.resolve("/graphql"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();

        // Warm-up: the JIT and the page cache, a tenth of the run (at least 3 s), not measured.
        run(http, request, clients, Duration.ofSeconds(Math.max(3, duration.toSeconds() / 10)), null);

        long rssIdle = rssKb(pid);
        double cpuBefore = cpuSeconds(pid);
        AtomicLong peakRss = new AtomicLong(rssIdle);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakRss.accumulateAndGet(rssKb(pid), Math::max);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long started = System.nanoTime();
        Result result = new Result();
        run(http, request, clients, duration, result);
        double elapsed = (System.nanoTime() - started) / 1e9;
        sampler.interrupt();
        double cpu = cpuSeconds(pid) - cpuBefore;

        List<Long> latencies = result.latenciesMicros;
        Collections.sort(latencies);
        long ok = result.ok.get();
        System.out.printf(Locale.ROOT, "operation        %s, variables %s%n", Path.of(args[2]).getFileName(), args[3]);
        System.out.printf(Locale.ROOT, "clients          %d for %.1f s (after warm-up)%n", clients, elapsed);
        System.out.printf(Locale.ROOT, "requests         %d ok, %d failed%n", ok, result.failed.get());
        System.out.printf(Locale.ROOT, "throughput       %.0f requests/s%n", ok / elapsed);
        System.out.printf(Locale.ROOT, "latency ms       p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n",
                pct(latencies, 50), pct(latencies, 95), pct(latencies, 99),
                latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1) / 1000.0);
        System.out.printf(Locale.ROOT, "service CPU      %.1f s over %.1f s (%.2f cores busy)%n", cpu, elapsed, cpu / elapsed);
        System.out.printf(Locale.ROOT, "per core         %.0f requests per CPU-second of the service%n", ok / cpu);
        System.out.printf(Locale.ROOT, "service RSS      %d MB before the run, %d MB peak under load%n",
                rssIdle / 1024, peakRss.get() / 1024);
        if (result.failed.get() > 0) {
            System.out.println("first failure    " + result.firstFailure);
            System.exit(1);
        }
    }

    static final class Result {
        final AtomicLong ok = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final List<Long> latenciesMicros = Collections.synchronizedList(new ArrayList<>());
        volatile String firstFailure;
    }

    private static void run(HttpClient http, HttpRequest request, int clients, Duration duration, Result result)
            throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int i = 0; i < clients; i++) {
            pool.submit(() -> {
                List<Long> mine = new ArrayList<>();
                while (System.nanoTime() < deadline) {
                    long t = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        boolean good = response.statusCode() == 200 && !response.body().contains("\"errors\"");
                        if (result != null) {
                            if (good) {
                                result.ok.incrementAndGet();
                                mine.add((System.nanoTime() - t) / 1000);
                            } else {
                                result.failed.incrementAndGet();
                                if (result.firstFailure == null) {
                                    result.firstFailure = response.statusCode() + " " + response.body();
                                }
                            }
                        }
                    } catch (IOException e) {
                        if (result != null) {
                            result.failed.incrementAndGet();
                            result.firstFailure = String.valueOf(e);
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (result != null) {
                    result.latenciesMicros.addAll(mine);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS);
    }

    private static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }

    /** VmRSS of the process, in kB. */
    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", ""));
                }
            }
        } catch (IOException e) {
            // the process ended
        }
        return 0;
    }

    /** utime + stime of the process (all its threads), in seconds; clock ticks are 100 a second on Linux. */
    private static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    private static String jsonString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
