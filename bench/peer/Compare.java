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
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The peer comparison's load: each question of bench/peer/queries asked of the service and of the peer, in each
 * one's own schema, at 1 and 16 connections, in alternating runs (the side that goes first changes every run, so a
 * drift in the machine's load falls on both), keeping the median requests per second and p99 of the runs.
 *
 * <p>Before any load, every question is asked once of each side: the first call of a new query shape, which pays
 * for parsing, validation, translation and Neo4j's planning, none of them cached yet. The two sides share one Neo4j,
 * so the side asked second meets the question's data already read into the page cache: the service goes first on
 * the first, third, ... question, the peer on the others. Then every question is sent
 * to each side for a while at 16 connections, unmeasured, so that the measured cells compare steady states.
 *
 * <pre>java [-Dflip=true] bench/peer/Compare.java SERVICE_URL PEER_URL SECONDS RUNS [QUESTION,...]</pre>
 *
 * RUNS 0: the first calls only. {@code -Dflip=true}: the peer goes first on the first, third, ... question.
 * {@code -Dpause=MS}: a pause before each first call, so that what a call before it left running (compilers,
 * collections) has ended; none by default.
 * {@code -Dsame=true}: the peer is another build of the service, asked the service's own questions.
 *
 * Only loopback URLs are accepted. A single-file program: no build step, the JDK alone.
 */
public class Compare {

    private static final int[] CONNECTIONS = {1, 16};
    private static final Pattern COUNT = Pattern.compile("^# count: (\\w+)");

    record Question(String name, String service, String peer, String countedField) {
    }

