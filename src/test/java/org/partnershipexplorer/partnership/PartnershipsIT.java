package org.partnershipexplorer.partnership;

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
@DisplayName("trains, trainedBy, donatesTo, receivesFrom, partners and programmes, over HTTP on the real seed")
class PartnershipsIT implements ServiceTest {

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

    @Test
    @DisplayName("Japan trains Kenya, Uganda, Rwanda and Tanzania under the TPP in 2015, all verified, the programme resolved")
    void japanTrainsUnderTpp() {
        var response = client().operation("actorPartnerships",
                Map.of("id", "JPN", "program", "TPP", "years", Map.of("from", 2015, "to", 2015)));
        assertTrue(response.errors().isMissingNode(), response.body().toString());
        JsonNode trains = response.data().path("actor").path("trains");
        assertEquals(List.of("KEN", "RWA", "TZA", "UGA"), texts(trains, "trainee", "id").stream().sorted().toList());
        trains.forEach(t -> {
            assertEquals("TRAINING", t.path("kind").asText());
            assertEquals(2015, t.path("year").asInt());
            assertEquals("VERIFIED", t.path("confidence").asText());
            assertEquals("JPN", t.path("trainer").path("id").asText());
            assertEquals("TPP", t.path("program").path("code").asText());
            assertTrue(t.path("source").asText().startsWith("https://unsoa.unmissions.org/"));
        });
        assertTrue(texts(trains, "id").contains("TRAINING:JPN:KEN:2015:TPP"));
        assertEquals("Kenya", trains.findValues("trainee").stream()
                .filter(n -> n.path("id").asText().equals("KEN")).findFirst().orElseThrow().path("name").asText());
    }

    @Test
    @DisplayName("all of Japan's TPP trainings: 17 over 2015-2022, oldest first; VERIFIED keeps the 6 sourced ones")
    void japanTppByConfidence() {
        var all = client().operation("actorPartnerships", Map.of("id", "JPN", "program", "TPP"));
        JsonNode trains = all.data().path("actor").path("trains");
        assertEquals(17, trains.size());
        List<Integer> years = new ArrayList<>();
        trains.forEach(t -> years.add(t.path("year").asInt()));
        assertEquals(years.stream().sorted().toList(), years);

        var verified = client().operation("actorPartnerships",
                Map.of("id", "JPN", "program", "TPP", "confidence", List.of("VERIFIED")));
        JsonNode sourced = verified.data().path("actor").path("trains");
        assertEquals(List.of("KEN", "RWA", "TZA", "UGA", "UGA", "IDN"), texts(sourced, "trainee", "id"));

        var limited = client().operation("actorPartnerships", Map.of("id", "JPN", "program", "TPP", "limit", 2));
        assertEquals(2, limited.data().path("actor").path("trains").size());
    }

    @Test
    @DisplayName("Korea donates 16 500MD helicopters to Kenya in 2021 (verified), seen from both ends")
    void koreaDonatesHelicoptersToKenya() {
        var kor = client().operation("actorPartnerships", Map.of("id", "KOR"));
        JsonNode donations = kor.data().path("actor").path("donatesTo");
        assertEquals(1, donations.size());
        JsonNode helicopters = donations.path(0);
        assertEquals("DONATION:KOR:KEN:2021:500MD helicopters", helicopters.path("id").asText());
        assertEquals("DONATION", helicopters.path("kind").asText());
        assertEquals("500MD helicopters", helicopters.path("item").asText());
        assertEquals(2021, helicopters.path("year").asInt());
        assertTrue(helicopters.path("endYear").isNull());
        assertEquals(16, helicopters.path("quantity").asInt());
        assertTrue(helicopters.path("valueUsd").isNull());
        assertEquals("VERIFIED", helicopters.path("confidence").asText());
        assertEquals("KOR", helicopters.path("donor").path("id").asText());
        assertEquals("Kenya", helicopters.path("recipient").path("name").asText());

        var ken = client().operation("actorPartnerships", Map.of("id", "KEN"));
        JsonNode received = ken.data().path("actor").path("receivesFrom");
        assertEquals(List.of("KOR", "USA"), texts(received, "provider", "id").stream().sorted().toList());
        assertEquals(List.of("BGD", "IND", "JPN", "UN", "USA"),
                texts(ken.data().path("actor").path("trainedBy"), "provider", "id").stream().sorted().toList());
        assertEquals(0, ken.data().path("actor").path("trains").size());
    }

