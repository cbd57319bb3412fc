package org.partnershipexplorer.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.partnershipexplorer.access.Tokens;
import org.partnershipexplorer.support.FreshServiceTest;
import org.partnershipexplorer.support.GraphQLClient;
import org.partnershipexplorer.support.TestNeo4j;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("a mutation's node: what was written, as the queries answer it")
class WrittenNodeIT implements FreshServiceTest {

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
        return Map.of("explorer.security.jwt-secret", WriteIT.SECRET);
    }

    GraphQLClient editor() {
        return new GraphQLClient(server.getURI())
                .withToken(Tokens.mint(WriteIT.SECRET, "alice", List.of("editor"), Duration.ofHours(1)));
    }

    GraphQLClient anonymous() {
        return new GraphQLClient(server.getURI());
    }

    long count(String cypher) {
        return neo4j().driver().executableQuery(cypher).execute().records().get(0).get(0).asLong();
    }

    static GraphQLClient.Response ok(GraphQLClient.Response response) {
        assertEquals(200, response.status());
        assertTrue(response.errors().isMissingNode(), response.body().toString());
        return response;
    }

    /** The node as a query would select it: the same fields without {@code __typename}. */
    static JsonNode withoutTypename(JsonNode node) {
        ObjectNode copy = node.deepCopy();
        copy.remove("__typename");
        return copy;
    }

    static List<String> texts(JsonNode list, String field) {
        List<String> out = new ArrayList<>();
        list.forEach(e -> out.add(e.path(field).asText()));
        return out;
    }

    static JsonNode find(JsonNode list, String field, String value) {
        for (JsonNode e : list) {
            if (value.equals(e.path(field).asText())) {
                return e;
            }
        }
        throw new AssertionError("no entry with " + field + " = " + value + " in " + list);
    }

    @Test
    @DisplayName("createMission answers the new mission with its nested hosts, equal to what the mission query then reads")
    void createMissionNode() {
        var response = ok(editor().operation("createMissionNode", Map.of("input", WriteIT.mission("NODEA"))));
        JsonNode result = response.data().path("createMission");
        assertEquals("Mission", result.path("kind").asText());
        JsonNode node = result.path("node");
        assertEquals("Mission", node.path("__typename").asText());
        assertEquals("NODEA", node.path("acronym").asText());
        assertEquals("Test Mission NODEA", node.path("name").asText());
        assertEquals(2030, node.path("startYear").intValue());
        assertTrue(node.path("endYear").isNull(), node.toString());
        assertEquals(List.of("KEN", "UGA"), texts(node.path("hosts"), "iso3"));
        assertEquals("REPORTED", node.path("confidence").asText());
        assertEquals("https://example.org/NODEA", node.path("source").asText());

        JsonNode read = ok(anonymous().operation("missionByAcronym", Map.of("acronym", "NODEA"))).data().path("mission");
        assertEquals(read, withoutTypename(node));

        // the node is one statement by key and its hosts one more, whatever the write itself took
        var plain = ok(editor().operation("createMission", Map.of("input", WriteIT.mission("NODEB"))));
        assertEquals(plain.statements() + 2, response.statements(),
                "with node: " + response.statements() + ", without: " + plain.statements());
    }

    @Test
    @DisplayName("createTraining answers the relationship by its stable id: trainer, trainee, year, programme, confidence and source as sent and as read")
    void createTrainingNode() {
        Map<String, Object> input = new HashMap<>();
        input.put("trainer", "JPN");
        input.put("trainee", "NPL");
        input.put("year", 2024);
        input.put("endYear", 2025);
        input.put("program", "TPP");
        input.put("topic", "node test: heavy engineering equipment course");
        input.put("trainees", 24);
        input.put("confidence", "VERIFIED");
        input.put("source", "https://example.org/training-node");
        JsonNode result = ok(editor().operation("createTrainingNode", Map.of("input", input)))
                .data().path("createTraining");
        assertEquals("TRAINING:JPN:NPL:2024:TPP", result.path("id").asText());
        JsonNode node = result.path("node");
        assertEquals("Training", node.path("__typename").asText());
        assertEquals("TRAINING:JPN:NPL:2024:TPP", node.path("id").asText());
        assertEquals("TRAINING", node.path("kind").asText());
        assertEquals("JPN", node.path("trainer").path("id").asText());
        assertEquals("NPL", node.path("trainee").path("id").asText());
        assertEquals("Nepal", node.path("trainee").path("name").asText());
        assertEquals(2024, node.path("year").intValue());
        assertEquals(2025, node.path("endYear").intValue());
        assertEquals("TPP", node.path("program").path("code").asText());
        assertEquals("UN Triangular Partnership Programme (Project)", node.path("program").path("name").asText());
        assertEquals("node test: heavy engineering equipment course", node.path("topic").asText());
        assertEquals(24, node.path("trainees").intValue());
        assertEquals("VERIFIED", node.path("confidence").asText());
        assertEquals("https://example.org/training-node", node.path("source").asText());

        JsonNode trains = ok(anonymous().operation("actorPartnerships", Map.of("id", "JPN",
                "years", Map.of("from", 2024, "to", 2024), "program", "TPP"))).data().path("actor").path("trains");
        assertEquals(find(trains, "id", "TRAINING:JPN:NPL:2024:TPP"), withoutTypename(node));
    }

    @Test
    @DisplayName("updateCountry answers the whole country after the update, nested deployments, memberships and contributions included, equal to the country query")
    void updateCountryNode() {
        Map<String, Object> input = new HashMap<>();
        input.put("iso3", "KEN");
        input.put("name", "Republic of Kenya");
        input.put("subregion", null);
        JsonNode result = ok(editor().operation("updateCountryNode", Map.of("input", input)))
                .data().path("updateCountry");
        assertEquals("KEN", result.path("id").asText());
        JsonNode node = result.path("node");
        assertEquals("Country", node.path("__typename").asText());
        assertEquals("KEN", node.path("iso3").asText());
        assertEquals("Republic of Kenya", node.path("name").asText());
        assertTrue(node.path("subregion").isNull(), node.toString());
        // what was not sent stays as seeded
        assertEquals("KE", node.path("iso2").asText());
        assertEquals("Africa", node.path("region").asText());
        assertEquals("African Group", node.path("unRegionalGroup").asText());
        assertTrue(node.path("unMember").booleanValue());
        assertEquals("VERIFIED", node.path("confidence").asText());
        assertTrue(node.path("source").asText().startsWith("npm world-countries 5.1.0"), node.path("source").asText());
        List<String> organizations = new ArrayList<>();
        node.path("memberships").forEach(m -> organizations.add(m.path("organization").path("code").asText()));
        assertTrue(organizations.contains("AU"), organizations.toString());
        assertEquals("2021-01-31", find(node.path("deployments"), "asOf", "2021-01-31").path("asOf").asText());
        assertEquals(162, find(node.path("deployments"), "asOf", "2021-01-31").path("total").intValue());

        JsonNode read = ok(anonymous().operation("countryProfile", Map.of("iso3", "KEN"))).data().path("country");
        assertEquals(read, withoutTypename(node));
    }

    @Test
    @DisplayName("a list under the node is loaded a level at a time, as in a query: not a statement per entry")
    void nodeListsAreBatched() {
        var plain = ok(editor().operation("updateCountryId", Map.of("input", Map.of("iso3", "KEN", "name", "Kenya"))));
        var nested = ok(editor().operation("updateCountryMissions",
                Map.of("input", Map.of("iso3", "KEN", "name", "Kenya"))));
        var read = ok(anonymous().operation("countryMissions", Map.of("iso3", "KEN")));
        JsonNode contributions = read.data().path("country").path("contributions");
        // KEN served in 8 missions over 44 contribution rows: per entry, this would be 8 statements more
        assertEquals(44, contributions.size());
        Set<String> missions = new HashSet<>();
        contributions.forEach(c -> missions.add(c.path("mission").path("acronym").asText()));
        assertEquals(8, missions.size(), missions.toString());
        assertEquals(read.data().path("country"), nested.data().path("updateCountry").path("node"));
        // the query fetches it all in country(iso3:)'s one statement (graphql.Prefetch); the node goes by its
        // loaders: the country, its contributions, their missions, three statements after the write
        assertEquals(1, read.statements());
        assertEquals(plain.statements() + 3, nested.statements(),
                "node: " + nested.statements() + ", write alone: " + plain.statements());
    }

    @Test
    @DisplayName("createDeployment answers the total by country and date, equal to the country's deployments as read")
    void createDeploymentNode() {
        Map<String, Object> input = new HashMap<>();
        input.put("iso3", "KEN");
        input.put("asOf", "2025-06-30");
        input.put("total", 300);
        input.put("women", 40);
        input.put("troops", 250);
        input.put("police", 50);
        input.put("confidence", "REPORTED");
        input.put("source", "https://example.org/deployment-node");
        JsonNode result = ok(editor().operation("createDeploymentNode", Map.of("input", input)))
                .data().path("createDeployment");
        assertEquals("KEN:2025-06-30", result.path("id").asText());
        JsonNode node = result.path("node");
        assertEquals("Deployment", node.path("__typename").asText());
        assertEquals("KEN", node.path("country").path("iso3").asText());
        assertEquals("2025-06-30", node.path("asOf").asText());
        assertEquals(300, node.path("total").intValue());
        assertEquals(40, node.path("women").intValue());
        assertEquals(250, node.path("troops").intValue());
        assertEquals(50, node.path("police").intValue());
        assertTrue(node.path("experts").isNull(), node.toString());
        assertEquals("REPORTED", node.path("confidence").asText());
        assertEquals("https://example.org/deployment-node", node.path("source").asText());

        JsonNode deployments = ok(anonymous().operation("deploymentsOfCountry", Map.of("iso3", "KEN")))
                .data().path("country").path("deployments");
        assertEquals(find(deployments, "asOf", "2025-06-30"), withoutTypename(node));
    }

    @Test
    @DisplayName("every kind answers its own object type; later fields of one request see what earlier ones created")
    void everyKind() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("country", Map.of("iso3", "TSA", "name", "Testland", "region", "Africa",
                "confidence", "ILLUSTRATIVE", "source", "https://example.org/tsa"));
        variables.put("organization", Map.of("code", "TSO", "name", "Test Organisation", "kind", "REGIONAL",
                "confidence", "ILLUSTRATIVE", "source", "https://example.org/tso"));
        variables.put("membership", Map.of("iso3", "TSA", "organization", "TSO", "since", 2020,
                "confidence", "ILLUSTRATIVE", "source", "https://example.org/tsa-tso"));
        variables.put("mission", Map.of("acronym", "TSM", "name", "Test Mission", "startYear", 2030,
                "hostIso3", List.of("TSA"), "confidence", "ILLUSTRATIVE", "source", "https://example.org/tsm"));
        variables.put("program", Map.of("code", "TSP", "name", "Test Programme", "url", "https://example.org/tsp",
                "confidence", "ILLUSTRATIVE", "source", "https://example.org/tsp"));
        variables.put("contribution", Map.of("iso3", "TSA", "mission", "TSM", "year", 2030, "total", 120,
                "asOf", "2030-06-30", "confidence", "ILLUSTRATIVE", "source", "https://example.org/tsa-tsm"));
        variables.put("deployment", Map.of("iso3", "TSA", "asOf", "2030-01-31", "total", 130, "women", 12,
                "confidence", "ILLUSTRATIVE", "source", "https://example.org/tsa-deployment"));
        variables.put("training", Map.of("trainer", "TSO", "trainee", "TSA", "year", 2030, "program", "TSP",
                "confidence", "ILLUSTRATIVE", "source", "https://example.org/tso-tsa-training"));
        variables.put("donation", Map.of("donor", "TSO", "recipient", "TSA", "year", 2030, "item", "radios",
                "quantity", 40, "confidence", "ILLUSTRATIVE", "source", "https://example.org/tso-tsa-radios"));
        variables.put("ministerial", Map.of("id", "test-2030", "name", "Test Ministerial", "startDate", "2030-03-01",
                "hostIso3", List.of("TSA"), "confidence", "ILLUSTRATIVE", "source", "https://example.org/test-2030"));
        variables.put("pledge", Map.of("id", "test-2030-tsa", "pledger", "TSA", "ministerial", "test-2030",
                "category", "CAPABILITY", "mission", "TSM", "status", "PLEDGED",
                "confidence", "ILLUSTRATIVE", "source", "https://example.org/test-2030-tsa"));
        variables.put("attendance", Map.of("actor", "TSO", "ministerial", "test-2030", "role", "CO_CHAIR",
                "level", "minister", "confidence", "ILLUSTRATIVE", "source", "https://example.org/test-2030-tso"));
        JsonNode data = ok(editor().operation("createEveryKind", variables)).data();

        Map<String, String> types = new LinkedHashMap<>();
        data.fieldNames().forEachRemaining(f -> types.put(f, data.path(f).path("node").path("__typename").asText()));
        Map<String, String> expected = new LinkedHashMap<>();
        for (String kind : List.of("Country", "Organization", "Membership", "Mission", "Program", "Contribution",
                "Deployment", "Training", "Donation", "Ministerial", "Pledge", "Attendance")) {
            expected.put(Character.toLowerCase(kind.charAt(0)) + kind.substring(1), kind);
            assertEquals(kind, data.path(Character.toLowerCase(kind.charAt(0)) + kind.substring(1)).path("kind").asText());
        }
        assertEquals(expected, types);

        assertEquals("Testland", data.at("/country/node/name").asText());
        assertEquals("REGIONAL", data.at("/organization/node/kind").asText());
        assertEquals("TSA", data.at("/membership/node/country/iso3").asText());
        assertEquals("TSO", data.at("/membership/node/organization/code").asText());
        assertEquals(2020, data.at("/membership/node/since").intValue());
        assertEquals("https://example.org/tsa-tso", data.at("/membership/node/source").asText());
        assertEquals(List.of("TSA"), texts(data.at("/mission/node/hosts"), "iso3"));
        assertTrue(data.at("/mission/node/active").booleanValue());
        assertEquals("https://example.org/tsp", data.at("/program/node/url").asText());
        assertEquals("CONTRIBUTION:TSA:TSM:2030", data.at("/contribution/node/id").asText());
        assertEquals("TSM", data.at("/contribution/node/mission/acronym").asText());
        assertEquals(120, data.at("/contribution/node/total").intValue());
        assertEquals("2030-06-30", data.at("/contribution/node/asOf").asText());
        assertEquals("2030-01-31", data.at("/deployment/node/asOf").asText());
        assertEquals(130, data.at("/deployment/node/total").intValue());
        assertEquals("TRAINING:TSO:TSA:2030:TSP", data.at("/training/node/id").asText());
        assertEquals("TSO", data.at("/training/node/trainer/id").asText());
        assertEquals("TSP", data.at("/training/node/program/code").asText());
        assertEquals("DONATION:TSO:TSA:2030:radios", data.at("/donation/node/id").asText());
        assertEquals("TSA", data.at("/donation/node/recipient/id").asText());
        assertEquals(40, data.at("/donation/node/quantity").intValue());
        assertEquals("2030-03-01", data.at("/ministerial/node/startDate").asText());
        assertEquals("TSA", data.at("/ministerial/node/host/iso3").asText());
        assertEquals("test-2030-tsa", data.at("/pledge/node/id").asText());
        assertEquals("TSA", data.at("/pledge/node/pledger/id").asText());
        assertEquals("PLEDGED", data.at("/pledge/node/status").asText());
        assertEquals("TSM", data.at("/pledge/node/mission/acronym").asText());
        assertEquals("TSO", data.at("/attendance/node/actor/id").asText());
        assertEquals("test-2030", data.at("/attendance/node/ministerial/id").asText());
        assertEquals("CO_CHAIR", data.at("/attendance/node/role").asText());
        assertEquals("minister", data.at("/attendance/node/level").asText());
    }

    @Test
    @DisplayName("a refused write answers no node, only the BAD_USER_INPUT error, and writes nothing")
    void refusedWriteHasNoNode() {
        Map<String, Object> input = WriteIT.mission("NODEX");
        input.put("startYear", 3000);
        var response = editor().operation("createMissionNode", Map.of("input", input));
        assertEquals(200, response.status());
        assertEquals("BAD_USER_INPUT", response.errorCode());
        assertEquals("input.startYear: year 3000 is out of range 1945..2100",
                response.errors().path(0).path("message").asText());
        // WriteResult! is non-null: the refused field nulls the whole data, so there is no node to read
        assertTrue(response.data().isNull() || response.data().path("createMission").isNull(), response.body().toString());
        assertTrue(response.data().path("createMission").path("node").isMissingNode(), response.body().toString());
        assertEquals(0, count("MATCH (m:Mission {acronym: 'NODEX'}) RETURN count(m)"));
    }

    @Test
    @DisplayName("two updates of one country in one request each answer the country as their own write left it")
    void laterFieldsSeeLaterWrites() {
        var response = ok(editor().operation("twoCountryUpdates", Map.of(
                "first", Map.of("iso3", "UGA", "name", "Uganda (first)"),
                "second", Map.of("iso3", "UGA", "name", "Uganda (second)"))));
        assertEquals("Uganda (first)", response.data().at("/first/node/name").asText());
        assertEquals("Uganda (second)", response.data().at("/second/node/name").asText());
    }
}
