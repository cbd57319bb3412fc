package org.partnershipexplorer.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Record;
import org.partnershipexplorer.access.Tokens;
import org.partnershipexplorer.support.FreshServiceTest;
import org.partnershipexplorer.support.GraphQLClient;
import org.partnershipexplorer.support.TestNeo4j;

/**
 * Writes that run at the same time. Each test lines the writes up at the point where they could interfere, with
 * {@link WriteService#pause}: a write is held there until the other one has provably got as far as it can (it is
 * waiting for the row's lock in the database, or it has read the row too), so the outcome does not depend on how
 * the threads happen to be scheduled.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("concurrent writes")
class ConcurrentWriteIT implements FreshServiceTest {

    /** Long enough that no held write reaches the write timeout on a loaded machine. */
    static final long WAIT_SECONDS = 30;

    private TestNeo4j.Instance neo4j;

    @Inject
    EmbeddedServer server;

    @Inject
    WriteService writes;

    private final ExecutorService clients = Executors.newCachedThreadPool();

    @Override
    public synchronized TestNeo4j.Instance neo4j() {
        if (neo4j == null) {
            neo4j = TestNeo4j.withFrozenSeed();
        }
        return neo4j;
    }

    @Override
    public Map<String, String> extraProperties() {
        // a write held at a pause still runs its transaction: its limits, its own and its request's deadline, must
        // outlast the longest hold
        return Map.of("explorer.security.jwt-secret", WriteIT.SECRET, "explorer.limits.query-timeout", "90s",
                "explorer.limits.request-timeout", "90s");
    }

    @AfterEach
    void noPause() {
        writes.pause = step -> {
        };
    }

    GraphQLClient editor(String subject) {
        return new GraphQLClient(server.getURI())
                .withToken(Tokens.mint(WriteIT.SECRET, subject, List.of("editor"), Duration.ofHours(1)));
    }

    CompletableFuture<GraphQLClient.Response> send(String subject, String query, Map<String, Object> variables) {
        return CompletableFuture.supplyAsync(() -> editor(subject).query(query, variables), clients);
    }

    Record one(String cypher) {
        List<Record> records = neo4j().driver().executableQuery(cypher).execute().records();
        assertEquals(1, records.size(), cypher);
        return records.get(0);
    }

    static GraphQLClient.Response ok(GraphQLClient.Response response) {
        assertEquals(200, response.status());
        assertTrue(response.errors().isMissingNode(), response.body().toString());
        return response;
    }

    static GraphQLClient.Response get(CompletableFuture<GraphQLClient.Response> response) throws Exception {
        return response.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    static void await(CountDownLatch latch, String what) {
        try {
            assertTrue(latch.await(WAIT_SECONDS, TimeUnit.SECONDS), "timed out waiting until " + what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static final String UPDATE_CONTRIBUTION = """
            mutation($input: ContributionInput!) { updateContribution(input: $input) { updatedAt row { column value } } }""";

    static final String UPDATE_PLEDGE = """
            mutation($input: PledgeInput!) { updatePledge(input: $input) { updatedAt row { column value } } }""";

    static final String UPDATE_MISSION = """
            mutation($input: MissionInput!, $expected: String) {
              updateMission(input: $input, expectedUpdatedAt: $expected) { updatedAt updatedBy row { column value } }
            }""";

    /**
     * Holds the first update to read its row at {@link WriteService.Step#UPDATE_READ}, then starts the second and
     * lets the first go on only once the second is waiting for the row's lock, or has read the row as well (which
     * a write without the lock would). Answers the two responses, first's then second's.
     */
    List<GraphQLClient.Response> overlap(String subject1, String query1, Map<String, Object> variables1,
            String subject2, String query2, Map<String, Object> variables2) throws Exception {
        CountDownLatch firstRead = new CountDownLatch(1);
        CountDownLatch secondRead = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger reads = new AtomicInteger();
        writes.pause = step -> {
            if (step != WriteService.Step.UPDATE_READ) {
                return;
            }
            if (reads.incrementAndGet() == 1) {
                firstRead.countDown();
                await(release, "the test releases the first update");
            } else {
                secondRead.countDown();
            }
        };
        var first = send(subject1, query1, variables1);
        await(firstRead, "the first update has read its row");
        var second = send(subject2, query2, variables2);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (secondRead.getCount() > 0 && !waitingForALock()) {
            assertTrue(System.nanoTime() < deadline, "the second update neither waited for the row nor read it");
            Thread.sleep(10);
        }
        release.countDown();
        return List.of(get(first), get(second));
    }

    /** Whether a transaction of the service is blocked, waiting for a lock another holds. */
    boolean waitingForALock() {
        return one("SHOW TRANSACTIONS YIELD status WHERE status STARTS WITH 'Blocked' RETURN count(*) AS blocked")
                .get("blocked").asLong() > 0;
    }

    static Map<String, String> row(JsonNode result) {
        Map<String, String> cells = new HashMap<>();
        result.path("row").forEach(c -> cells.put(c.path("column").asText(), c.path("value").asText()));
        return cells;
    }

    @Test
    @DisplayName("two updates of different fields of one row at the same time both stay: the second waits for the first and keeps what it wrote")
    void concurrentUpdatesOfDifferentFieldsBothStay() throws Exception {
        Map<String, Object> key = Map.of("iso3", "KEN", "mission", "UNMISS", "year", 2016);
        Map<String, Object> total = new HashMap<>(key);
        total.put("total", 1000);
        Map<String, Object> women = new HashMap<>(key);
        women.put("women", 77);
        List<GraphQLClient.Response> answers = overlap("alice", UPDATE_CONTRIBUTION, Map.of("input", total),
                "alice", UPDATE_CONTRIBUTION, Map.of("input", women));

        Map<String, String> first = row(ok(answers.get(0)).data().path("updateContribution"));
        Map<String, String> second = row(ok(answers.get(1)).data().path("updateContribution"));
        assertEquals("1000", first.get("total"));
        assertEquals(null, first.get("women"));
        // the second read the row once the first had committed
        assertEquals("1000", second.get("total"));
        assertEquals("77", second.get("women"));
        Record stored = one("""
                MATCH (:Country {iso3: 'KEN'})-[r:CONTRIBUTES_TO {id: 'CONTRIBUTION:KEN:UNMISS:2016'}]->(:Mission)
                RETURN r.total AS total, r.women AS women, r.troops AS troops, r.sites AS sites""");
        assertEquals(1000, stored.get("total").asLong());
        assertEquals(77, stored.get("women").asLong());
        // what neither sent is as seeded
        assertEquals(950, stored.get("troops").asLong());
        assertEquals("3", stored.get("sites").asString());
    }

    @Test
    @DisplayName("a rule between two cells is checked against the other cell as a concurrent update left it: a delivery above the quantity just lowered is refused")
    void rulesSeeConcurrentChangesOfTheOtherCell() throws Exception {
        // seeded: 16 helicopters pledged, 6 delivered
        List<GraphQLClient.Response> answers = overlap(
                "alice", UPDATE_PLEDGE, Map.of("input", Map.of("id", "seoul-2021-kor-helicopters", "quantity", 10)),
                "bob", UPDATE_PLEDGE, Map.of("input", Map.of("id", "seoul-2021-kor-helicopters", "deliveredQuantity", 12)));

        assertEquals("10", row(ok(answers.get(0)).data().path("updatePledge")).get("quantity"));
        GraphQLClient.Response refused = answers.get(1);
        assertEquals("BAD_USER_INPUT", refused.errorCode(), refused.body().toString());
        assertEquals("input.deliveredQuantity: delivered_quantity 12 is more than the quantity 10",
                refused.errors().path(0).path("message").asText());
        Record stored = one("""
                MATCH (p:Pledge {id: 'seoul-2021-kor-helicopters'})
                RETURN p.quantity AS quantity, p.deliveredQuantity AS delivered, p.updatedBy AS by""");
        assertEquals(10, stored.get("quantity").asLong());
        assertEquals(6, stored.get("delivered").asLong());
        assertEquals("alice", stored.get("by").asString());
    }

    /**
     * Sends {@code n} creates of one key at once, each held at {@link WriteService.Step#CREATE_WRITES} until all of
     * them are there: every one has passed its checks before any writes.
     */
    List<GraphQLClient.Response> race(int n, String query, IntFunction<Map<String, Object>> input) throws Exception {
        CountDownLatch allChecked = new CountDownLatch(n);
        writes.pause = step -> {
            if (step == WriteService.Step.CREATE_WRITES) {
                allChecked.countDown();
                await(allChecked, "all " + n + " creates are about to write");
            }
        };
        List<CompletableFuture<GraphQLClient.Response>> sent = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sent.add(send("editor" + i, query, Map.of("input", input.apply(i))));
        }
        List<GraphQLClient.Response> answers = new ArrayList<>();
        for (var response : sent) {
            answers.add(get(response));
        }
        return answers;
    }

    /** The index of the one create that wrote; asserts that each of the others answered CONFLICT with the message. */
    static int oneWinner(List<GraphQLClient.Response> answers, String conflict) {
        List<Integer> written = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            GraphQLClient.Response answer = answers.get(i);
            assertEquals(200, answer.status());
            if (answer.errors().isMissingNode()) {
                written.add(i);
            } else {
                assertEquals("CONFLICT", answer.errorCode(), answer.body().toString());
                assertEquals(conflict, answer.errors().path(0).path("message").asText());
            }
        }
        assertEquals(1, written.size(), "creates that answered success: " + written);
        return written.get(0);
    }

    @Test
    @DisplayName("of twenty concurrent creates of one training, exactly one writes and the other nineteen answer CONFLICT")
    void concurrentCreatesOfOneRelationship() throws Exception {
        List<GraphQLClient.Response> answers = race(20, """
                mutation($input: TrainingInput!) { createTraining(input: $input) { id updatedBy } }""", i -> Map.of(
                "trainer", "JPN", "trainee", "KEN", "year", 2031, "program", "TPP", "trainees", i,
                "confidence", "REPORTED", "source", "https://example.org/race-" + i));

        int winner = oneWinner(answers, "Training 'TRAINING:JPN:KEN:2031:TPP' already exists; updateTraining changes it");
        assertEquals("editor" + winner, answers.get(winner).data().path("createTraining").path("updatedBy").asText());
        Record stored = one("""
                MATCH (:Actor {id: 'JPN'})-[r:TRAINS {id: 'TRAINING:JPN:KEN:2031:TPP'}]->(:Actor {id: 'KEN'})
                RETURN count(r) AS count, collect(r.source)[0] AS source, collect(r.trainees)[0] AS trainees""");
        assertEquals(1, stored.get("count").asLong());
        assertEquals("https://example.org/race-" + winner, stored.get("source").asString());
        assertEquals(winner, stored.get("trainees").asLong());
    }

    @Test
    @DisplayName("of twenty concurrent creates of one mission, exactly one writes, with its own hosts, and the others answer CONFLICT")
    void concurrentCreatesOfOneNode() throws Exception {
        List<String> hosts = List.of("KEN", "UGA", "TZA", "RWA", "BDI");
        List<GraphQLClient.Response> answers = race(20, """
                mutation($input: MissionInput!) { createMission(input: $input) { id updatedBy } }""", i -> {
            Map<String, Object> input = WriteIT.mission("RACE");
            input.put("name", "Race " + i);
            input.put("hostIso3", List.of(hosts.get(i % hosts.size())));
            return input;
        });

        int winner = oneWinner(answers, "Mission 'RACE' already exists; updateMission changes it");
        Record stored = one("""
                MATCH (m:Mission {acronym: 'RACE'})
                RETURN count(m) AS count, collect(m.name)[0] AS name,
                       [(n:Mission {acronym: 'RACE'})-[:LOCATED_IN]->(c) | c.iso3] AS hosts""");
        assertEquals(1, stored.get("count").asLong());
        assertEquals("Race " + winner, stored.get("name").asString());
        assertEquals(List.of(hosts.get(winner % hosts.size())), stored.get("hosts").asList());
    }

    @Test
    @DisplayName("an update with a stale expectedUpdatedAt is CONFLICT naming the stored updatedAt, and writes nothing")
    void staleExpectedUpdatedAtIsRefused() {
        GraphQLClient alice = editor("alice");
        JsonNode first = ok(alice.query(UPDATE_MISSION, Map.of("input", Map.of("acronym", "UNMISS", "name", "UNMISS, first edit"))))
                .data().path("updateMission");
        String read = first.path("updatedAt").asText();
        JsonNode second = ok(alice.query(UPDATE_MISSION, Map.of("expected", read,
                "input", Map.of("acronym", "UNMISS", "name", "UNMISS, second edit")))).data().path("updateMission");
        String now = second.path("updatedAt").asText();
        assertNotEquals(read, now, "two updates must differ in updatedAt for the precondition to tell them apart");
        Record before = one("MATCH (m:Mission {acronym: 'UNMISS'}) RETURN properties(m) AS props");

        var stale = editor("bob").query(UPDATE_MISSION, Map.of("expected", read,
                "input", Map.of("acronym", "UNMISS", "location", "Juba")));
        assertEquals("CONFLICT", stale.errorCode(), stale.body().toString());
        assertEquals("Mission 'UNMISS' was changed since " + read + " (expectedUpdatedAt): its updatedAt is now " + now
                + "; nothing was written: read it again and apply your change to what is stored now",
                stale.errors().path(0).path("message").asText());
        JsonNode extensions = stale.errors().path(0).path("extensions");
        assertEquals("expectedUpdatedAt", extensions.path("argument").asText());
        assertEquals(now, extensions.path("updatedAt").asText());
        assertEquals("UNMISS", extensions.path("key").asText());
        assertEquals(before.get("props").asMap(),
                one("MATCH (m:Mission {acronym: 'UNMISS'}) RETURN properties(m) AS props").get("props").asMap());

        // the same instant written another way is the same precondition
        String sameInstant = java.time.OffsetDateTime.parse(now)
                .atZoneSameInstant(java.time.ZoneOffset.ofHours(2)).toOffsetDateTime().toString();
        ok(editor("bob").query(UPDATE_MISSION, Map.of("expected", sameInstant,
                "input", Map.of("acronym", "UNMISS", "location", "Juba"))));
        assertEquals("Juba", one("MATCH (m:Mission {acronym: 'UNMISS'}) RETURN m.location AS l").get("l").asString());
    }

    @Test
    @DisplayName("an expectedUpdatedAt on a row never changed through the API, or one that is not a date-time, is refused and writes nothing")
    void expectedUpdatedAtWithoutStoredOneOrMalformed() {
        Record before = one("MATCH (m:Mission {acronym: 'MINUSMA'}) RETURN properties(m) AS props");
        var none = editor("bob").query(UPDATE_MISSION, Map.of("expected", "2026-01-01T00:00:00Z",
                "input", Map.of("acronym", "MINUSMA", "location", "Bamako")));
        assertEquals("CONFLICT", none.errorCode(), none.body().toString());
        assertEquals("Mission 'MINUSMA' was changed since 2026-01-01T00:00:00Z (expectedUpdatedAt): it has no updatedAt: "
                + "it was never changed through the API; nothing was written: read it again and apply your change to "
                + "what is stored now", none.errors().path(0).path("message").asText());

        var malformed = editor("bob").query(UPDATE_MISSION, Map.of("expected", "yesterday",
                "input", Map.of("acronym", "MINUSMA", "location", "Bamako")));
        assertEquals("BAD_USER_INPUT", malformed.errorCode(), malformed.body().toString());
        assertEquals("expectedUpdatedAt: not an ISO date-time with offset; send the updatedAt of the row as you last "
                + "read it (2026-11-28T02:32:01.405Z)", malformed.errors().path(0).path("message").asText());
        assertEquals(before.get("props").asMap(),
                one("MATCH (m:Mission {acronym: 'MINUSMA'}) RETURN properties(m) AS props").get("props").asMap());
    }

    @Test
    @DisplayName("of two editors who send the same expectedUpdatedAt at the same time, the first writes and the second answers CONFLICT naming the first's updatedAt")
    void concurrentUpdatesWithOnePrecondition() throws Exception {
        String read = ok(editor("alice").query(UPDATE_MISSION,
                Map.of("input", Map.of("acronym", "MINUSCA", "location", "Bangui"))))
                .data().path("updateMission").path("updatedAt").asText();
        List<GraphQLClient.Response> answers = overlap(
                "alice", UPDATE_MISSION, Map.of("expected", read, "input", Map.of("acronym", "MINUSCA", "name", "MINUSCA (alice)")),
                "bob", UPDATE_MISSION, Map.of("expected", read, "input", Map.of("acronym", "MINUSCA", "name", "MINUSCA (bob)")));

        String written = ok(answers.get(0)).data().path("updateMission").path("updatedAt").asText();
        GraphQLClient.Response refused = answers.get(1);
        assertEquals("CONFLICT", refused.errorCode(), refused.body().toString());
        assertEquals(written, refused.errors().path(0).path("extensions").path("updatedAt").asText());
        Record stored = one("MATCH (m:Mission {acronym: 'MINUSCA'}) RETURN m.name AS name, m.updatedBy AS by");
        assertEquals("MINUSCA (alice)", stored.get("name").asString());
        assertEquals("alice", stored.get("by").asString());
    }
}