    @Test
    @DisplayName("a donation running 2015-2022 overlaps the range 2020-2020: Japan's TPP funding to the UN")
    void multiYearDonationOverlapsRange() {
        var response = client().operation("actorPartnerships",
                Map.of("id", "JPN", "years", Map.of("from", 2020, "to", 2020)));
        JsonNode donations = response.data().path("actor").path("donatesTo");
        assertEquals(1, donations.size());
        assertEquals("UN", donations.path(0).path("recipient").path("id").asText());
        assertEquals(2015, donations.path(0).path("year").asInt());
        assertEquals(2022, donations.path(0).path("endYear").asInt());
        assertEquals(70000000, donations.path(0).path("valueUsd").asInt());
    }

    @Test
    @DisplayName("Kenya's partners: the US twice (a training and a donation), then five others once, all incoming")
    void kenyaPartners() {
        var response = client().operation("actorPartners", Map.of("id", "KEN"));
        JsonNode partners = response.data().path("actor").path("partners");
        assertEquals(List.of("USA", "BGD", "IND", "JPN", "KOR", "UN"), texts(partners, "actor", "id"));
        JsonNode usa = partners.path(0);
        assertEquals(2, usa.path("count").asInt());
        assertEquals("INCOMING", usa.path("direction").asText());
        assertEquals(List.of("TRAINING", "DONATION"), texts(usa.path("kinds")));
        assertEquals(2018, usa.path("firstYear").asInt());
        assertEquals(2021, usa.path("lastYear").asInt());
        assertEquals("Organization", partners.path(5).path("actor").path("__typename").asText());

        var outgoing = client().operation("actorPartners", Map.of("id", "KEN", "direction", "OUTGOING"));
        assertEquals(0, outgoing.data().path("actor").path("partners").size());
        var donations = client().operation("actorPartners", Map.of("id", "KEN", "kinds", List.of("DONATION")));
        assertEquals(List.of("KOR", "USA"), texts(donations.data().path("actor").path("partners"), "actor", "id"));
    }

    @Test
    @DisplayName("programmes page by code; the TPP has 22 trainings, 10 of them overlapping 2015-2016, and one donation")
    void programmes() {
        var page = client().operation("programs", Map.of("first", 5));
        JsonNode programs = page.data().path("programs");
        assertEquals(8, programs.path("totalCount").asInt());
        assertEquals(List.of("APRRP", "BIPSOT", "CUNPK-AFRICA", "CUNPK-UNWMOC", "ELSIE"),
                texts(programs.path("edges"), "node", "code"));
        assertTrue(programs.path("pageInfo").path("hasNextPage").asBoolean());
        Map<String, Object> next = new HashMap<>();
        next.put("first", 5);
        next.put("after", programs.path("pageInfo").path("endCursor").asText());
        assertEquals(List.of("GPOI", "KNDU-PKO", "TPP"),
                texts(client().operation("programs", next).data().path("programs").path("edges"), "node", "code"));

        var tpp = client().operation("programDetail", Map.of("code", "TPP"));
        assertEquals(22, tpp.data().path("program").path("trainings").size());
        assertEquals("JPN", tpp.data().path("program").path("donations").path(0).path("donor").path("id").asText());
        var early = client().operation("programDetail",
                Map.of("code", "TPP", "years", Map.of("from", 2015, "to", 2016)));
        assertEquals(10, early.data().path("program").path("trainings").size());

        var missing = client().operation("programDetail", Map.of("code", "NOPE"));
        assertEquals("NOT_FOUND", missing.errorCode());
    }

    @Test
    @DisplayName("a limit above 500 and a reversed year range are BAD_USER_INPUT naming the argument")
    void badArguments() {
        var tooMany = client().operation("actorPartnerships", Map.of("id", "JPN", "limit", 501));
        assertEquals("BAD_USER_INPUT", tooMany.errorCode());
        assertTrue(tooMany.errors().path(0).path("message").asText().startsWith("limit:"));
        var reversed = client().operation("actorPartnerships",
                Map.of("id", "JPN", "years", Map.of("from", 2020, "to", 2015)));
        assertEquals("BAD_USER_INPUT", reversed.errorCode());
    }
}
