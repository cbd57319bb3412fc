package org.partnershipexplorer.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.io.layout.Neo4jLayout;
import org.neo4j.kernel.recovery.Recovery;
import org.neo4j.memory.EmptyMemoryTracker;
import org.partnershipexplorer.neo4j.EmbeddedNeo4j;
import org.partnershipexplorer.support.TestNeo4j;

/**
 * The packaged service as a real process (target/classes and the runtime classpath Maven wrote), stopped the way
 * an orchestrator stops it. The service's embedded Neo4j alone in a second process, killed with SIGKILL, is the
 * control: it shows the recovery check can fail.
 */
@DisplayName("stopping the service")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShutdownIT {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Pattern BOLT = Pattern.compile("Bolt (bolt://127\\.0\\.0\\.1:\\d+)");

    /** What each test stops: both start side by side before the first test, so that the two waits overlap. */
    private CompletableFuture<Service> forSigterm;
    private CompletableFuture<Service> forSigkill;

    /** A thread for each start: they mostly wait on the process, which the common pool's few threads should not. */
    private final ExecutorService starting = Executors.newFixedThreadPool(2);

    @BeforeAll
    void startBoth() {
        forSigterm = CompletableFuture.supplyAsync(() -> startService(false), starting);
        // the store alone: a second service would start beside the first on two cores, for a control that needs
        // only a store with an acknowledged write in it
        forSigkill = CompletableFuture.supplyAsync(() -> startService(true), starting);
        // both ready before either test stops one: a service still starting would compete for the cores while the
        // other's shutdown is timed
        CompletableFuture.allOf(forSigterm, forSigkill).exceptionally(e -> null).join();
    }

    @AfterAll
    void closeBoth() throws IOException {
        starting.shutdown();
        for (CompletableFuture<Service> service : List.of(forSigterm, forSigkill)) {
            if (service != null && service.isDone() && !service.isCompletedExceptionally()) {
                service.join().close();
            }
        }
    }

    private static Service startService(boolean storeOnly) {
        try {
            return Service.start(storeOnly);
        } catch (Exception | AssertionError e) {
            throw new CompletionException(e);
        }
    }

    /** The started service, or the reason it did not start, as the test's own failure. */
    private static Service started(CompletableFuture<Service> service) throws Exception {
        try {
            return service.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof AssertionError failed) {
                throw failed;
            }
            throw (Exception) e.getCause();
        }
    }

    @Test
    @DisplayName("SIGTERM refuses new connections, finishes the request in flight, closes the driver, then the "
            + "database: exit 143, the write kept, the store needs no recovery")
    void gracefulOnSigterm() throws Exception {
        try (Service service = started(forSigterm)) {
            gracefulOnSigterm(service);
        }
    }

    private void gracefulOnSigterm(Service service) throws Exception {
        String probe = service.writeProbe();

        // A request the server has begun to read: its body is still arriving when SIGTERM comes.
        String body = "{\"query\":\"query inFlight { countries(first: 1) { totalCount } }\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket slow = new Socket()) {
            slow.connect(new InetSocketAddress("127.0.0.1", service.httpPort), 5_000);
            slow.setSoTimeout(30_000);
            OutputStream out = slow.getOutputStream();
            // Expect: 100-continue, so that the server says when it holds the request: a request whose head it
            // has not yet read when SIGTERM comes (a loaded machine) is an idle connection, closed with the rest
            out.write(("POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Accept: application/json\r\nExpect: 100-continue\r\nContent-Length: " + bytes.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertEquals("HTTP/1.1 100 Continue", readHead(slow.getInputStream()).lines().findFirst().orElse(""));
            out.write(bytes, 0, 10);
            out.flush();
            Thread.sleep(500);

            service.process.destroy(); // SIGTERM on Linux
            service.awaitLog("Starting graceful shutdown", Duration.ofSeconds(30));
            assertTrue(refusesConnections(service.httpPort, Duration.ofSeconds(5)),
                    "no new connection is taken once the shutdown began");

            out.write(bytes, 10, bytes.length - 10);
            out.flush();
            String answer = readResponse(slow.getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
            assertTrue(answer.contains("{\"data\":{\"countries\":{\"totalCount\":"), answer);
        }

        assertTrue(service.process.waitFor(60, TimeUnit.SECONDS), "stopped within the grace period and more");
        assertEquals(143, service.process.exitValue(), "128 + SIGTERM: the JVM ran its shutdown hooks and ended");
        List<String> log = service.log();
        int begun = indexOf(log, "Starting graceful shutdown");
        int request = indexOf(log, "operation=inFlight");
        int drained = indexOf(log, "Graceful shutdown complete");
        int driver = indexOf(log, "Neo4j driver closed");
        int stopping = indexOf(log, "Stopping embedded Neo4j");
        int stopped = indexOf(log, "Embedded Neo4j stopped");
        assertTrue(begun < request && request < drained && drained < driver && driver < stopping
                && stopping < stopped, String.join("\n", log));
        assertFalse(log.stream().anyMatch(l -> l.contains("Timeout hit in graceful shutdown")));
        // the change feed stops following before the driver closes, rather than warning that it could not read
        assertEquals(List.of(), log.subList(begun, log.size()).stream()
                .filter(l -> l.contains("ChangeFeed") && (l.contains(" WARN ") || l.contains(" ERROR "))).toList());

        assertFalse(recoveryRequired(service.dataDir), "a clean stop leaves a checkpointed store");
        assertTrue(probeSurvived(service.dataDir, probe), "the acknowledged write is in the store");
    }

    @Test
    @DisplayName("control: SIGKILL of the embedded Neo4j's process leaves a store that needs recovery, and the "
            + "acknowledged write still survives it")
    void killedProcessNeedsRecovery() throws Exception {
        try (Service service = started(forSigkill)) {
            String probe = service.writeProbe();
            service.process.destroyForcibly();
            assertTrue(service.process.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, service.process.exitValue());
            assertTrue(recoveryRequired(service.dataDir), "the recovery check sees an unclean stop");
            assertTrue(probeSurvived(service.dataDir, probe), "committed means written to the transaction log");
        }
    }

    /** True once a connection attempt is refused within the time (the listener closes just after the log line). */
    private static boolean refusesConnections(int port, Duration within) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            } catch (ConnectException refused) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static boolean recoveryRequired(Path dataDir) throws Exception {
        Config config = Config.defaults(GraphDatabaseSettings.neo4j_home, dataDir.toAbsolutePath());
        try (var fs = new DefaultFileSystemAbstraction()) {
            return Recovery.isRecoveryRequired(fs, Neo4jLayout.of(config).databaseLayout("neo4j"), config,
                    EmptyMemoryTracker.INSTANCE);
        }
    }

    private static boolean probeSurvived(Path dataDir, String probe) {
        try (EmbeddedNeo4j reopened = EmbeddedNeo4j.start(dataDir, 0, Duration.ofSeconds(30));
                Driver driver = GraphDatabase.driver(reopened.boltUri(), AuthTokens.none())) {
            return driver.executableQuery("MATCH (p:ShutdownProbe {id: $id}) RETURN count(p) AS n")
                    .withParameters(Map.of("id", probe))
                    .execute().records().get(0).get("n").asLong() == 1;
        }
    }

    private static int indexOf(List<String> log, String text) {
        for (int i = 0; i < log.size(); i++) {
            if (log.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no log line with '" + text + "' in:\n" + String.join("\n", log));
    }

    /** One response head, up to its blank line (an interim response has no body). */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            received.write(b);
            if (received.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                break;
            }
        }
        return received.toString(StandardCharsets.US_ASCII);
    }

    /** Reads one HTTP/1.1 response with a Content-Length body. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        int n;
        while ((n = in.read(buffer)) != -1) {
            received.write(buffer, 0, n);
            String text = received.toString(StandardCharsets.UTF_8);
            int headersEnd = text.indexOf("\r\n\r\n");
            Matcher length = Pattern.compile("(?i)content-length: (\\d+)").matcher(text);
            if (headersEnd >= 0 && length.find()
                    && received.size() >= headersEnd + 4 + Integer.parseInt(length.group(1))) {
                break;
            }
        }
        return received.toString(StandardCharsets.UTF_8);
    }

    /** One service process on its own store under target/tmp, its output in a file; closing kills what is left. */
    private static final class Service implements AutoCloseable {
        final Process process;
        final Path dataDir;
        final Path logFile;
        final int httpPort;
        URI bolt;

        private Service(Process process, Path dataDir, Path logFile, int httpPort) {
            this.process = process;
            this.dataDir = dataDir;
            this.logFile = logFile;
            this.httpPort = httpPort;
        }

        /**
         * The service, or with {@code storeOnly} the embedded Neo4j alone ({@link StoreOnly}) on an empty store; each
         * returns once it answers.
         */
        static Service start(boolean storeOnly) throws Exception {
            Path target = Path.of("target").toAbsolutePath();
            Path base = Files.createDirectories(target.resolve("tmp").resolve("shutdown"));
            Path dir = Files.createTempDirectory(base, "run-");
            Path dataDir = dir.resolve("data");
            // the service on a kept store (the frozen seed, copied): on an empty one it spends most of its start
            // creating the schema, beside the control's start on two cores, and the stop is the same either way
            if (!storeOnly) {
                TestNeo4j.copyFrozenSeedStore(dataDir);
            }
            Path logFile = dir.resolve("service.log");
            String classpath = target.resolve("classes") + java.io.File.pathSeparator
                    + (storeOnly ? target.resolve("test-classes") + java.io.File.pathSeparator : "")
                    + Files.readString(target.resolve("runtime-classpath.txt")).trim();
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    // what is tested is the stop, not the speed: the client compiler alone and the serial collector
                    // spend less CPU on a start, which matters with two starting side by side on two cores
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-Xmx256m", "-Djava.io.tmpdir=" + target.resolve("tmp"), "-Djna.tmpdir=" + target.resolve("tmp"),
                    "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
                    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
                    "-Dio.netty.tryReflectionSetAccessible=true",
                    "-cp", classpath));
            command.addAll(storeOnly ? List.of(StoreOnly.class.getName(), dataDir.toString())
                    : List.of("org.partnershipexplorer.Application"));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile());
            Map<String, String> env = builder.environment();
            env.remove("NEO4J_URI");
            env.put("EXPLORER_DATA_DIR", dataDir.toString());
            env.put("EXPLORER_BOLT_PORT", "0");
            env.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
            env.put("EXPLORER_SEED", "never");
            // the warm-up's requests after the start would compete for the cores with the other service's start and
            // with the stop that is timed; the request in flight at SIGTERM is the test's own
            env.put("EXPLORER_WARM_UP", "false");
            env.put("TMPDIR", target.resolve("tmp").toString());
            Service service = new Service(builder.start(), dataDir, logFile, port);
            String started = service.awaitLog(storeOnly ? "Embedded Neo4j started" : "Startup completed",
                    START_TIMEOUT);
            if (!storeOnly) {
                // ready, not just listening: the first query waits for the start's background reads, which on a busy
                // machine outlast the grace period the test's in-flight request gets
                service.awaitLog("Ready in", START_TIMEOUT);
            }
            Matcher bolt = BOLT.matcher(String.join("\n", service.log()));
            assertTrue(bolt.find(), started);
            service.bolt = URI.create(bolt.group(1));
            return service;
        }

        /** Commits a node through Bolt and returns its id once the commit is acknowledged. */
        String writeProbe() {
            String id = UUID.randomUUID().toString();
            try (Driver driver = GraphDatabase.driver(bolt, AuthTokens.none())) {
                driver.executableQuery("CREATE (:ShutdownProbe {id: $id})").withParameters(Map.of("id", id)).execute();
            }
            return id;
        }

        List<String> log() {
            try {
                return Files.readAllLines(logFile, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        String awaitLog(String text, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (String line : log()) {
                    if (line.contains(text)) {
                        return line;
                    }
                }
                if (!process.isAlive() && !text.contains("shutdown")) {
                    throw new AssertionError("the service ended with " + process.exitValue() + ":\n"
                            + String.join("\n", log()));
                }
                Thread.sleep(100);
            }
            process.destroyForcibly();
            throw new AssertionError("no '" + text + "' within " + timeout + ":\n" + String.join("\n", log()));
        }

        @Override
        public void close() throws IOException {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
            // a failing assertion already quotes the log it needs
            if (!Files.exists(logFile.getParent())) {
                return;
            }
            try (var paths = Files.walk(logFile.getParent())) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }

    /** The service's embedded Neo4j alone, on the store folder its one argument names, until the process is killed. */
    public static final class StoreOnly {

        private StoreOnly() {
        }

        public static void main(String[] args) throws InterruptedException {
            EmbeddedNeo4j.start(Path.of(args[0]), 0, Duration.ofSeconds(30));
            Thread.currentThread().join();
        }
    }
}
