package org.partnershipexplorer.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Record;
import org.partnershipexplorer.access.Tokens;
import org.partnershipexplorer.support.FreshServiceTest;
import org.partnershipexplorer.support.GraphQLClient;
import org.partnershipexplorer.support.TestNeo4j;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("mutations")
class WriteIT implements FreshServiceTest {

    static final String SECRET = "test-secret-test-secret-test-secret-0123456789";

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
        return Map.of("explorer.security.jwt-secret", SECRET);
    }

    GraphQLClient editor() {
        return new GraphQLClient(server.getURI()).withToken(Tokens.mint(SECRET, "alice", List.of("editor"), Duration.ofHours(1)));
    }

    GraphQLClient anonymous() {
        return new GraphQLClient(server.getURI());
    }

    long count(String cypher, Map<String, Object> parameters) {
        List<Record> records = neo4j().driver().executableQuery(cypher).withParameters(parameters).execute().records();
        return records.get(0).get(0).asLong();
    }

    static Map<String, String> row(JsonNode result) {
        Map<String, String> cells = new LinkedHashMap<>();
        result.path("row").forEach(c -> cells.put(c.path("column").asText(), c.path("value").asText()));
        return cells;
    }

    static Map<String, Object> mission(String acronym) {
        Map<String, Object> input = new HashMap<>();
        input.put("acronym", acronym);
        input.put("name", "Test Mission " + acronym);
        input.put("startYear", 2030);
        input.put("hostIso3", List.of("KEN", "UGA"));
        input.put("confidence", "REPORTED");
        input.put("source", "https://example.org/" + acronym);
        return input;
    }

    @Test
    @DisplayName("createMission writes the node with its hosts, stamped with the token's subject, and answers the stored row")
    void createMission() {
        var response = editor().operation("createMission", Map.of("input", mission("TESTA")));
        assertEquals(200, response.status());
        assertTrue(response.errors().isMissingNode(), response.body().toString());
        JsonNode result = response.data().path("createMission");
        assertEquals("Mission", result.path("kind").asText());
        assertEquals("TESTA", result.path("id").asText());
        assertEquals("alice", result.path("updatedBy").asText());
        Map<String, String> cells = row(result);
        assertEquals("2030", cells.get("start_year"));
        assertEquals("KEN;UGA", cells.get("host_iso3"));
        assertEquals("reported", cells.get("confidence"));
        assertEquals(result.path("updatedAt").asText(), cells.get("updated_at"));

        JsonNode read = anonymous().operation("missionByAcronym", Map.of("acronym", "TESTA")).data().path("mission");
        assertEquals("Test Mission TESTA", read.path("name").asText());
        assertEquals("REPORTED", read.path("confidence").asText());
        assertEquals(2, read.path("hosts").size());
        assertEquals(1, count("MATCH (m:Mission {acronym: 'TESTA', updatedBy: 'alice'}) WHERE m.updatedAt IS :: ZONED DATETIME RETURN count(m)", Map.of()));
    }

    @Test
    @DisplayName("a ministerial or a pledge may not take an id another of them or a source has: BAD_USER_INPUT, nothing written")
    void idsSharedByMinisterialsPledgesAndSourcesAreRefused() {
        var ministerial = editor().query("""
                mutation { createMinisterial(input: {id: "seoul-2021-kor-helicopters", name: "Clash",
                  startDate: "2030-01-01", confidence: REPORTED, source: "https://example.org/clash"}) { id } }
                """);
        assertEquals("BAD_USER_INPUT", ministerial.errorCode(), ministerial.body().toString());
        assertEquals("input.id: id 'seoul-2021-kor-helicopters' is already the id of a pledge in the database:"
                + " ministerials, pledges and sources share one set of ids, so that an id names one object",
                ministerial.errors().path(0).path("message").asText());
        assertEquals(0, count("MATCH (m:Ministerial {id: 'seoul-2021-kor-helicopters'}) RETURN count(m)", Map.of()));

        var pledge = editor().query("""
                mutation { createPledge(input: {id: "us-003", pledger: "KOR", ministerial: "seoul-2021",
                  category: TRAINING, confidence: REPORTED, source: "https://example.org/clash"}) { id } }
                """);
        assertEquals("BAD_USER_INPUT", pledge.errorCode(), pledge.body().toString());
        assertEquals("input.id: id 'us-003' is already the id of a source in the database:"
                + " ministerials, pledges and sources share one set of ids, so that an id names one object",
                pledge.errors().path(0).path("message").asText());
        assertEquals(0, count("MATCH (p:Pledge {id: 'us-003'}) RETURN count(p)", Map.of()));
    }

    @Test
    @DisplayName("a row that breaks the loader's rules is refused with every bad field named, and nothing is written")
    void badInputNamesEveryField() {
        Map<String, Object> input = mission("TESTB");
        input.put("startYear", 3000);
        input.put("endYear", 1900);
        input.put("hostIso3", List.of("KEN", "XXX"));
        input.put("source", "  ");
        var response = editor().operation("createMission", Map.of("input", input));
        assertEquals(200, response.status());
        assertEquals("BAD_USER_INPUT", response.errorCode());
        String message = response.errors().path(0).path("message").asText();
        assertTrue(message.contains("input.startYear: year 3000 is out of range 1945..2100"), message);
        assertTrue(message.contains("input.endYear: year 1900 is out of range 1945..2100"), message);
        assertTrue(message.contains("input.source: required, but empty"), message);
        JsonNode fields = response.errors().path(0).path("extensions").path("fields");
        assertEquals(3, fields.size(), fields.toString());
        assertEquals(0, count("MATCH (m:Mission {acronym: 'TESTB'}) RETURN count(m)", Map.of()));

        // types fine, a reference unknown: checked against the graph in the same transaction
        Map<String, Object> unknownHost = mission("TESTB");
        unknownHost.put("hostIso3", List.of("KEN", "XXX"));
        var refused = editor().operation("createMission", Map.of("input", unknownHost));
        assertEquals("BAD_USER_INPUT", refused.errorCode());
        assertEquals("input.hostIso3: unknown country 'XXX'", refused.errors().path(0).path("message").asText());
        assertEquals(0, count("MATCH (m:Mission {acronym: 'TESTB'}) RETURN count(m)", Map.of()));
    }

    @Test
    @DisplayName("a key that breaks its pattern is refused naming the field and why, and nothing is written")
    void keysFollowTheirPatterns() {
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("ABCDEFGHIJ", "'ABCDEFGHIJ' is not an iso3: three capital letters A-Z, such as KEN");
        refused.put("ken", "'ken' is not an iso3: three capital letters A-Z, such as KEN");
        refused.put("K:N", "'K:N' is not an iso3: three capital letters A-Z, such as KEN");
        refused.put("KE\u0007", "contains the control character U+0007 at position 2: keys may not hold one");
        for (Map.Entry<String, String> iso3 : refused.entrySet()) {
            var response = editor().query("mutation($input: CountryInput!) { createCountry(input: $input) { id } }",
                    Map.of("input", Map.of("iso3", iso3.getKey(), "name", "Nowhere", "region", "Africa",
                            "confidence", "REPORTED", "source", "https://example.org")));
            assertEquals("BAD_USER_INPUT", response.errorCode(), response.body().toString());
            JsonNode error = response.errors().path(0);
            assertEquals("input.iso3: " + iso3.getValue(), error.path("message").asText());
            assertEquals("input.iso3", error.path("extensions").path("argument").asText());
            assertEquals(iso3.getValue(), error.path("extensions").path("fields").path(0).path("reason").asText());
        }
        assertEquals(0, count("MATCH (c:Country) WHERE c.name = 'Nowhere' RETURN count(c)", Map.of()));

        var acronym = editor().operation("createMission", Map.of("input", mission("UNOSOM:II")));
        assertEquals("input.acronym: 'UNOSOM:II' is not a code: capital letters A-Z and digits, words joined by single "
                + "hyphens or spaces, such as CUNPK-AFRICA or UNOSOM II", acronym.errors().path(0).path("message").asText());
        var pledge = editor().query("mutation($input: PledgeInput!) { updatePledge(input: $input) { id } }",
                Map.of("input", Map.of("id", "Seoul-2021-KOR-helicopters", "quantity", 1)));
        assertEquals("input.id: 'Seoul-2021-KOR-helicopters' is not an id: lower-case letters a-z and digits, words "
                + "joined by single hyphens, such as seoul-2021", pledge.errors().path(0).path("message").asText());
        assertEquals(0, count("MATCH (m:Mission) WHERE m.acronym CONTAINS ':' RETURN count(m)", Map.of()));
    }

    @Test
    @DisplayName("a delete names exactly the key it checked: a control character is refused, spaces around a key still find its references")
    void deleteUsesTheCheckedKey() {
        var nul = editor().operation("deleteCountry", Map.of("iso3", "KEN\u0000", "cascade", true));
        assertEquals("BAD_USER_INPUT", nul.errorCode(), nul.body().toString());
        assertEquals("iso3: contains the control character U+0000 at position 3: keys may not hold one",
                nul.errors().path(0).path("message").asText());
        assertEquals("iso3", nul.errors().path(0).path("extensions").path("argument").asText());
        assertEquals(1, count("MATCH (c:Country {iso3: 'KEN'}) RETURN count(c)", Map.of()));

        long references = count("MATCH (:Country {iso3: 'IND'})-[r]-() RETURN count(r)", Map.of());
        var spaced = editor().operation("deleteCountry", Map.of("iso3", " IND "));
        assertEquals("BAD_USER_INPUT", spaced.errorCode(), spaced.body().toString());
        String message = spaced.errors().path(0).path("message").asText();
        assertTrue(message.startsWith("Country 'IND' is referenced by "), message);
        assertEquals(1, count("MATCH (c:Country {iso3: 'IND'}) RETURN count(c)", Map.of()));
        assertEquals(references, count("MATCH (:Country {iso3: 'IND'})-[r]-() RETURN count(r)", Map.of()));
    }

    @Test
    @DisplayName("creating a key that exists is CONFLICT naming the key; updating one that does not is NOT_FOUND")
    void createExistingAndUpdateMissing() {
        var existing = editor().operation("createMission", Map.of("input", mission("MINUSCA")));
        assertEquals("CONFLICT", existing.errorCode());
        assertEquals("Mission 'MINUSCA' already exists; updateMission changes it",
                existing.errors().path(0).path("message").asText());
        JsonNode extensions = existing.errors().path(0).path("extensions");
        assertEquals("Mission", extensions.path("kind").asText());
        assertEquals("MINUSCA", extensions.path("key").asText());
        assertEquals(1, count("MATCH (m:Mission {acronym: 'MINUSCA'}) WHERE m.updatedBy IS NULL RETURN count(m)", Map.of()));

        var missing = editor().operation("updateContribution",
                Map.of("input", Map.of("iso3", "KEN", "mission", "MINUSCA", "year", 1999, "total", 5)));
        assertEquals("NOT_FOUND", missing.errorCode(), missing.body().toString());
    }

    @Test
    @DisplayName("creating a relationship whose id exists is CONFLICT naming the id, and the stored one stays as it was")
    void createExistingRelationship() {
        var existing = editor().query("mutation($input: TrainingInput!) { createTraining(input: $input) { id } }",
                Map.of("input", Map.of("trainer", "JPN", "trainee", "KEN", "year", 2015, "program", "TPP",
                        "trainees", 1, "confidence", "REPORTED", "source", "https://example.org/again")));
        assertEquals("CONFLICT", existing.errorCode(), existing.body().toString());
        assertEquals("Training 'TRAINING:JPN:KEN:2015:TPP' already exists; updateTraining changes it",
                existing.errors().path(0).path("message").asText());
        assertEquals("TRAINING:JPN:KEN:2015:TPP", existing.errors().path(0).path("extensions").path("key").asText());
        assertEquals(1, count("""
                MATCH ()-[r:TRAINS {id: 'TRAINING:JPN:KEN:2015:TPP'}]->()
                WHERE r.trainees IS NULL AND r.updatedBy IS NULL AND r.source STARTS WITH 'https://unsoa'
                RETURN count(r)""", Map.of()));
    }

    static final String UPDATE_MISSION = "mutation($input: MissionInput!) { updateMission(input: $input) { id } }";

    @Test
    @DisplayName("an update of a row's endpoints, confidence or source carries them to the relationships the row implies; other fields leave those as they are")
    void updateCarriesToImpliedRelationships() {
        var created = editor().operation("createMission", Map.of("input", mission("TESTE")));
        assertTrue(created.errors().isMissingNode(), created.body().toString());
        var renamed = editor().query(UPDATE_MISSION, Map.of("input", Map.of("acronym", "TESTE", "name", "Renamed")));
        assertTrue(renamed.errors().isMissingNode(), renamed.body().toString());
        assertEquals(2, count("""
                MATCH (:Mission {acronym: 'TESTE', name: 'Renamed'})-[r:LOCATED_IN {source: 'https://example.org/TESTE'}]->(c)
                WHERE c.iso3 IN ['KEN', 'UGA'] RETURN count(r)""", Map.of()));

        var moved = editor().query(UPDATE_MISSION, Map.of("input",
                Map.of("acronym", "TESTE", "hostIso3", List.of("TZA"), "confidence", "VERIFIED")));
        assertTrue(moved.errors().isMissingNode(), moved.body().toString());
        assertEquals(1, count("MATCH (:Mission {acronym: 'TESTE'})-[r:LOCATED_IN]->() RETURN count(r)", Map.of()));
        assertEquals(1, count("""
                MATCH (:Mission {acronym: 'TESTE', name: 'Renamed', confidence: 'verified'})
                      -[r:LOCATED_IN {confidence: 'verified', source: 'https://example.org/TESTE'}]->(:Country {iso3: 'TZA'})
                RETURN count(r)""", Map.of()));

        var supports = editor().query("mutation($input: PledgeInput!) { updatePledge(input: $input) { id } }",
                Map.of("input", Map.of("id", "seoul-2021-kor-helicopters", "mission", "UNMISS")));
        assertTrue(supports.errors().isMissingNode(), supports.body().toString());
        assertEquals(1, count("""
                MATCH (k:Country {iso3: 'KOR'})-[:PLEDGED]->(p:Pledge {id: 'seoul-2021-kor-helicopters'})-[:MADE_AT]->(:Ministerial {id: 'seoul-2021'}),
                      (p)-[:BENEFITS]->(:Country {iso3: 'KEN'}), (p)-[:SUPPORTS]->(:Mission {acronym: 'UNMISS'})
                WHERE p.quantity = 16 AND p.deliveredQuantity = 6
                RETURN count(p)""", Map.of()));

        var sourced = editor().query("mutation($input: DeploymentInput!) { updateDeployment(input: $input) { id } }",
                Map.of("input", Map.of("iso3", "KEN", "asOf", "2021-01-31", "source", "https://example.org/ken-2021")));
        assertTrue(sourced.errors().isMissingNode(), sourced.body().toString());
        assertEquals(1, count("""
                MATCH (:Country {iso3: 'KEN'})-[r:REPORTED {source: 'https://example.org/ken-2021', confidence: 'verified'}]
                      ->(d:Deployment {iso3: 'KEN', total: 162, women: 35, source: 'https://example.org/ken-2021'})
                WHERE d.asOf = date('2021-01-31') RETURN count(r)""", Map.of()));
    }

    @Test
    @DisplayName("an update changes only the fields sent, an explicit null clears one, the rest stays as seeded")
    void updateIsPartial() {
        Map<String, Object> input = new HashMap<>();
        input.put("iso3", "KEN");
        input.put("mission", "UNMISS");
        input.put("year", 2016);
        input.put("total", 960);
        input.put("troops", null);
        var response = editor().operation("updateContribution", Map.of("input", input));
        assertTrue(response.errors().isMissingNode(), response.body().toString());
        Map<String, String> cells = row(response.data().path("updateContribution"));
        assertEquals("CONTRIBUTION:KEN:UNMISS:2016", response.data().path("updateContribution").path("id").asText());
        assertEquals("960", cells.get("total"));
        assertFalse(cells.containsKey("troops"));
        assertEquals("estimate", cells.get("confidence"));
        assertTrue(cells.get("source").startsWith("Geo-PKO v2.3"), cells.get("source"));
        // the extra column the seed carries (sites) is kept as a property
        assertEquals("3", cells.get("sites"));
        assertEquals(1, count("""
                MATCH (:Country {iso3: 'KEN'})-[r:CONTRIBUTES_TO {id: 'CONTRIBUTION:KEN:UNMISS:2016'}]->(:Mission)
                WHERE r.total = 960 AND r.troops IS NULL AND r.sites = '3' AND r.updatedBy = 'alice'
                RETURN count(r)""", Map.of()));

        var negative = editor().operation("updateContribution",
                Map.of("input", Map.of("iso3", "KEN", "mission", "UNMISS", "year", 2016, "women", -1)));
        assertEquals("BAD_USER_INPUT", negative.errorCode());
        assertEquals("input.women: -1 is negative: counts are non-negative integers",
                negative.errors().path(0).path("message").asText());
        assertEquals(1, count("MATCH ()-[r:CONTRIBUTES_TO {id: 'CONTRIBUTION:KEN:UNMISS:2016'}]->() WHERE r.women IS NULL RETURN count(r)", Map.of()));
    }

    @Test
    @DisplayName("an actor training itself, and a delivery above what was pledged, are refused and write nothing")
    void domainRules() {
        var self = editor().query("mutation($input: TrainingInput!) { createTraining(input: $input) { id } }",
                Map.of("input", Map.of("trainer", "KEN", "trainee", "KEN", "year", 2020, "confidence", "REPORTED",
                        "source", "https://example.org")));
        assertEquals("BAD_USER_INPUT", self.errorCode());
        assertEquals("input.trainee: trainee 'KEN' is also the trainer: a partnership is between two different actors",
                self.errors().path(0).path("message").asText());
        assertEquals(0, count("MATCH (c:Country {iso3: 'KEN'})-[r:TRAINS]->(c) RETURN count(r)", Map.of()));

        var over = editor().query("mutation($input: PledgeInput!) { updatePledge(input: $input) { id } }",
                Map.of("input", Map.of("id", "seoul-2021-kor-helicopters", "deliveredQuantity", 20)));
        assertEquals("BAD_USER_INPUT", over.errorCode());
        assertEquals("input.deliveredQuantity: delivered_quantity 20 is more than the quantity 16",
                over.errors().path(0).path("message").asText());
        assertEquals(6, count("MATCH (p:Pledge {id: 'seoul-2021-kor-helicopters'}) RETURN p.deliveredQuantity", Map.of()));
    }

    @Test
    @DisplayName("deleting a referenced country is refused with what references it; cascade deletes it and its dependents")
    void deleteReferencedCountry() {
        long contributions = count("MATCH (:Country {iso3: 'NPL'})-[r:CONTRIBUTES_TO]->() RETURN count(r)", Map.of());
        assertTrue(contributions > 0);
        var refused = editor().operation("deleteCountry", Map.of("iso3", "NPL"));
        assertEquals("BAD_USER_INPUT", refused.errorCode());
        String message = refused.errors().path(0).path("message").asText();
        assertTrue(message.startsWith("Country 'NPL' is referenced by "), message);
        assertTrue(message.contains(contributions + " CONTRIBUTES_TO"), message);
        assertTrue(message.endsWith("delete those first, or pass cascade: true to delete them with it"), message);
        assertEquals(1, count("MATCH (c:Country {iso3: 'NPL'}) RETURN count(c)", Map.of()));

        long deployments = count("MATCH (:Country {iso3: 'NPL'})-[:REPORTED]->(d) RETURN count(d)", Map.of());
        var deleted = editor().operation("deleteCountry", Map.of("iso3", "NPL", "cascade", true));
        assertTrue(deleted.errors().isMissingNode(), deleted.body().toString());
        Map<String, Long> removed = new HashMap<>();
        deleted.data().path("deleteCountry").path("removed").forEach(r -> removed.put(r.path("what").asText(), r.path("count").asLong()));
        assertEquals(contributions, removed.get("CONTRIBUTES_TO"));
        assertEquals(deployments, removed.get("Deployment"));
        assertEquals(0, count("MATCH (c:Country {iso3: 'NPL'}) RETURN count(c)", Map.of()));
        assertEquals(0, count("MATCH (d:Deployment {iso3: 'NPL'}) RETURN count(d)", Map.of()));
    }

    @Test
    @DisplayName("a mutation without a token, with a bad token or without the editor role writes nothing and answers 200 with the code")
    void accessIsChecked() {
        var none = anonymous().operation("createMission", Map.of("input", mission("TESTC")));
        assertEquals(200, none.status());
        assertEquals("UNAUTHENTICATED", none.errorCode());
        assertEquals("This needs a bearer token (Authorization: Bearer <JWT>)", none.errors().path(0).path("message").asText());

        var forged = anonymous().withToken(Tokens.mint("another-secret-another-secret-another-secret", "mallory",
                List.of("editor"), Duration.ofHours(1))).operation("createMission", Map.of("input", mission("TESTC")));
        assertEquals(200, forged.status());
        assertEquals("UNAUTHENTICATED", forged.errorCode());
        assertEquals("The bearer token is invalid or expired", forged.errors().path(0).path("message").asText());

        var expired = anonymous().withToken(Tokens.mint(SECRET, "alice", List.of("editor"), Duration.ofSeconds(-120)))
                .operation("createMission", Map.of("input", mission("TESTC")));
        assertEquals("UNAUTHENTICATED", expired.errorCode());

        var reader = anonymous().withToken(Tokens.mint(SECRET, "bob", List.of("reader"), Duration.ofHours(1)))
                .operation("createMission", Map.of("input", mission("TESTC")));
        assertEquals(200, reader.status());
        assertEquals("FORBIDDEN", reader.errorCode());
        assertEquals("Writing needs the role 'editor'; the token of 'bob' has [reader]",
                reader.errors().path(0).path("message").asText());
        assertEquals(0, count("MATCH (m:Mission {acronym: 'TESTC'}) RETURN count(m)", Map.of()));

        // queries stay open, with or without a token
        assertEquals("MINUSCA", anonymous().operation("missionByAcronym", Map.of("acronym", "MINUSCA"))
                .data().path("mission").path("acronym").asText());
    }
}
