package org.partnershipexplorer.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.partnershipexplorer.support.GraphQLClient;
import org.partnershipexplorer.support.ServiceTest;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("every stored object is a Node: its id, and node(id:), on the frozen seed")
class NodeIT implements ServiceTest {

    @Inject
    EmbeddedServer server;

    GraphQLClient client() {
        return new GraphQLClient(server.getURI());
    }

    /** One object of each of the thirteen Node types of the frozen seed, by id, with a field that tells it apart. */
    static final Map<String, String> ONE_OF_EACH = new LinkedHashMap<>();

    static {
        ONE_OF_EACH.put("KEN", "Country: Kenya");
        ONE_OF_EACH.put("AU", "Organization: African Union");
        ONE_OF_EACH.put("MISSION:UNMISS", "Mission: United Nations Mission in the Republic of South Sudan");
        ONE_OF_EACH.put("PROGRAM:TPP", "Program: UN Triangular Partnership Programme (Project)");
        ONE_OF_EACH.put("MEMBERSHIP:KEN:AU", "Membership: REPORTED");
        ONE_OF_EACH.put("DEPLOYMENT:KEN:2021-01-31", "Deployment: 162");
        ONE_OF_EACH.put("CONTRIBUTION:KEN:MONUSCO:2021", "Contribution: ESTIMATE");
        ONE_OF_EACH.put("TRAINING:JPN:KEN:2015:TPP", "Training: 2015");
        ONE_OF_EACH.put("DONATION:KOR:KEN:2021:500MD helicopters", "Donation: 500MD helicopters");
        ONE_OF_EACH.put("seoul-2021", "Ministerial: 2021 United Nations Peacekeeping Ministerial (Seoul)");
        ONE_OF_EACH.put("seoul-2021-kor-helicopters", "Pledge: CAPABILITY");
        ONE_OF_EACH.put("ATTENDANCE:USA:new-york-2015", "Attendance: HOST");
        ONE_OF_EACH.put("us-003", "Source: Global Peace Operations Initiative");
    }

    static final String NODE_FIELDS = """
            __typename id
            ... on Actor { name }
            ... on Mission { name }
            ... on Program { name }
            ... on Ministerial { name }
            ... on Membership { confidence }
            ... on Contribution { confidence }
            ... on Deployment { total }
            ... on Training { year }
            ... on Donation { item }
            ... on Pledge { category }
            ... on Attendance { role }
            ... on Source { title }
            """;

    /** "Type: the field that tells it apart", as {@link #ONE_OF_EACH} has it. */
    static String described(JsonNode node) {
        JsonNode value = null;
        for (String field : List.of("name", "confidence", "total", "year", "item", "category", "role", "title")) {
            if (node.has(field)) {
                value = node.get(field);
            }
        }
        return node.path("__typename").asText() + ": " + (value == null ? "?" : value.asText());
    }

    @Test
    @DisplayName("the ids of every type: keys for actors and what the seed names by id, kind and key cells for the rest")
    void idsOfEveryType() {
        var response = client().query("""
                { country(iso3: "KEN") { id memberships { id } deployments { id }
                    contributions(years: {from: 2021, to: 2021}, mission: "MONUSCO") { id }
                    receivesFrom(years: {from: 2021, to: 2021}) { id } }
                  organization(code: "AU") { id }
                  mission(acronym: "UNMISS") { id }
                  program(code: "TPP") { id trainings(years: {from: 2015, to: 2015}) { id } }
                  source(id: "us-003") { id } }
                """);
        assertTrue(response.errors().isMissingNode(), response.errors().toString());
        JsonNode kenya = response.data().path("country");
        assertEquals("KEN", kenya.path("id").asText());
        assertEquals(List.of("MEMBERSHIP:KEN:AU"), texts(kenya.path("memberships"), "id"));
        assertEquals("DEPLOYMENT:KEN:2021-01-31", kenya.path("deployments").path(0).path("id").asText());
        assertEquals(List.of("CONTRIBUTION:KEN:MONUSCO:2021"), texts(kenya.path("contributions"), "id"));
        assertTrue(texts(kenya.path("receivesFrom"), "id").contains("DONATION:KOR:KEN:2021:500MD helicopters"),
                kenya.path("receivesFrom").toString());
        assertEquals("AU", response.data().path("organization").path("id").asText());
        assertEquals("MISSION:UNMISS", response.data().path("mission").path("id").asText());
        JsonNode tpp = response.data().path("program");
        assertEquals("PROGRAM:TPP", tpp.path("id").asText());
        assertTrue(texts(tpp.path("trainings"), "id").contains("TRAINING:JPN:KEN:2015:TPP"), tpp.toString());
        assertEquals("us-003", response.data().path("source").path("id").asText());

        var ministerial = client().query("""
                { ministerial(id: "new-york-2015") { id attendance { id } }
                  pledge(id: "seoul-2021-kor-helicopters") { id } }
                """);
        assertEquals("new-york-2015", ministerial.data().path("ministerial").path("id").asText());
        assertTrue(texts(ministerial.data().path("ministerial").path("attendance"), "id")
                .contains("ATTENDANCE:USA:new-york-2015"), ministerial.data().toString());
        assertEquals("seoul-2021-kor-helicopters", ministerial.data().path("pledge").path("id").asText());
    }

