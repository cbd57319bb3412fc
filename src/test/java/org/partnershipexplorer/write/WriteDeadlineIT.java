package org.partnershipexplorer.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.partnershipexplorer.access.Tokens;
import org.partnershipexplorer.support.FreshServiceTest;
import org.partnershipexplorer.support.GraphQLClient;
import org.partnershipexplorer.support.TestNeo4j;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("a mutation shares its request's deadline")
class WriteDeadlineIT implements FreshServiceTest {

    /** The request's budget; the write transaction's own limit is far longer, so only the deadline can stop it. */
    static final int DEADLINE_MS = 2000;
    /** The time a request may take past its deadline: Neo4j looks for transactions past their timeout every 100 ms. */
    static final int GRACE_MS = 3000;

    private TestNeo4j.Instance neo4j;

    @Inject
    EmbeddedServer server;

    @Override
    public synchronized TestNeo4j.Instance neo4j() {
        if (neo4j == null) {
            neo4j = TestNeo4j.withFrozenSeed();
        }
        return neo4j;
    }

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("explorer.security.jwt-secret", WriteIT.SECRET,
                "explorer.limits.request-timeout", DEADLINE_MS + "ms",
                "explorer.limits.query-timeout", "60s");
    }

    String name(String iso3) {
        return neo4j().driver().executableQuery("MATCH (c:Country {iso3: $iso3}) RETURN c.name AS name")
                .withParameters(Map.of("iso3", iso3)).execute().records().get(0).get("name").asString();
    }

    @Test
    @DisplayName("an update that waits for a lock past the request's deadline answers QUERY_TOO_COMPLEX (requestTimeout) at the deadline, not at the write's own limit, and writes nothing")
    void writeStopsAtTheRequestDeadline() throws Exception {
        GraphQLClient editor = new GraphQLClient(server.getURI())
                .withToken(Tokens.mint(WriteIT.SECRET, "alice", List.of("editor"), Duration.ofHours(1)));
        // a cheap request first: the service's first answer also pays for loading its classes
        assertEquals(200, editor.query("{ country(iso3: \"KEN\") { name } }").status());

        GraphQLClient.Response response;
        long elapsedMs;
        try (Session session = neo4j().driver().session(); Transaction lock = session.beginTransaction()) {
            // holds Kenya's write lock until the end of the test's transaction
            lock.run("MATCH (c:Country {iso3: 'KEN'}) SET c.heldByTest = true").consume();
            long started = System.nanoTime();
            CompletableFuture<GraphQLClient.Response> sent = CompletableFuture.supplyAsync(() -> editor.query(
                    "mutation { updateCountry(input: {iso3: \"KEN\", name: \"Kenya renamed\"}) { updatedAt } }"));
            response = sent.get(DEADLINE_MS + GRACE_MS + 10_000, TimeUnit.MILLISECONDS);
            elapsedMs = (System.nanoTime() - started) / 1_000_000;
            lock.rollback();
        }
        String body = response.raw().body();
        assertTrue(elapsedMs >= DEADLINE_MS && elapsedMs < DEADLINE_MS + GRACE_MS, "answered in " + elapsedMs + " ms: " + body);
        assertEquals("QUERY_TOO_COMPLEX", response.errorCode(), body);
        assertEquals("requestTimeout", response.errors().path(0).path("extensions").path("limit").asText(), body);
        assertEquals("Kenya", name("KEN"));
    }
}