    record Run(double requestsPerSecond, double p50, double p99, long failures) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: java bench/peer/Compare.java SERVICE_URL PEER_URL SECONDS RUNS [QUESTION,...]");
            System.exit(2);
        }
        URI service = loopback(args[0]);
        URI peer = loopback(args[1]);
        Duration seconds = Duration.ofSeconds(Long.parseLong(args[2]));
        int runs = Integer.parseInt(args[3]);
        List<String> only = args.length > 4 ? List.of(args[4].split(",")) : null;
        List<Question> questions = questions(Path.of("bench/peer/queries"), only);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(32)).build();

        System.out.println("## First call of each question (ms), and the answers compared");
        System.out.println();
        System.out.println("| question | asked first | service first call | peer first call | counted field | service | peer |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            // the side asked second finds Neo4j's pages for that question's data already in its page cache, and its
            // planner freshly run on the same patterns: each side goes first on every other question
            boolean serviceFirst = i % 2 == (Boolean.getBoolean("flip") ? 1 : 0);
            String a = null;
            String b = null;
            double serviceMs = 0;
            double peerMs = 0;
            for (int side = 0; side < 2; side++) {
                boolean isService = (side == 0) == serviceFirst;
                Thread.sleep(Long.getLong("pause", 0));
                long t0 = System.nanoTime();
                String answer = send(http, isService ? request(service, q.service()) : request(peer, q.peer()));
                double ms = (System.nanoTime() - t0) / 1e6;
                if (isService) {
                    a = answer;
                    serviceMs = ms;
                } else {
                    b = answer;
                    peerMs = ms;
                }
            }
            System.out.printf(Locale.ROOT, "| %s | %s | %.0f | %.0f | %s | %d | %d |%n", q.name(),
                    serviceFirst ? "service" : "peer", serviceMs, peerMs, q.countedField(),
                    count(a, q.countedField()), count(b, q.countedField()));
            if (a.contains("\"errors\"") || b.contains("\"errors\"")) {
                System.out.println("ERROR in an answer: service " + abbreviate(a) + " / peer " + abbreviate(b));
            }
        }

        if (runs == 0) {
            // the first calls alone (bench/first-calls.sh asks them of fresh processes, round after round); the
            // client's pool would keep the JVM alive
            System.exit(0);
        }

        // Before the first measured cell, every question at 16 connections on each side: a JVM compiles its
        // request path while it serves, a JavaScript engine sooner, so without this the first cells measured the
        // service's compiler rather than its steady state (the first question, the lookup at one connection, most)
        for (Question q : questions) {
            load(http, request(service, q.service()), 16, warmUp(seconds));
            load(http, request(peer, q.peer()), 16, warmUp(seconds));
        }

        System.out.println();
        System.out.printf(Locale.ROOT, "## Load: %d runs of %d s per cell (after %d s of warm-up of every question "
                + "on each side, then %d s of each cell), medians%n%n",
                runs, seconds.toSeconds(), warmUp(seconds).toSeconds(), warmUp(seconds).toSeconds());
        System.out.println("| question | connections | service req/s | peer req/s | ratio | p99 service / peer (ms) | failures |");
        System.out.println("|---|---|---|---|---|---|---|");
        List<Double> ratios = new ArrayList<>();
        for (Question q : questions) {
            for (int connections : CONNECTIONS) {
                List<Run> ours = new ArrayList<>();
                List<Run> theirs = new ArrayList<>();
                for (int run = 0; run < runs; run++) {
                    boolean serviceFirst = run % 2 == 0;
                    for (int side = 0; side < 2; side++) {
                        boolean isService = (side == 0) == serviceFirst;
                        HttpRequest request = isService ? request(service, q.service()) : request(peer, q.peer());
                        load(http, request, connections, warmUp(seconds));
                        (isService ? ours : theirs).add(load(http, request, connections, seconds));
                    }
                }
                double oursRps = median(ours.stream().map(Run::requestsPerSecond).toList());
                double theirsRps = median(theirs.stream().map(Run::requestsPerSecond).toList());
                double ratio = oursRps / theirsRps;
                ratios.add(ratio);
                long failures = ours.stream().mapToLong(Run::failures).sum() + theirs.stream().mapToLong(Run::failures).sum();
                System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.2fx | %.1f / %.1f | %d |%n", q.name(),
                        connections, oursRps, theirsRps, ratio, median(ours.stream().map(Run::p99).toList()),
                        median(theirs.stream().map(Run::p99).toList()), failures);
            }
        }
        double geometricMean = Math.exp(ratios.stream().mapToDouble(Math::log).average().orElse(0));
        System.out.printf(Locale.ROOT, "%ngeometric mean of the ratios: %.2fx over %d cells; lowest %.2fx%n",
                geometricMean, ratios.size(), Collections.min(ratios));
        System.exit(0);
    }

    private static Duration warmUp(Duration seconds) {
        return Duration.ofSeconds(Math.max(2, seconds.toSeconds() / 2));
    }

    /** The questions: NAME.project.graphql (its first line names the field counted to compare answers) and NAME.peer.graphql. */
    static List<Question> questions(Path dir, List<String> only) throws IOException {
        Map<String, Question> found = new TreeMap<>();
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".project.graphql")).toList()) {
                String name = file.getFileName().toString().replace(".project.graphql", "");
                if (only != null && !only.contains(name)) {
                    continue;
                }
                String service = Files.readString(file);
                Matcher m = COUNT.matcher(service);
                String counted = m.find() ? m.group(1) : "id";
                String peer = Boolean.getBoolean("same") ? service
                        : Files.readString(dir.resolve(name + ".peer.graphql"));
                found.put(name, new Question(name, service, peer, counted));
            }
        }
        return List.copyOf(found.values());
    }

    private static Run load(HttpClient http, HttpRequest request, int connections, Duration duration) throws Exception {
        List<List<Long>> latencies = new ArrayList<>();
        long[] failures = new long[connections];
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long end = System.nanoTime() + duration.toNanos();
        for (int c = 0; c < connections; c++) {
            List<Long> mine = new ArrayList<>();
            latencies.add(mine);
            int index = c;
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
                            failures[index]++;
                        }
                    } catch (IOException | InterruptedException e) {
                        failures[index]++;
                    }
                    mine.add(System.nanoTime() - t0);
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
        List<Long> all = new ArrayList<>();
        latencies.forEach(all::addAll);
        Collections.sort(all);
        double p50 = all.isEmpty() ? 0 : all.get(all.size() / 2) / 1e6;
        double p99 = all.isEmpty() ? 0 : all.get(Math.min(all.size() - 1, (int) (all.size() * 0.99))) / 1e6;
        long failed = 0;
        for (long f : failures) {
            failed += f;
        }
        return new Run(all.size() / (double) duration.toSeconds(), p50, p99, failed);
    }

    private static HttpRequest request(URI url, String query) {
        return HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":" + jsonString(query) + "}")).build();
    }

    private static String send(HttpClient http, HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int count(String json, String field) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\":").matcher(json);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static URI loopback(String url) {
        URI uri = URI.create(url);
        if (!uri.getHost().equals("127.0.0.1") && !uri.getHost().equals("localhost")) {
            throw new IllegalArgumentException("loopback only: " + url);
        }
        return uri;
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private static String jsonString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
