package org.partnershipexplorer.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.partnershipexplorer.neo4j.Cypher;
import org.partnershipexplorer.neo4j.GraphSchema;
import org.partnershipexplorer.seed.SeedOutcome.Status;
import org.partnershipexplorer.support.FrozenSeed;
import org.partnershipexplorer.support.TestNeo4j;

/**
 * A store that start-up seeding loaded before releases existed (the frozen seed, 94 illustrative trainings and
 * all), then edited through the API, is brought to the bundled release at the next start with EXPLORER_SEED=if-empty.
 */
@DisplayName("Upgrading a kept store to the bundled seed release")
class SeedUpgradeIT {

    private TestNeo4j.Instance neo4j;
    private Driver driver;

    @BeforeEach
    void start() {
        SeedFixtures.ensureTmpdir();
        neo4j = TestNeo4j.cleared();
        driver = neo4j.driver();
    }

    @AfterEach
    void stop() {
        neo4j.close();
    }

    private StartupSeeder instance() {
        Cypher cypher = neo4j.cypher();
        GraphSchema schema = new GraphSchema(cypher);
        return new StartupSeeder(cypher, schema, new SeedLoader(cypher, schema, new SimpleMeterRegistry()),
                Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofMillis(100));
    }

    @Test
    @DisplayName("the old seed's dropped rows go, the release's rows come, the API's edits stay, and the release is applied once")
    void upgradesTheFrozenStoreToTheBundledRelease() throws IOException {
        SeedSource old = SeedSource.directory(FrozenSeed.directory());
        assertEquals(Status.LOADED, instance().seed(SeedMode.IF_EMPTY, old, true).status());
        assertEquals(94L, count("MATCH ()-[r:TRAINS {confidence: 'illustrative'}]->() RETURN count(r) AS n"));
        // two edits made through the API: a country the release has, and an illustrative training it drops
        driver.executableQuery("""
                MATCH (c:Country {iso3: 'KEN'}) SET c.name = 'Kenya (edited)', c.updatedBy = 'alice', c.updatedAt = datetime()
                """).execute();
        driver.executableQuery("""
                MATCH ()-[r:TRAINS {confidence: 'illustrative'}]->() WITH r ORDER BY r.id LIMIT 1
                SET r.topic = 'kept by an editor', r.updatedBy = 'bob', r.updatedAt = datetime()
                """).execute();

        SeedOutcome outcome = instance().seed(SeedMode.IF_EMPTY, SeedSource.bundled(), false);

        assertEquals(Status.UPGRADED, outcome.status());
        assertTrue(outcome.detail().startsWith("release 2026.12.2 applied over a store with no recorded release: removed "), outcome.detail());
        assertTrue(outcome.detail().endsWith("kept 1 nodes and 1 relationships edited through the API"), outcome.detail());
        assertEquals("2026.12.2", SeedRelease.of(SeedSource.bundled()).orElseThrow().version());
        assertEquals(SeedRelease.of(SeedSource.bundled()).orElseThrow().version(),
                driver.executableQuery("MATCH (s:SeedState) RETURN s.release AS r").execute().records().get(0).get("r").asString());
        assertEquals("Kenya (edited)", driver.executableQuery("MATCH (c:Country {iso3: 'KEN'}) RETURN c.name AS name")
                .execute().records().get(0).get("name").asString());
        assertEquals(1L, count("MATCH ()-[r:TRAINS {confidence: 'illustrative'}]->() RETURN count(r) AS n"));
        assertEquals(1L, count("MATCH ()-[r:TRAINS {topic: 'kept by an editor'}]->() RETURN count(r) AS n"));
        assertEquals(SeedFixtures.bundledRows("trainings.csv") + 1, count("MATCH ()-[r:TRAINS]->() RETURN count(r) AS n"));
        assertEquals(SeedFixtures.bundledRows("donations.csv"), count("MATCH ()-[r:DONATES_TO]->() RETURN count(r) AS n"));
        assertEquals(SeedFixtures.bundledRows("deployments.csv"), count("MATCH (d:Deployment) RETURN count(d) AS n"));
        assertEquals(SeedFixtures.bundledRows("contributions.csv"), count("MATCH ()-[r:CONTRIBUTES_TO]->() RETURN count(r) AS n"));
        assertEquals(SeedFixtures.bundledRows("programs.csv"), count("MATCH (p:Program) RETURN count(p) AS n"));
        assertEquals(0L, count("MATCH (n) WHERE n.staleRelease IS NOT NULL RETURN count(n) AS n"));
        assertEquals(0L, count("MATCH ()-[r]->() WHERE r.staleRelease IS NOT NULL RETURN count(r) AS n"));

        // the next start finds the release in place and changes nothing, and a seed without release.properties
        // (an import, a fixture) never upgrades a store
        assertEquals(Status.ALREADY_LOADED, instance().seed(SeedMode.IF_EMPTY, SeedSource.bundled(), false).status());
        assertEquals(Status.ALREADY_LOADED, instance().seed(SeedMode.IF_EMPTY, old, true).status());
        assertEquals(1L, count("MATCH ()-[r:TRAINS {confidence: 'illustrative'}]->() RETURN count(r) AS n"));
    }

    private long count(String query) {
        return driver.executableQuery(query).withParameters(Map.of()).execute().records().get(0).get("n").asLong();
    }

}
