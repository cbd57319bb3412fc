package org.partnershipexplorer.ministerial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.partnershipexplorer.support.GraphQLClient;
import org.partnershipexplorer.support.ServiceTest;

@MicronautTest
// TestPropertyProvider (ServiceTest) is only read from a test instance that exists before the context starts
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("ministerials, pledges and attendance, over HTTP on the real seed")
class MinisterialsIT implements ServiceTest {

    @Inject
    EmbeddedServer server;

    GraphQLClient client() {
        return new GraphQLClient(server.getURI());
    }

    private static List<String> texts(JsonNode list, String... path) {
        List<String> values = new ArrayList<>();
        list.forEach(item -> {
            JsonNode node = item;
            for (String step : path) {
                node = node.path(step);
            }
            values.add(node.asText());
        });
        return values;
    }

    private static List<Object> figures(JsonNode f) {
        List<Object> values = new ArrayList<>();
        for (String name : List.of("participants", "ministerialLevel", "organizations", "pledgers",
                "capabilityPledgers", "trainingPledgers", "medicalPledgers", "womenPledgers", "environmentPledgers",
                "technologyPledgers")) {
            JsonNode value = f.path(name);
            values.add(value.isNull() ? null : value.asInt());
        }
        return values;
    }

    @Test
    @DisplayName("six ministerials, oldest first, paged by date and id")
    void ministerialsInDateOrder() {
        var first = client().operation("ministerials", Map.of("first", 4));
        JsonNode page = first.data().path("ministerials");
        assertEquals(6, page.path("totalCount").asInt());
        assertEquals(List.of("new-york-2015", "london-2016", "vancouver-2017", "new-york-2019"),
                texts(page.path("edges"), "node", "id"));
        assertTrue(page.path("edges").path(3).path("node").path("host").isNull(), "2019 has no host country");
        Map<String, Object> next = new HashMap<>();
        next.put("first", 4);
        next.put("after", page.path("pageInfo").path("endCursor").asText());
        JsonNode rest = client().operation("ministerials", next).data().path("ministerials");
        assertEquals(List.of("seoul-2021", "berlin-2025"), texts(rest.path("edges"), "node", "id"));
        assertEquals("KOR", rest.path("edges").path(0).path("node").path("host").path("iso3").asText());
        assertTrue(!rest.path("pageInfo").path("hasNextPage").asBoolean());
    }

    @Test
    @DisplayName("Seoul 2021: the published 77/45/2/62/36/45/18/23/7 beside what the graph records: 16 attendees, 5 pledgers")
    void seoulReportedAndRecorded() {
        var response = client().operation("ministerialFigures", Map.of("id", "seoul-2021"));
        assertTrue(response.errors().isMissingNode(), response.body().toString());
        JsonNode seoul = response.data().path("ministerial");
        assertEquals("Seoul", seoul.path("city").asText());
        assertEquals("2021-12-07", seoul.path("startDate").asText());
        assertEquals("2021-12-08", seoul.path("endDate").asText());
        assertEquals("KOR", seoul.path("host").path("iso3").asText());
        assertEquals("VERIFIED", seoul.path("confidence").asText());
        assertEquals(java.util.Arrays.asList(77, 45, 2, 62, 36, 45, 18, 23, 7, null), figures(seoul.path("reported")));
        // counted from attendance.csv (16 actors at seoul-2021, 2 at minister level, EU and NATO the organisations) and
        // pledges.csv (16 pledges by CAN, IDN, KOR, USA, VNM)
        assertEquals(List.of(16, 2, 2, 5, 3, 2, 2, 3, 0, 1), figures(seoul.path("recorded")));

        JsonNode attendance = seoul.path("attendance");
        assertEquals(16, attendance.size());
        assertEquals("KOR", attendance.path(0).path("actor").path("id").asText());
        assertEquals("HOST", attendance.path(0).path("role").asText());
        assertEquals("minister", attendance.path(0).path("level").asText());
        assertEquals(16, seoul.path("pledges").size());
        assertEquals(List.of("seoul-2021-idn-tpp-course", "seoul-2021-vnm-engineering-unisfa",
                "seoul-2021-vnm-hospital-unmiss"), texts(seoul.path("delivered"), "id"));
    }

    @Test
    @DisplayName("Berlin 2025's published technology pledgers (18) are kept")
    void berlinTechnology() {
        JsonNode berlin = client().operation("ministerialFigures", Map.of("id", "berlin-2025"))
                .data().path("ministerial");
        assertEquals(java.util.Arrays.asList(null, null, null, 74, 53, 59, null, 38, null, 18),
                figures(berlin.path("reported")));
        assertEquals("REPORTED", berlin.path("confidence").asText());
    }

