package org.partnershipexplorer.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.partnershipexplorer.access.Tokens;
import org.partnershipexplorer.support.FrozenSeed;
import org.partnershipexplorer.support.GraphQLClient;
import org.partnershipexplorer.support.TestNeo4j;

/**
 * Subscriptions over WebSocket, with the service run as several instances on one Neo4j, as a cluster runs it: a
 * write through one instance reaches subscribers of every instance. Instances {@code a} and {@code b} are plain
 * (at most three subscriptions a connection); {@code closed} needs a token for queries; {@code limited} allows two
 * requests a minute per client, loopback included.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("subscriptions over WebSocket (graphql-transport-ws)")
class SubscriptionIT {

    static final String SECRET = "test-secret-test-secret-test-secret-0123456789";
    static final Duration WAIT = Duration.ofSeconds(10);
    static final String PARTNERSHIPS = """
            subscription($kinds: [PartnershipKind!], $actor: ID) {
              partnershipChanged(kinds: $kinds, actor: $actor) {
                sequence operation kind id provider recipient year by at
              }
            }""";
    static final String DATA = "subscription { dataChanged { sequence source operation kind id detail by at } }";

    private TestNeo4j.Instance neo4j;
    private EmbeddedServer a;
    private EmbeddedServer b;
    private EmbeddedServer closed;
    private EmbeddedServer limited;
    private int year = 2040;

    @BeforeAll
    void start() {
        neo4j = TestNeo4j.withFrozenSeed();
        a = ApplicationContext.run(EmbeddedServer.class, properties(Map.of("explorer.subscriptions.max-per-connection", "3")));
        b = ApplicationContext.run(EmbeddedServer.class, properties(Map.of("explorer.subscriptions.max-per-connection", "3")));
        closed = ApplicationContext.run(EmbeddedServer.class, properties(Map.of("explorer.security.queries-require-auth", "true")));
        limited = ApplicationContext.run(EmbeddedServer.class, properties(Map.of("explorer.rate-limit.requests", "2",
                "explorer.rate-limit.loopback", "true")));
    }

    /**
     * Every instance has handed out each change committed so far before a test subscribes: an event a test waits for
     * is then its own, not a change of the test before that a feed read only after the new subscription began (on a
     * busy machine a feed's 200 ms read can lag by a second, and a test received the write before its import).
     */
    @BeforeEach
    void feedsCaughtUp() throws InterruptedException {
        long last = neo4j.driver().executableQuery("MATCH (c:Change) RETURN coalesce(max(c.sequence), 0) AS last")
                .execute().records().get(0).get("last").asLong();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (EmbeddedServer server : new EmbeddedServer[] {a, b, closed, limited}) {
            ChangeFeed feed = server.getApplicationContext().getBean(ChangeFeed.class);
            while (feed.seen() < last) {
                assertTrue(System.nanoTime() < deadline, "a feed stayed at change " + feed.seen() + " of " + last);
                Thread.sleep(20);
            }
            // the test before closed its connections; the server ends their subscriptions once it sees the close
            listening(server, 0);
        }
    }

    /**
     * Waits until {@code count} subscriptions receive {@code server}'s changes: a subscription sent is started on the
     * server a moment later, and a change committed before that would not reach it. Each test starts from none
     * ({@link #feedsCaughtUp()}), so a count reached is the test's own subscriptions.
     */
    static void listening(EmbeddedServer server, int count) {
        listening(server, count, WAIT);
    }

    /** {@link #listening(EmbeddedServer, int)}, waiting at most {@code wait}. */
    static void listening(EmbeddedServer server, int count, Duration wait) {
        ChangeFeed feed = server.getApplicationContext().getBean(ChangeFeed.class);
        long deadline = System.nanoTime() + wait.toNanos();
        while (feed.listening() != count) {
            assertTrue(System.nanoTime() < deadline, feed.listening() + " subscriptions listening, not " + count);
            sleep(10);
        }
    }

    private Map<String, Object> properties(Map<String, String> extra) {
        Map<String, Object> properties = new HashMap<>(neo4j.properties());
        properties.put("explorer.seed.mode", "if-empty");
        properties.putAll(FrozenSeed.properties());
        properties.put("explorer.security.jwt-secret", SECRET);
        properties.putAll(extra);
        return properties;
    }

    @AfterAll
    void stop() {
        for (EmbeddedServer server : new EmbeddedServer[] {a, b, closed, limited}) {
            if (server != null) {
                server.getApplicationContext().close();
            }
        }
        if (neo4j != null) {
            neo4j.close();
        }
    }

    static String token(String subject, String... roles) {
        return Tokens.mint(SECRET, subject, List.of(roles), Duration.ofHours(1));
    }

    static GraphQLClient editor(EmbeddedServer server) {
        return new GraphQLClient(server.getURI()).withToken(token("alice", "editor"));
    }

    /** A connection past connection_ack. */
    static GraphQLWsClient connected(EmbeddedServer server) {
        GraphQLWsClient client = GraphQLWsClient.open(server.getURI());
        JsonNode ack = client.init(null);
        assertEquals("connection_ack", ack.path("type").asText(), ack.toString());
        return client;
    }

    /** Creates a training through {@code server}; answers its WriteResult. */
    JsonNode createTraining(EmbeddedServer server, String trainer, String trainee, int year) {
        var response = editor(server).query("mutation($input: TrainingInput!) { createTraining(input: $input) { id updatedAt updatedBy } }",
                Map.of("input", Map.of("trainer", trainer, "trainee", trainee, "year", year, "confidence", "REPORTED",
                        "source", "https://example.org/subscriptions")));
        assertTrue(response.errors().isMissingNode(), response.body().toString());
        return response.data().path("createTraining");
    }

    long sequenceOf(String key) {
        return neo4j.driver().executableQuery("MATCH (c:Change {key: $key}) RETURN c.sequence AS s")
                .withParameters(Map.of("key", key)).execute().records().get(0).get("s").asLong();
    }

    /** The next message, which must be a next for {@code id}; its payload's data. */
    static JsonNode nextData(GraphQLWsClient client, String id) {
        JsonNode message = client.next(WAIT);
        assertNotNull(message, "no message within " + WAIT);
        assertEquals("next", message.path("type").asText(), message.toString());
        assertEquals(id, message.path("id").asText(), message.toString());
        return message.path("payload").path("data");
    }

    /** What partnershipChanged answers for a training that {@code written} created, field by field. */
    Map<String, Object> expectedCreated(JsonNode written, String trainer, String trainee, int year) {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("sequence", Long.toString(sequenceOf(written.path("id").asText())));
        expected.put("operation", "CREATED");
        expected.put("kind", "TRAINING");
        expected.put("id", "TRAINING:" + trainer + ":" + trainee + ":" + year);
        expected.put("provider", trainer);
        expected.put("recipient", trainee);
        expected.put("year", year);
        expected.put("by", "alice");
        expected.put("at", written.path("updatedAt").asText());
        return expected;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(JsonNode node) {
        return GraphQLWsClient.JSON.convertValue(node, LinkedHashMap.class);
    }

    @Test
    @DisplayName("a training created through one client reaches another client's subscription on the same instance within a second, every field exact")
    void writeReachesSubscriberOnSameInstance() {
        try (GraphQLWsClient subscriber = connected(a)) {
            assertEquals("graphql-transport-ws", subscriber.subprotocol());
            subscriber.subscribe("p", PARTNERSHIPS, Map.of());
            int y = year++;
            listening(a, 1);
            JsonNode written = createTraining(a, "KOR", "KEN", y);
            long committed = System.nanoTime();
            JsonNode data = nextData(subscriber, "p");
            long latency = (System.nanoTime() - committed) / 1_000_000;

            assertEquals(Map.of("partnershipChanged", expectedCreated(written, "KOR", "KEN", y)), map(data));
            assertTrue(latency < 1000, "the event came " + latency + " ms after the write's answer");
        }
    }

    @Test
    @DisplayName("/prometheus gauges the WebSocket connections and the subscriptions listening on an instance, back to 0 once the client leaves")
    void connectionsAndSubscriptionsAreGauged() {
        try (GraphQLWsClient client = connected(b)) {
            client.subscribe("p", PARTNERSHIPS, Map.of());
            client.subscribe("d", DATA, Map.of());
            listening(b, 2);
            assertEquals("explorer_subscriptions_connections 1.0, explorer_subscriptions_listening 2.0",
                    gaugesOnceThey(b, "explorer_subscriptions_connections 1.0, explorer_subscriptions_listening 2.0"));
        }
        assertEquals("explorer_subscriptions_connections 0.0, explorer_subscriptions_listening 0.0",
                gaugesOnceThey(b, "explorer_subscriptions_connections 0.0, explorer_subscriptions_listening 0.0"));
    }

    /**
     * The two gauges' samples in {@code server}'s scrape, as {@code "name value, name value"}, once they read
     * {@code expected} or after {@link #WAIT}: a connection's close reaches the server a moment after the client's.
     */
    private static String gaugesOnceThey(EmbeddedServer server, String expected) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String gauges;
        do {
            var scrape = new GraphQLClient(server.getURI()).getPath("/prometheus");
            assertEquals(200, scrape.status());
            gauges = scrape.raw().body().lines()
                    .filter(line -> line.startsWith("explorer_subscriptions_connections ")
                            || line.startsWith("explorer_subscriptions_listening "))
                    .sorted().collect(java.util.stream.Collectors.joining(", "));
            if (!gauges.equals(expected)) {
                sleep(50);
            }
        } while (!gauges.equals(expected) && System.nanoTime() < deadline);
        return gauges;
    }

    @Test
    @DisplayName("a write through instance a reaches a subscriber connected to instance b, which shares its Neo4j, within a second")
    void writeReachesSubscriberOnOtherInstance() {
        try (GraphQLWsClient onB = connected(b)) {
            onB.subscribe("p", PARTNERSHIPS, Map.of());
            onB.subscribe("d", DATA, Map.of());
            listening(b, 2);
            int y = year++;
            JsonNode written = createTraining(a, "JPN", "KEN", y);
            long committed = System.nanoTime();
            JsonNode first = onB.next(WAIT);
            long latency = (System.nanoTime() - committed) / 1_000_000;
            JsonNode second = onB.next(WAIT);
            assertNotNull(first);
            assertNotNull(second);
            Map<String, JsonNode> byId = Map.of(first.path("id").asText(), first, second.path("id").asText(), second);

            assertEquals(Map.of("partnershipChanged", expectedCreated(written, "JPN", "KEN", y)),
                    map(byId.get("p").path("payload").path("data")));
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("sequence", Long.toString(sequenceOf(written.path("id").asText())));
            data.put("source", "WRITE");
            data.put("operation", "CREATED");
            data.put("kind", "Training");
            data.put("id", "TRAINING:JPN:KEN:" + y);
            data.put("detail", null);
            data.put("by", "alice");
            data.put("at", written.path("updatedAt").asText());
            assertEquals(Map.of("dataChanged", data), map(byId.get("d").path("payload").path("data")));
            assertTrue(latency < 1000, "the event came " + latency + " ms after the write's answer");
        }
    }

    @Test
    @DisplayName("an import through instance a reaches dataChanged on instance b once committed: source IMPORT, the files, the importer")
    void importReachesDataChanged() throws Exception {
        try (GraphQLWsClient onB = connected(b)) {
            onB.subscribe("d", DATA, Map.of());
            listening(b, 1);
            String boundary = "----subscription-test";
            String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"trainings.csv\"\r\n"
                    + "Content-Type: text/csv\r\n\r\ntrainer,trainee,year,confidence,source\r\n"
                    + "KOR,GHA,2045,reported,https://example.org/import\r\n\r\n--" + boundary + "--\r\n";
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                    .newBuilder(a.getURI().resolve("/import"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .header("Authorization", "Bearer " + token("alice", "editor"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            JsonNode data = nextData(onB, "d").path("dataChanged");

            var logged = neo4j.driver().executableQuery("""
                    MATCH (c:Change {source: 'IMPORT'}) RETURN c.sequence AS s, c.at AS at ORDER BY s DESC LIMIT 1""")
                    .execute().records().get(0);
            Map<String, Object> expected = new LinkedHashMap<>();
            expected.put("sequence", Long.toString(logged.get("s").asLong()));
            expected.put("source", "IMPORT");
            expected.put("operation", null);
            expected.put("kind", null);
            expected.put("id", null);
            expected.put("detail", "trainings.csv");
            expected.put("by", "alice");
            expected.put("at", java.time.format.DateTimeFormatter.ISO_INSTANT.format(logged.get("at").asOffsetDateTime().toInstant()));
            assertEquals(expected, map(data));
        }
    }

    @Test
    @DisplayName("a write that is rolled back sends nothing: the next event is the next committed write, one sequence on")
    void rolledBackWriteSendsNothing() {
        try (GraphQLWsClient subscriber = connected(b)) {
            subscriber.subscribe("d", DATA, Map.of());
            listening(b, 1);
            JsonNode before = createTraining(a, "KOR", "VNM", year++);
            JsonNode first = nextData(subscriber, "d");
            // refused inside its transaction: the trainee does not exist
            var refused = editor(a).query("mutation($input: TrainingInput!) { createTraining(input: $input) { id } }",
                    Map.of("input", Map.of("trainer", "KOR", "trainee", "XXX", "year", 2041, "confidence", "REPORTED",
                            "source", "https://example.org/refused")));
            assertEquals("BAD_USER_INPUT", refused.errorCode(), refused.body().toString());
            JsonNode after = createTraining(a, "KOR", "GHA", year++);
            JsonNode second = nextData(subscriber, "d");

            assertEquals(before.path("id").asText(), first.path("dataChanged").path("id").asText());
            assertEquals(after.path("id").asText(), second.path("dataChanged").path("id").asText());
            assertEquals(Long.parseLong(first.path("dataChanged").path("sequence").asText()) + 1,
                    Long.parseLong(second.path("dataChanged").path("sequence").asText()));
        }
    }

    @Test
    @DisplayName("kinds and actor narrow partnershipChanged: a training, and a donation of another actor, are held back; JPN's donation comes")
    void filtersByKindAndActor() {
        try (GraphQLWsClient subscriber = connected(b)) {
            subscriber.subscribe("f", PARTNERSHIPS, Map.of("kinds", List.of("DONATION"), "actor", "JPN"));
            listening(b, 1);
            int y = year++;
            createTraining(a, "JPN", "GHA", y);
            donate("KOR", "GHA", y, "trucks");
            var donation = donate("JPN", "GHA", y, "radios");
            JsonNode data = nextData(subscriber, "f").path("partnershipChanged");

            assertEquals("DONATION:JPN:GHA:" + y + ":radios", data.path("id").asText());
            assertEquals(donation.path("id").asText(), data.path("id").asText());
            assertEquals("DONATION", data.path("kind").asText());
            assertEquals("JPN", data.path("provider").asText());
            assertEquals("GHA", data.path("recipient").asText());
            assertNull(subscriber.next(Duration.ofMillis(600)), "only the one event");
        }
    }

    JsonNode donate(String donor, String recipient, int year, String item) {
        var response = editor(a).query("mutation($input: DonationInput!) { createDonation(input: $input) { id } }",
                Map.of("input", Map.of("donor", donor, "recipient", recipient, "year", year, "item", item,
                        "confidence", "REPORTED", "source", "https://example.org/donation")));
        assertTrue(response.errors().isMissingNode(), response.body().toString());
        return response.data().path("createDonation");
    }

    @Test
    @DisplayName("an actor the graph does not hold: an error message for that subscription (NOT_FOUND), the connection stays")
    void unknownActorIsAnError() {
        try (GraphQLWsClient subscriber = connected(a)) {
            subscriber.subscribe("x", PARTNERSHIPS, Map.of("actor", "NOPE"));
            JsonNode error = subscriber.next(WAIT);

            assertEquals("error", error.path("type").asText(), error.toString());
            assertEquals("x", error.path("id").asText());
            assertEquals("No actor 'NOPE'", error.path("payload").path(0).path("message").asText());
            assertEquals("NOT_FOUND", error.path("payload").path(0).path("extensions").path("code").asText());
            assertNull(subscriber.closed(Duration.ofMillis(200)));
        }
    }

    @Test
    @DisplayName("a fourth subscription on a connection that allows three: an error for it (maxSubscriptionsPerConnection), the connection and the others stay; one completed makes room")
    void subscriptionsPerConnectionAreLimited() {
        try (GraphQLWsClient client = connected(a)) {
            for (String id : List.of("1", "2", "3")) {
                client.subscribe(id, DATA, Map.of());
            }
            listening(a, 3);
            client.subscribe("4", DATA, Map.of());
            JsonNode refused = client.next(WAIT);

            assertEquals("error", refused.path("type").asText(), refused.toString());
            assertEquals("4", refused.path("id").asText());
            JsonNode extensions = refused.path("payload").path(0).path("extensions");
            assertEquals("QUERY_TOO_COMPLEX", extensions.path("code").asText());
            assertEquals("maxSubscriptionsPerConnection", extensions.path("limit").asText());
            assertEquals(3, extensions.path("max").asInt());
            assertEquals("This connection holds 3 subscriptions already (explorer.subscriptions.max-per-connection); "
                    + "complete one first", refused.path("payload").path(0).path("message").asText());

            client.send(Map.of("id", "1", "type", "complete"));
            listening(a, 2);
            client.subscribe("5", DATA, Map.of());
            listening(a, 3);
            JsonNode written = createTraining(a, "KOR", "NGA", year++);
            java.util.Set<String> ids = new java.util.TreeSet<>();
            // A subscription starts with what its instance has not read yet, so a change an earlier test committed
            // just before may come first (docs/api.md, "Order and delivery"): only this write's events are counted.
            for (int read = 0; ids.size() < 3 && read < 12; read++) {
                JsonNode message = client.next(WAIT);
                assertEquals("next", message.path("type").asText(), message.toString());
                if (written.path("id").asText().equals(
                        message.path("payload").path("data").path("dataChanged").path("id").asText())) {
                    assertTrue(ids.add(message.path("id").asText()), "one event per subscription: " + message);
                }
            }
            assertEquals(java.util.Set.of("2", "3", "5"), ids);
        }
    }

    @Test
    @DisplayName("where queries need a token: none, or a bad one, in connection_init closes with 4403 and sends no event; a valid one in the payload or the upgrade's header is acknowledged")
    void tokenRulesOfQueries() {
        try (GraphQLWsClient none = GraphQLWsClient.open(closed.getURI());
                GraphQLWsClient bad = GraphQLWsClient.open(closed.getURI())) {
            none.send(Map.of("type", "connection_init"));
            bad.send(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer not.a.token")));

            assertEquals(new GraphQLWsClient.Closed(4403, "Forbidden: a bearer token is needed (EXPLORER_QUERIES_REQUIRE_AUTH), "
                    + "in connection_init's payload"), none.closed(WAIT));
            assertEquals(new GraphQLWsClient.Closed(4403, "Forbidden: the bearer token is invalid or expired"), bad.closed(WAIT));
            createTraining(a, "KOR", "SEN", year++);
            sleep(800);
            assertEquals(0, none.waiting());
            assertEquals(0, bad.waiting());
        }
        try (GraphQLWsClient inPayload = GraphQLWsClient.open(closed.getURI());
                GraphQLWsClient inHeader = GraphQLWsClient.open(closed.getURI(), "Bearer " + token("reader"))) {
            assertEquals("connection_ack", inPayload.init(Map.of("Authorization", "Bearer " + token("reader"))).path("type").asText());
            assertEquals("connection_ack", inHeader.init(null).path("type").asText());
            inPayload.subscribe("p", PARTNERSHIPS, Map.of());
            listening(closed, 1);
            JsonNode written = createTraining(a, "KOR", "MLI", year++);
            assertEquals(written.path("id").asText(), nextData(inPayload, "p").path("partnershipChanged").path("id").asText());
        }
    }

    @Test
    @DisplayName("each subscribe counts against the client's rate limit: over two a minute, RATE_LIMITED for that subscription")
    void subscribeCountsAgainstRateLimit() {
        try (GraphQLWsClient client = connected(limited)) {
            client.subscribe("1", DATA, Map.of());
            client.subscribe("2", DATA, Map.of());
            client.subscribe("3", DATA, Map.of());
            JsonNode refused = client.next(WAIT);

            assertEquals("error", refused.path("type").asText(), refused.toString());
            assertEquals("3", refused.path("id").asText());
            assertEquals("RATE_LIMITED", refused.path("payload").path(0).path("extensions").path("code").asText());
        }
    }

    @Test
    @DisplayName("the protocol's refusals: subscribe before the ack 4401, a second connection_init 4429, an id in use 4409, an unknown message 4400")
    void protocolRefusals() {
        try (GraphQLWsClient early = GraphQLWsClient.open(a.getURI());
                GraphQLWsClient twice = connected(a);
                GraphQLWsClient duplicate = connected(a);
                GraphQLWsClient unknown = connected(a)) {
            early.subscribe("1", DATA, Map.of());
            twice.send(Map.of("type", "connection_init"));
            duplicate.subscribe("1", DATA, Map.of());
            duplicate.subscribe("1", DATA, Map.of());
            unknown.send(Map.of("type", "start", "id", "1"));

            assertEquals(new GraphQLWsClient.Closed(4401, "Unauthorized"), early.closed(WAIT));
            assertEquals(new GraphQLWsClient.Closed(4429, "Too many initialisation requests"), twice.closed(WAIT));
            assertEquals(new GraphQLWsClient.Closed(4409, "Subscriber for 1 already exists"), duplicate.closed(WAIT));
            assertEquals(new GraphQLWsClient.Closed(4400, "Invalid message received: unknown type 'start'"), unknown.closed(WAIT));
        }
    }

    @Test
    @DisplayName("ping answers pong; a query over the WebSocket is an error pointing to /graphql; the connection stays")
    void pingAndQueries() {
        try (GraphQLWsClient client = connected(a)) {
            client.send(Map.of("type", "ping"));
            assertEquals("pong", client.next(WAIT).path("type").asText());
            client.subscribe("q", "{ country(iso3: \"KEN\") { name } }", Map.of());
            JsonNode error = client.next(WAIT);

            assertEquals("error", error.path("type").asText(), error.toString());
            assertEquals("Only subscriptions run over /graphql-ws; send queries and mutations to /graphql",
                    error.path("payload").path(0).path("message").asText());
            assertNull(client.closed(Duration.ofMillis(200)));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
