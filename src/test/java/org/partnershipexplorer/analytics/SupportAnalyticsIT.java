package org.partnershipexplorer.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/**
 * The Support queries over HTTP on the real seed. Expected values come from
 * src/test/resources/analytics/seed_expectations.py (graph-seed/*.csv and networkx, independent of the service).
 * In 2019-2021 the seed has few partnerships (five trainings, two donations to KEN, JPN's 2015-2022 funding of the
 * UN), so most of 2021's 68 contributors receive nothing and sit outside the main network of 7 actors.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("support analysis over HTTP on the real seed")
class SupportAnalyticsIT implements ServiceTest {

    @Inject
    EmbeddedServer server;

    @Inject
    SupportSettings settings;

    GraphQLClient client() {
        return new GraphQLClient(server.getURI());
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.at(field).asText()));
        return out;
    }

    static Map<String, Object> vars(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    @DisplayName("the score's settings come from application.yml and equal the documented defaults")
    void settingsFromConfiguration() {
        assertEquals(SupportSettings.defaults(), settings);
    }

    @Test
    @DisplayName("isolatedContributors(2021): 68 contributors, ETH first (no support, 6,297 personnel), with readable reasons")
    void isolatedContributors2021() {
        var response = client().operation("isolatedContributors", vars("year", 2021, "first", 3));
        assertEquals(200, response.status());
        assertTrue(response.errors().isMissingNode(), response.body().toString());
        JsonNode connection = response.data().path("isolatedContributors");
        assertEquals(68, connection.path("totalCount").asInt());
        assertEquals(List.of("ETH", "BGD", "IND"), texts(connection.path("edges"), "/node/country/iso3"));
        assertTrue(connection.path("pageInfo").path("hasNextPage").asBoolean());
        JsonNode eth = connection.path("edges").path(0).path("node");
        assertEquals(0.7932233265851432, eth.path("score").asDouble(), 1e-12);
        assertEquals(0.782036740717346, connection.path("edges").path(1).path("node").path("score").asDouble(), 1e-12);
        assertEquals(0.7793675192895636, connection.path("edges").path(2).path("node").path("score").asDouble(), 1e-12);
        assertEquals("6297", eth.path("personnel").asText());
        assertEquals("2021-01-31", eth.path("personnelAsOf").asText());
        assertEquals("0", eth.path("supportReceived").asText());
        assertEquals(List.of("UNISFA", "UNMISS"), texts(eth.path("missions"), "/acronym"));
        assertEquals(0, eth.path("providers").size());
        assertEquals(List.of("NO_SUPPORT", "HIGH_PERSONNEL_LOW_SUPPORT", "SMALL_COMPONENT", "PEERS_WELL_SUPPORTED"),
                texts(eth.path("reasons"), "/code"));
        assertEquals(List.of("Received no training or donation in 2019-2021.",
                "6,297 uniformed personnel deployed (UN total of 2021-01-31) against 0 providers (3 or more would"
                        + " clear this).",
                "Has no training or donation partnership at all in 2019-2021, so it is cut off from the main"
                        + " partnership network (7 actors).",
                "2 of the 13 other contributors to UNISFA, UNMISS in 2021 have more providers than its 0."),
                texts(eth.path("reasons"), "/text"));
        double[] weights = {0.41176470588235287, 0.20304879523414132, 0.15126050420168066, 0.02714932126696832};
        for (int i = 0; i < weights.length; i++) {
            assertEquals(weights[i], eth.path("reasons").path(i).path("weight").asDouble(), 1e-12);
        }
        // one statement for the analysis, one each for the countries and the missions of the page (none of the
        // three has a provider, so the actor loader has nothing to load)
        assertEquals(3, response.statements());
    }

    @Test
    @DisplayName("the last of 2021 is KEN, which two donors (KOR, USA) support: only its small component and 162 personnel count")
    void lastPageEndsWithKenya() {
        var response = client().operation("isolatedContributors", vars("year", 2021, "first", 500));
        JsonNode edges = response.data().path("isolatedContributors").path("edges");
        assertEquals(68, edges.size());
        JsonNode ken = edges.path(67).path("node");
        assertEquals("KEN", ken.path("country").path("iso3").asText());
        assertEquals(0.11177483041409332, ken.path("score").asDouble(), 1e-12);
        assertEquals(List.of("KOR", "USA"), texts(ken.path("providers"), "/id"));
        assertEquals("2", ken.path("supportReceived").asText());
        assertEquals(List.of("SMALL_COMPONENT", "HIGH_PERSONNEL_LOW_SUPPORT"), texts(ken.path("reasons"), "/code"));
        assertEquals("Sits in a group of 3 actors cut off from the main partnership network (7 actors) in 2019-2021.",
                ken.path("reasons").path(0).path("text").asText());
        assertFalse(response.data().path("isolatedContributors").path("pageInfo").path("hasNextPage").asBoolean());
    }

    @Test
    @DisplayName("offset cursors page through the ranking: after ETH, BGD, IND come RWA, EGY, IDN")
    void pagesByCursor() {
        var first = client().operation("isolatedContributors", vars("year", 2021, "first", 3));
        String cursor = first.data().path("isolatedContributors").path("pageInfo").path("endCursor").asText();
        var second = client().operation("isolatedContributors", vars("year", 2021, "first", 3, "after", cursor));
        assertEquals(List.of("RWA", "EGY", "IDN"),
                texts(second.data().path("isolatedContributors").path("edges"), "/node/country/iso3"));
    }

    @Test
    @DisplayName("filters: 26 African contributors, 14 in UNMISS, and 5 with at least 5,000 personnel")
    void filters() {
        var africa = client().operation("isolatedContributors", vars("year", 2021, "region", "Africa", "first", 3));
        assertEquals(26, africa.data().path("isolatedContributors").path("totalCount").asInt());
        assertEquals(List.of("ETH", "RWA", "EGY"),
                texts(africa.data().path("isolatedContributors").path("edges"), "/node/country/iso3"));
        var unmiss = client().operation("isolatedContributors", vars("year", 2021, "mission", "UNMISS", "first", 3));
        assertEquals(14, unmiss.data().path("isolatedContributors").path("totalCount").asInt());
        assertEquals(List.of("ETH", "BGD", "IND"),
                texts(unmiss.data().path("isolatedContributors").path("edges"), "/node/country/iso3"));
        var large = client().operation("isolatedContributors", vars("year", 2021, "minPersonnel", 5000));
        assertEquals(List.of("ETH", "BGD", "IND", "RWA", "NPL"),
                texts(large.data().path("isolatedContributors").path("edges"), "/node/country/iso3"));
    }

    @Test
    @DisplayName("in 2018, with no dated UN total yet, CHN leads: five missions stand in for its personnel")
    void missionsStandInForPersonnel() {
        var response = client().operation("isolatedContributors", vars("year", 2018, "first", 1));
        JsonNode connection = response.data().path("isolatedContributors");
        assertEquals(67, connection.path("totalCount").asInt());
        JsonNode chn = connection.path("edges").path(0).path("node");
        assertEquals("CHN", chn.path("country").path("iso3").asText());
        assertEquals(0.8693794943060464, chn.path("score").asDouble(), 1e-12);
        assertTrue(chn.path("personnel").isNull());
        assertEquals("Serves in 5 missions in 2018 (no dated UN personnel total up to 2018, so the number of missions"
                + " stands in for personnel) against 0 providers (3 or more would clear this).",
                chn.path("reasons").path(2).path("text").asText());
    }

    @Test
    @DisplayName("Country.supportNeed gives the same scores, for 55 African countries in two statements")
    void supportNeedOnCountries() {
        var response = client().operation("supportNeedOfCountries", vars("region", "Africa", "year", 2021));
        assertTrue(response.errors().isMissingNode(), response.body().toString());
        Map<String, JsonNode> byIso3 = new HashMap<>();
        response.data().path("countries").path("edges").forEach(e -> byIso3.put(e.path("node").path("iso3").asText(),
                e.path("node").path("supportNeed")));
        assertEquals(55, byIso3.size());
        assertEquals(0.7932233265851432, byIso3.get("ETH").path("score").asDouble(), 1e-12);
        assertEquals(0.7790330553473761, byIso3.get("RWA").path("score").asDouble(), 1e-12);
        assertEquals(0.11177483041409332, byIso3.get("KEN").path("score").asDouble(), 1e-12);
        // DZA served in no mission in 2021: 0 and no reason
        assertEquals(0.0, byIso3.get("DZA").path("score").asDouble());
        assertEquals(0, byIso3.get("DZA").path("reasons").size());
        assertEquals(2, response.statements());
    }

    @Test
    @DisplayName("centrality: 57 actors; AU ranks first by PageRank, BGD, IND and JPN are the only brokers")
    void centrality() {
        var response = client().operation("centrality", vars("first", 500));
        JsonNode list = response.data().path("centrality");
        assertEquals(57, list.size());
        assertEquals("AU", list.path(0).path("actor").path("id").asText());
        assertEquals(0.029297756692903115, list.path(0).path("pageRank").asDouble(), 1e-8);
        Map<String, JsonNode> byId = new HashMap<>();
        list.forEach(n -> byId.put(n.path("actor").path("id").asText(), n));
        assertEquals(List.of("7", "0", "6", "0"), List.of(byId.get("KEN").path("inDegree").asText(),
                byId.get("KEN").path("outDegree").asText(), byId.get("KEN").path("inPartners").asText(),
                byId.get("KEN").path("outPartners").asText()));
        assertEquals(0.026035149027969856, byId.get("KEN").path("pageRank").asDouble(), 1e-8);
        assertEquals(List.of("56", "40"), List.of(byId.get("IND").path("outDegree").asText(),
                byId.get("IND").path("outPartners").asText()));
        assertEquals(26.5, byId.get("BGD").path("betweenness").asDouble());
        assertEquals(25.5, byId.get("IND").path("betweenness").asDouble());
        assertEquals(13.0, byId.get("JPN").path("betweenness").asDouble());
        assertEquals(3, byId.values().stream().filter(n -> n.path("betweenness").asDouble() > 0).count());
        assertEquals(2, response.statements(), "one statement for the graph, one for the actors' names");
        assertEquals(List.of("AU", "KEN"), texts(client().operation("centrality", vars("first", 2))
                .data().path("centrality"), "/actor/id"));
    }

    @Test
    @DisplayName("components: the main network of 55 actors, and CHN's donation to the AU on its own")
    void components() {
        JsonNode list = client().operation("components", Map.of()).data().path("components");
        assertEquals(2, list.size());
        assertEquals(55, list.path(0).path("size").asInt());
        assertEquals(0, list.path(0).path("index").asInt());
        assertEquals(List.of("AU", "CHN"), texts(list.path(1).path("members"), "/id"));
    }

    @Test
    @DisplayName("criticalProviders: IND is the only provider of 12 recipients; BGD, IND and JPN are cut points")
    void criticalProviders() {
        JsonNode critical = client().operation("criticalProviders", Map.of()).data().path("criticalProviders");
        assertEquals(List.of("IND", "BGD", "JPN", "CHN"), texts(critical.path("providers"), "/provider/id"));
        assertEquals(List.of("BFA", "CHL", "GTM", "JPN", "KHM", "LKA", "NAM", "NLD", "SLE", "SLV", "TGO", "ZMB"),
                texts(critical.path("providers").path(0).path("soleRecipients"), "/id"));
        assertEquals(List.of("AU"), texts(critical.path("providers").path(3).path("soleRecipients"), "/id"));
        assertEquals(List.of("BGD", "IND", "JPN"), texts(critical.path("cutPoints"), "/actor/id"));
        // the pieces of the main component of 55 each leaves (AU and CHN are another component)
        assertEquals(List.of("49", "1", "1", "1", "1", "1"),
                texts(critical.path("cutPoints").path(0).path("separates"), "/size"));
        assertEquals(12, critical.path("cutPoints").path(1).path("separates").size());
        assertEquals("43", critical.path("cutPoints").path(1).path("separates").path(0).path("size").asText());
        assertEquals(List.of("52", "1", "1"), texts(critical.path("cutPoints").path(2).path("separates"), "/size"));
    }

    @Test
    @DisplayName("whatIf IND withdraws: 12 recipients are orphaned, 2 components become 13, the largest 55 becomes 43")
    void whatIfIndiaWithdraws() {
        JsonNode w = client().operation("whatIf", vars("withdraw", List.of("IND"))).data().path("whatIf");
        assertEquals(List.of("IND"), texts(w.path("withdrawn"), "/id"));
        assertEquals(12, w.path("orphanedRecipients").size());
        assertEquals(List.of(2, 13, 55, 43), List.of(w.path("componentsBefore").asInt(), w.path("componentsAfter").asInt(),
                w.path("largestBefore").asInt(), w.path("largestAfter").asInt()));
        assertEquals(13, w.path("components").size());
    }

    @Test
    @DisplayName("whatIf JPN and the UN withdraw: IND, KOR, MYS and TUR lose their only providers")
    void whatIfJapanAndUnWithdraw() {
        JsonNode w = client().operation("whatIf", vars("withdraw", List.of("JPN", "UN"))).data().path("whatIf");
        assertEquals(List.of("IND", "KOR", "MYS", "TUR"), texts(w.path("orphanedRecipients"), "/id"));
        assertEquals(List.of(4, 51), List.of(w.path("componentsAfter").asInt(), w.path("largestAfter").asInt()));
    }

    @Test
    @DisplayName("suggestPartners for ETH in training: BGD (shares USA, four missions, 20 trainings), then JPN, then KOR")
    void suggestPartnersForEthiopia() {
        var response = client().operation("suggestPartners", vars("iso3", "ETH", "kinds", List.of("TRAINING"),
                "first", 3));
        JsonNode list = response.data().path("suggestPartners");
        assertEquals(List.of("BGD", "JPN", "KOR"), texts(list, "/provider/id"));
        JsonNode bgd = list.path(0);
        assertEquals(2.618928988903801, bgd.path("score").asDouble(), 1e-12);
        assertEquals(0.318928988903801, bgd.path("adamicAdar").asDouble(), 1e-12);
        assertEquals(1, bgd.path("commonNeighbours").asInt());
        assertEquals(20, bgd.path("pastDeliveries").asInt());
        assertFalse(bgd.path("sameRegion").asBoolean());
        assertEquals(List.of("UNAMID", "UNISFA", "UNMIL", "UNMISS"), texts(bgd.path("sharedMissions"), "/acronym"));
        assertEquals(List.of("Shares 1 partner with ETH: USA (Adamic-Adar 0.32).",
                "Served alongside ETH in UNAMID, UNISFA, UNMIL, UNMISS.",
                "Has given 20 partnerships of the kinds asked to 20 recipients."), texts(bgd.path("reasons"), ""));
        assertEquals(1.9710850306818168, list.path(1).path("score").asDouble(), 1e-12);
        assertEquals(0.6, list.path(2).path("score").asDouble(), 1e-12);
    }

    @Test
    @DisplayName("suggestPartners for KEN: six of its providers already support it, so CHN is the one left")
    void suggestPartnersForKenya() {
        JsonNode list = client().operation("suggestPartners", vars("iso3", "KEN")).data().path("suggestPartners");
        assertEquals(List.of("CHN"), texts(list, "/provider/id"));
        assertEquals(0.9, list.path(0).path("score").asDouble(), 1e-12);
        assertEquals(List.of("MONUSCO", "UNAMID", "UNMIS", "UNMISS"),
                texts(list.path(0).path("sharedMissions"), "/acronym"));
    }

    @Test
    @DisplayName("duplicateSupport(2018): 19 recipients of the CUNPK course for Africa from both IND and USA; none in 2021")
    void duplicateSupport() {
        JsonNode list = client().operation("duplicateSupport", vars("year", 2018)).data().path("duplicateSupport");
        assertEquals(19, list.size());
        JsonNode first = list.path(0);
        assertEquals(List.of("BDI", "TRAINING", "CUNPK-AFRICA", "2018"), List.of(first.path("recipient").path("id")
                .asText(), first.path("kind").asText(), first.path("subject").asText(), first.path("year").asText()));
        assertEquals(List.of("IND", "USA"), texts(first.path("providers"), "/id"));
        assertEquals(List.of("TRAINING:IND:BDI:2018:CUNPK-AFRICA", "TRAINING:USA:BDI:2018:CUNPK-AFRICA"),
                texts(first.path("partnerships"), "/id"));
        assertEquals(List.of("IND", "USA"), texts(first.path("partnerships"), "/provider/id"));
        assertEquals(List.of("Training", "Training"), texts(first.path("partnerships"), "/__typename"));
        assertEquals(0, client().operation("duplicateSupport", vars("year", 2021)).data().path("duplicateSupport")
                .size());
    }

    @Test
    @DisplayName("bad input gets a clear error: unknown mission, actor or country, a year out of range, first over 500, a broken cursor")
    void errors() {
        assertEquals("NOT_FOUND", client().operation("isolatedContributors",
                vars("year", 2021, "mission", "NOPE")).errorCode());
        assertEquals("NOT_FOUND", client().operation("whatIf", vars("withdraw", List.of("IND", "XXX"))).errorCode());
        assertEquals("NOT_FOUND", client().operation("suggestPartners", vars("iso3", "XXX")).errorCode());
        var year = client().operation("isolatedContributors", vars("year", 1900));
        assertEquals("BAD_USER_INPUT", year.errorCode());
        assertEquals("year: year must be between 1945 and 2100, got 1900", year.errors().path(0).path("message").asText());
        assertEquals("BAD_USER_INPUT", client().operation("centrality", vars("first", 501)).errorCode());
        assertEquals("BAD_USER_INPUT", client().operation("isolatedContributors",
                vars("year", 2021, "after", "garbage")).errorCode());
        assertEquals("BAD_USER_INPUT", client().operation("isolatedContributors",
                vars("year", 2021, "minPersonnel", -1)).errorCode());
        assertEquals("BAD_USER_INPUT", client().operation("components",
                vars("years", Map.of("from", 2020, "to", 2010))).errorCode());
        assertEquals("BAD_USER_INPUT", client().operation("whatIf", vars("withdraw", List.of())).errorCode());
    }
}