    @Test
    @DisplayName("Korea's helicopter pledge: 16 pledged, 6 delivered in 2023, in progress, for Kenya")
    void koreanHelicopterPledge() {
        var response = client().operation("pledge", Map.of("id", "seoul-2021-kor-helicopters"));
        JsonNode pledge = response.data().path("pledge");
        assertEquals("CAPABILITY", pledge.path("category").asText());
        assertEquals(16, pledge.path("quantity").asInt());
        assertEquals("helicopters", pledge.path("unit").asText());
        assertEquals("IN_PROGRESS", pledge.path("status").asText());
        assertEquals(6, pledge.path("deliveredQuantity").asInt());
        assertEquals(2023, pledge.path("deliveredYear").asInt());
        assertEquals("KOR", pledge.path("pledger").path("id").asText());
        assertEquals("Seoul", pledge.path("ministerial").path("city").asText());
        assertEquals("KEN", pledge.path("beneficiary").path("id").asText());
        assertTrue(pledge.path("mission").isNull());
        assertEquals("VERIFIED", pledge.path("confidence").asText());
        assertEquals("NOT_FOUND", client().operation("pledge", Map.of("id", "nope")).errorCode());
    }

    @Test
    @DisplayName("pledges filter by ministerial, category, pledger and status: 28 in all, 4 Seoul capability, 5 delivered")
    void pledgeFilters() {
        assertEquals(28, client().operation("pledges", Map.of()).data().path("pledges").path("totalCount").asInt());
        JsonNode capability = client().operation("pledges", Map.of("ministerial", "seoul-2021",
                "category", "CAPABILITY")).data().path("pledges");
        assertEquals(4, capability.path("totalCount").asInt());
        assertEquals(List.of("seoul-2021-idn-personnel", "seoul-2021-kor-helicopters", "seoul-2021-kor-police",
                "seoul-2021-vnm-engineering-unisfa"), texts(capability.path("edges"), "node", "id"));
        assertEquals(5, client().operation("pledges", Map.of("status", "DELIVERED"))
                .data().path("pledges").path("totalCount").asInt());
        assertEquals(7, client().operation("pledges", Map.of("pledger", "KOR", "ministerial", "seoul-2021"))
                .data().path("pledges").path("totalCount").asInt());

        List<String> paged = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> variables = new HashMap<>();
            variables.put("first", 10);
            variables.put("after", after);
            JsonNode page = client().operation("pledges", variables).data().path("pledges");
            paged.addAll(texts(page.path("edges"), "node", "id"));
            after = page.path("pageInfo").path("hasNextPage").asBoolean()
                    ? page.path("pageInfo").path("endCursor").asText() : null;
        } while (after != null);
        assertEquals(28, paged.size());
        assertEquals(paged.stream().sorted().toList(), paged);
    }

    @Test
    @DisplayName("Korea's pledges and attendance seen from the actor")
    void koreaFromTheActor() {
        var response = client().operation("actorMinisterials", Map.of("id", "KOR"));
        JsonNode kor = response.data().path("actor");
        assertEquals(7, kor.path("pledges").size());
        assertTrue(texts(kor.path("attended"), "ministerial", "id").contains("seoul-2021"));
        var medical = client().operation("actorMinisterials", Map.of("id", "KOR", "category", "MEDICAL"));
        assertEquals(List.of("seoul-2021-kor-medical"), texts(medical.data().path("actor").path("pledges"), "id"));
        assertEquals("NOT_FOUND", client().operation("ministerialFigures", Map.of("id", "paris-1900")).errorCode());
    }

    @Test
    @DisplayName("a pledge lists the rows that delivered it, oldest first: Korea's helicopters by the 500MD donation,"
            + " Indonesia's TPP course by Japan's and the UN's 2022 courses; the others by none")
    void deliveredBy() {
        var korea = client().operation("pledgeDelivery", Map.of("id", "seoul-2021-kor-helicopters"));
        assertTrue(korea.errors().isMissingNode(), korea.body().toString());
        JsonNode helicopters = korea.data().path("pledge").path("deliveredBy");
        assertEquals(List.of("DONATION:KOR:KEN:2021:500MD helicopters"), texts(helicopters, "id"));
        assertEquals(List.of("DONATION"), texts(helicopters, "kind"));
        assertEquals(List.of("KOR"), texts(helicopters, "provider", "id"));
        assertEquals(List.of("KEN"), texts(helicopters, "recipient", "id"));
        assertEquals(List.of("500MD helicopters"), texts(helicopters, "item"));

        var indonesia = client().operation("pledgeDelivery",
                Map.of("id", "seoul-2021-idn-tpp-course", "ministerial", "seoul-2021"));
        assertTrue(indonesia.errors().isMissingNode(), indonesia.body().toString());
        JsonNode course = indonesia.data().path("pledge").path("deliveredBy");
        // the fixture names the UN's course first; the answer is by year, then id
        assertEquals(List.of("TRAINING:JPN:IDN:2022:TPP", "TRAINING:UN:IDN:2022:TPP"), texts(course, "id"));
        assertEquals(List.of("JPN", "UN"), texts(course, "provider", "id"));
        assertEquals(List.of("TPP", "TPP"), texts(course, "program", "code"));
        assertEquals(List.of(2022, 2022), List.of(course.path(0).path("year").asInt(), course.path(1).path("year").asInt()));

        Map<String, List<String>> linked = new HashMap<>();
        indonesia.data().path("pledges").path("edges").forEach(edge -> {
            if (!edge.path("node").path("deliveredBy").isEmpty()) {
                linked.put(edge.path("node").path("id").asText(), texts(edge.path("node").path("deliveredBy"), "id"));
            }
        });
        assertEquals(Map.of("seoul-2021-kor-helicopters", List.of("DONATION:KOR:KEN:2021:500MD helicopters"),
                "seoul-2021-idn-tpp-course", List.of("TRAINING:JPN:IDN:2022:TPP", "TRAINING:UN:IDN:2022:TPP")), linked);
    }

    private static List<Object> followUp(JsonNode f) {
        JsonNode share = f.path("trainingDeliveryShare");
        return java.util.Arrays.asList(f.path("pledges").asInt(), f.path("delivered").asInt(),
                f.path("inProgress").asInt(), f.path("unknown").asInt(), f.path("trainingPledges").asInt(),
                f.path("trainingPledgesDelivered").asInt(), share.isNull() ? null : share.asDouble());
    }

    @Test
    @DisplayName("pledge follow-up per ministerial and per pledger: Seoul 16 pledges, 3 delivered, 1 in progress, 12"
            + " unknown, 1 of 3 training pledges delivered; Indonesia 1 of 1")
    void followUpCounts() {
        var all = client().operation("pledgeFollowUp", Map.of());
        assertTrue(all.errors().isMissingNode(), all.body().toString());
        assertEquals(java.util.Arrays.asList(28, 5, 1, 22, 4, 1, 0.25), followUp(all.data().path("pledgeFollowUp")));
        assertEquals(0, all.data().path("pledgeFollowUp").path("lapsed").asInt());
        Map<String, List<Object>> perMinisterial = new HashMap<>();
        all.data().path("ministerials").path("edges").forEach(edge -> perMinisterial.put(
                edge.path("node").path("id").asText(), followUp(edge.path("node").path("followUp"))));
        assertEquals(Map.of(
                "new-york-2015", java.util.Arrays.asList(7, 1, 0, 6, 1, 0, 0.0),
                "london-2016", java.util.Arrays.asList(1, 0, 0, 1, 0, 0, null),
                "vancouver-2017", java.util.Arrays.asList(3, 1, 0, 2, 0, 0, null),
                "new-york-2019", java.util.Arrays.asList(0, 0, 0, 0, 0, 0, null),
                "seoul-2021", java.util.Arrays.asList(16, 3, 1, 12, 3, 1, 0.333),
                "berlin-2025", java.util.Arrays.asList(1, 0, 0, 1, 0, 0, null)), perMinisterial);

        assertEquals(java.util.Arrays.asList(16, 3, 1, 12, 3, 1, 0.333), followUp(client().operation("pledgeFollowUp",
                Map.of("ministerial", "seoul-2021")).data().path("pledgeFollowUp")));
        assertEquals(java.util.Arrays.asList(7, 0, 1, 6, 1, 0, 0.0), followUp(client().operation("pledgeFollowUp",
                Map.of("pledger", "KOR")).data().path("pledgeFollowUp")));
        assertEquals(java.util.Arrays.asList(3, 1, 0, 2, 1, 1, 1.0), followUp(client().operation("pledgeFollowUp",
                Map.of("pledger", "IDN", "ministerial", "seoul-2021")).data().path("pledgeFollowUp")));
        assertEquals("NOT_FOUND", client().operation("pledgeFollowUp", Map.of("pledger", "XYZ")).errorCode());
        assertEquals("NOT_FOUND", client().operation("pledgeFollowUp", Map.of("ministerial", "paris-1900")).errorCode());
    }
}