    @Test
    @DisplayName("node(id:) finds an object of each of the thirteen kinds, one batched statement per kind's loader")
    void nodeFindsEachKind() {
        StringBuilder query = new StringBuilder("query {");
        List<String> ids = new ArrayList<>(ONE_OF_EACH.keySet());
        for (int i = 0; i < ids.size(); i++) {
            query.append(" n").append(i).append(": node(id: \"").append(ids.get(i)).append("\") { ")
                    .append(NODE_FIELDS).append(" }");
        }
        var response = client().query(query.append(" }").toString());
        assertTrue(response.errors().isMissingNode(), response.errors().toString());
        for (int i = 0; i < ids.size(); i++) {
            JsonNode node = response.data().path("n" + i);
            assertEquals(ids.get(i), node.path("id").asText());
            assertEquals(ONE_OF_EACH.get(ids.get(i)), described(node));
        }
        // actors share a statement, and so do ministerials, pledges and sources: 13 lookups, 10 loaders
        assertEquals(10, response.statements());
    }

    @Test
    @DisplayName("several lookups of one kind cost one statement, and a node's nested fields one more a level")
    void lookupsOfAKindShareAStatement() {
        var actors = client().query("""
                { a: node(id: "KEN") { id } b: node(id: "UGA") { id } c: node(id: "EU") { id } d: node(id: "AU") { id } }
                """);
        assertEquals(Map.of("a", "KEN", "b", "UGA", "c", "EU", "d", "AU"), ids(actors.data()));
        assertEquals(1, actors.statements());

        var mission = client().query("""
                { node(id: "MISSION:UNMOGIP") { ... on Mission { acronym hosts { iso3 } } } }
                """);
        assertEquals("{\"node\":{\"acronym\":\"UNMOGIP\",\"hosts\":[{\"iso3\":\"IND\"},{\"iso3\":\"PAK\"}]}}",
                mission.data().toString());
        assertEquals(2, mission.statements());
    }

    @Test
    @DisplayName("an id of the right shape that nothing has answers null, without an error")
    void unknownIdIsNull() {
        var response = client().query("""
                { a: node(id: "XYZ") { id } b: node(id: "nowhere-2099") { id } c: node(id: "MISSION:NOPE") { id }
                  d: node(id: "TRAINING:JPN:KEN:1999") { id } e: node(id: "DEPLOYMENT:KEN:1999-12-31") { id }
                  f: node(id: "ATTENDANCE:KEN:seoul-2021") { id } }
                """);
        assertTrue(response.errors().isMissingNode(), response.errors().toString());
        assertEquals("{\"a\":null,\"b\":null,\"c\":null,\"d\":null,\"e\":null,\"f\":null}", response.data().toString());
    }

