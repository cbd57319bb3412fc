package org.partnershipexplorer.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.partnershipexplorer.neo4j.Cypher;
import org.partnershipexplorer.neo4j.EmbeddedNeo4j;
import org.partnershipexplorer.neo4j.GraphSchema;
import org.partnershipexplorer.neo4j.Neo4jSettings;

/**
 * An embedded start reads the schema and the seed's state through Neo4j's Java API, where a start against an external
 * server sends SHOW INDEXES and {@link StartupSeeder#SETTLED}: both ways, on one store in the states a start can meet,
 * must read the same. The same embedded server shows one of the settings it starts with.
 */
@DisplayName("a start's looks at an embedded store through Neo4j's Java API read what its Cypher reads")
class EmbeddedLooksIT {

    @TempDir
    static Path home;

    private static EmbeddedNeo4j server;
    private static Driver driver;
    private static Cypher cypher;

    @BeforeAll
    static void start() {
        SeedFixtures.ensureTmpdir();
        server = EmbeddedNeo4j.start(home, 0, Duration.ofSeconds(30));
        driver = GraphDatabase.driver(server.boltUri(), AuthTokens.none());
        cypher = new Cypher(driver, new Neo4jSettings(server.boltUri().toString(), "neo4j", "", "neo4j",
                Path.of("unused"), 0, Duration.ofSeconds(5), Duration.ofSeconds(30)));
    }

    @AfterAll
    static void stop() {
        driver.close();
        server.close();
    }

    private static void run(String statement) {
        driver.executableQuery(statement).execute();
    }

    /** The indexes each way, by name. */
    private static List<List<GraphSchema.Index>> bothWays() {
        List<GraphSchema.Index> java = server.read(tx -> GraphSchema.indexes(tx.schema())).stream()
                .sorted(Comparator.comparing(GraphSchema.Index::name)).toList();
        List<GraphSchema.Index> shown = driver
                .executableQuery("SHOW INDEXES YIELD name, state, options, owningConstraint").execute().records()
                .stream()
                .map(r -> new GraphSchema.Index(r.get("name").asString(), r.get("state").asString(),
                        r.get("options").get("indexConfig").get("fulltext.eventually_consistent").asBoolean(false),
                        r.get("owningConstraint").asString(null)))
                .sorted(Comparator.comparing(GraphSchema.Index::name)).toList();
        return List.of(java, shown);
    }

    private static GraphSchema.Index named(List<GraphSchema.Index> indexes, String name) {
        return indexes.stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("the schema: every rule in place, then an old strongly consistent search index and a retired plain index")
    void schemaReadsAlike() {
        new GraphSchema(cypher).ensure();
        List<List<GraphSchema.Index>> rules = bothWays();
        assertEquals(rules.get(1), rules.get(0));
        // the 25 rules and Neo4j's two token lookup indexes
        assertEquals(27, rules.get(0).size());
        assertEquals(new GraphSchema.Index("actor_id", "ONLINE", false, "actor_id"), named(rules.get(0), "actor_id"));
        assertEquals(new GraphSchema.Index("search", "ONLINE", true, null), named(rules.get(0), "search"));

        run("DROP INDEX search");
        run("CREATE FULLTEXT INDEX search FOR (n:Country) ON EACH [n.name]");
        run("DROP CONSTRAINT contribution_id_unique");
        run("CREATE INDEX contribution_id FOR ()-[r:CONTRIBUTES_TO]-() ON (r.id)");
        run("CALL db.awaitIndexes(60)");
        List<List<GraphSchema.Index>> older = bothWays();
        assertEquals(older.get(1), older.get(0));
        assertEquals(new GraphSchema.Index("search", "ONLINE", false, null), named(older.get(0), "search"));
        assertEquals(new GraphSchema.Index("contribution_id", "ONLINE", false, null),
                named(older.get(0), "contribution_id"));
    }

    /** The seed's state each way. */
    private static List<StartupSeeder.Settled> settledBothWays() {
        Record r = driver.executableQuery(StartupSeeder.SETTLED).execute().records().get(0);
        return List.of(server.read(StartupSeeder::settled), new StartupSeeder.Settled(r.get("status").asString(null),
                r.get("release").asString(null), r.get("bulkLoad").asBoolean(), r.get("holdsData").asBoolean()));
    }

    @Test
    @DisplayName("the seed's state: an empty store, a change log alone, a seed loaded with its data, a load in batches")
    void seedStateReadsAlike() {
        run("MATCH (n) DETACH DELETE n");
        assertEquals(List.of(new StartupSeeder.Settled(null, null, false, false),
                new StartupSeeder.Settled(null, null, false, false)), settledBothWays());

        run("CREATE (:ChangeLog {id: 'log', sequence: 1}), (:Change {sequence: 1})");
        assertEquals(List.of(new StartupSeeder.Settled(null, null, false, false),
                new StartupSeeder.Settled(null, null, false, false)), settledBothWays());

        run("CREATE (:SeedState {id: 'seed', status: 'loaded', release: '2026.12.2'}), (:Country:Actor {iso3: 'KOR'})");
        StartupSeeder.Settled loaded = new StartupSeeder.Settled("loaded", "2026.12.2", false, true);
        assertEquals(List.of(loaded, loaded), settledBothWays());

        run("CREATE (:SeedState {id: 'bulk-load', loadId: 'l1', status: 'loading'})");
        StartupSeeder.Settled loading = new StartupSeeder.Settled("loaded", "2026.12.2", true, true);
        assertEquals(List.of(loading, loading), settledBothWays());
    }

    @Test
    @DisplayName("the embedded server sends Neo4j no usage data")
    void sendsNoUsageData() {
        assertEquals(List.of("false"), driver.executableQuery(
                        "SHOW SETTINGS YIELD name, value WHERE name = 'dbms.usage_report.enabled' RETURN value")
                .execute().records().stream().map(r -> r.get("value").asString()).toList());
    }
}
