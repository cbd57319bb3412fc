package org.partnershipexplorer.neo4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.exceptions.ClientException;
import org.partnershipexplorer.support.TestNeo4j;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("the schema on a store made before relationship ids were unique")
class GraphSchemaIT {

    private final TestNeo4j.Instance neo4j = TestNeo4j.emptied();

    @AfterAll
    void close() {
        neo4j.close();
    }

    List<String> run(String cypher) {
        return neo4j.driver().executableQuery(cypher).execute().records().stream()
                .map(r -> r.get(0).isNull() ? null : r.get(0).asString()).toList();
    }

    @Test
    @DisplayName("the plain indexes on relationship ids give way to uniqueness constraints, and a second relationship with a taken id is refused")
    void relationshipIdsBecomeUnique() {
        run("CREATE INDEX trains_id IF NOT EXISTS FOR ()-[r:TRAINS]-() ON (r.id)");
        run("CREATE INDEX member_of_id IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() ON (r.id)");
        run("CREATE (:Actor {id: 'JPN'})-[:TRAINS {id: 'TRAINING:JPN:KEN:2015'}]->(:Actor {id: 'KEN'})");
        Cypher cypher = new Cypher(neo4j.driver(), new Neo4jSettings(neo4j.boltUri().toString(), "neo4j", "", "neo4j",
                Path.of("unused"), 0, Duration.ofSeconds(5), Duration.ofSeconds(30)), Duration.ofMinutes(2));
        GraphSchema schema = new GraphSchema(cypher);

        schema.ensure();

        assertTrue(schema.inPlace());
        assertEquals(List.of(), run("SHOW INDEXES YIELD name WHERE name IN ['trains_id', 'member_of_id'] RETURN name"));
        assertEquals(List.of("trains_id_unique"), run("""
                SHOW CONSTRAINTS YIELD name, type, entityType, labelsOrTypes, properties
                WHERE entityType = 'RELATIONSHIP' AND type ENDS WITH 'UNIQUENESS' AND labelsOrTypes = ['TRAINS'] AND properties = ['id']
                RETURN name"""));
        ClientException refused = org.junit.jupiter.api.Assertions.assertThrows(ClientException.class, () -> run(
                "MATCH (a:Actor {id: 'JPN'}), (b:Actor {id: 'KEN'}) CREATE (a)-[:TRAINS {id: 'TRAINING:JPN:KEN:2015'}]->(b)"));
        assertEquals("Neo.ClientError.Schema.ConstraintValidationFailed", refused.code());
        assertEquals(List.of("1"), run("MATCH ()-[r:TRAINS]->() RETURN toString(count(r))"));

        // a second start finds everything in place
        schema.ensure();
        assertTrue(schema.inPlace());
    }

    @Test
    @DisplayName("on a store that already holds data, the schema is awaited in turns while its indexes populate, not in one wait that could outlast a transaction")
    void indexesAwaitedInTurnsWhilePopulating() {
        TestNeo4j.emptied();
        run("UNWIND range(1, 300) AS i CREATE (:Actor {id: 'A' + i})");
        run("""
                MATCH (a:Actor), (b:Actor) WHERE a.id < b.id
                WITH a, b LIMIT 40000
                CREATE (a)-[:TRAINS {id: a.id + ':' + b.id, year: 2000 + size(b.id), endYear: 2030}]->(b)""");
        Cypher cypher = new Cypher(neo4j.driver(), new Neo4jSettings(neo4j.boltUri().toString(), "neo4j", "", "neo4j",
                Path.of("unused"), 0, Duration.ofSeconds(5), Duration.ofSeconds(30)), Duration.ofMinutes(2));
        // a wait of no time at all runs out at once while an index populates
        GraphSchema schema = new GraphSchema(cypher, null, 0);

        schema.ensure();

        assertTrue(schema.awaitTurns() > 0, "no wait ran out while an index populated");
        assertTrue(schema.inPlace());
        assertEquals(List.of("0"), run("SHOW INDEXES YIELD state WHERE state <> 'ONLINE' RETURN toString(count(*))"));
        TestNeo4j.emptied();
    }
}