    @Test
    @DisplayName("text that is no id is BAD_USER_INPUT at the field, saying why; the other fields still answer")
    void malformedIdIsBadUserInput() {
        var response = client().query("""
                { bad: node(id: "mission:UNMISS") { id } good: node(id: "MISSION:UNMISS") { id } }
                """);
        assertEquals("BAD_USER_INPUT", response.errorCode());
        JsonNode error = response.errors().path(0);
        assertEquals("id: 'mission:UNMISS' is no id: 'mission' is no kind of object; an id is an iso3 or organisation"
                + " code (KEN, EU), a ministerial, pledge or source id (seoul-2021), or a kind and its key cells"
                + " (MISSION:UNMISS, PROGRAM:TPP, MEMBERSHIP:KEN:AU, DEPLOYMENT:KEN:2024-12-31,"
                + " CONTRIBUTION:KEN:UNMISS:2021, TRAINING:KOR:VNM:2021[:program], DONATION:JPN:KEN:2019:item,"
                + " ATTENDANCE:KOR:seoul-2021)", error.path("message").asText());
        assertEquals("[\"bad\"]", error.path("path").toString());
        assertEquals("id", error.path("extensions").path("argument").asText());
        assertTrue(response.data().path("bad").isNull());
        assertEquals("MISSION:UNMISS", response.data().path("good").path("id").asText());
    }

    @Test
    @DisplayName("normalised as Apollo's cache does, by id alone: no id names two objects, and node(id:) finds each")
    void normalisedByIdAlone() {
        var response = client().query("""
                { countries(first: 500) { edges { node { __typename id memberships { __typename id }
                    deployments { __typename id } contributions(years: {from: 2020, to: 2021}) { __typename id }
                    receivesFrom { __typename id } } } }
                  organizations(first: 500) { edges { node { __typename id
                    trains { __typename id program { __typename id } } donatesTo { __typename id } } } }
                  missions(first: 500) { edges { node { __typename id } } }
                  programs(first: 500) { edges { node { __typename id } } }
                  ministerials { edges { node { __typename id attendance { __typename id }
                    pledges { __typename id } } } }
                  sources(first: 500) { edges { node { __typename id } } } }
                """);
        assertTrue(response.errors().isMissingNode(), response.errors().toString());
        // the cache's store: one entry per id; a second object of another type under one id would overwrite it
        Map<String, String> store = new TreeMap<>();
        Map<String, Integer> perType = new TreeMap<>();
        List<String> clashes = new ArrayList<>();
        normalise(response.data(), store, perType, clashes);
        assertEquals(List.of(), clashes);
        assertEquals(13, perType.size(), perType.toString());
        // node(id:) answers each type under the id the cache keeps it by
        Map<String, String> firstOfType = new TreeMap<>();
        store.forEach((id, type) -> firstOfType.putIfAbsent(type, id));
        StringBuilder query = new StringBuilder("{");
        List<String> sample = new ArrayList<>(firstOfType.values());
        for (int i = 0; i < sample.size(); i++) {
            query.append(" n").append(i).append(": node(id: \"").append(sample.get(i)).append("\") { __typename id }");
        }
        var found = client().query(query.append(" }").toString());
        for (int i = 0; i < sample.size(); i++) {
            assertEquals(store.get(sample.get(i)), found.data().path("n" + i).path("__typename").asText(), sample.get(i));
            assertEquals(sample.get(i), found.data().path("n" + i).path("id").asText());
        }
    }

    private static void normalise(JsonNode value, Map<String, String> store, Map<String, Integer> perType,
            List<String> clashes) {
        if (value.isObject()) {
            if (value.has("id") && value.has("__typename")) {
                String type = value.get("__typename").asText();
                String previous = store.put(value.get("id").asText(), type);
                if (previous != null && !previous.equals(type)) {
                    clashes.add(value.get("id").asText() + " is a " + previous + " and a " + type);
                }
                perType.merge(type, 1, Integer::sum);
            }
            value.forEach(child -> normalise(child, store, perType, clashes));
        } else if (value.isArray()) {
            value.forEach(child -> normalise(child, store, perType, clashes));
        }
    }

    private static List<String> texts(JsonNode list, String field) {
        List<String> texts = new ArrayList<>();
        list.forEach(n -> texts.add(n.path(field).asText()));
        return texts;
    }

    private static Map<String, String> ids(JsonNode data) {
        Map<String, String> ids = new TreeMap<>();
        data.fields().forEachRemaining(e -> ids.put(e.getKey(), e.getValue().path("id").asText()));
        return ids;
    }
}
