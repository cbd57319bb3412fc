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
 * The Support queries over HTTP on the frozen fixture. Expected values come from
 * src/test/resources/analytics/seed_expectations.py (the fixture's CSV files and networkx, independent of the
 * service). The fixture's 2021 UN totals name 122 contributors; in 2019-2021 it has few sourced partnerships (JPN's
 * to UGA and the UN, KOR's and USA's to KEN), so JPN, KOR and USA are that window's providers and most of the other
 * contributors receive nothing. The graph measures are checked over every row, the illustrative ones included.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("support analysis over HTTP on the frozen fixture")
class SupportAnalyticsIT implements ServiceTest {

    @Inject
    EmbeddedServer server;

    @Inject
    SupportSettings settings;

    /** The graph measures' expected values count every row of the fixture, illustrative ones included. */
    static final List<String> EVERY = List.of("VERIFIED", "REPORTED", "ESTIMATE", "ILLUSTRATIVE");

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
    @DisplayName("isolatedContributors(2021): the 119 countries with a 2021 UN total that are not providers, BGD first")
    void isolatedContributors2021() {
        var response = client().operation("isolatedContributors", vars("year", 2021, "first", 3));
        assertEquals(200, response.status());
        assertTrue(response.errors().isMissingNode(), response.body().toString());
        JsonNode connection = response.data().path("isolatedContributors");
        assertEquals(119, connection.path("totalCount").asInt());
        assertEquals(List.of("BGD", "IND", "PAK"), texts(connection.path("edges"), "/node/country/iso3"));
        assertTrue(connection.path("pageInfo").path("hasNextPage").asBoolean());
        JsonNode bgd = connection.path("edges").path(0).path("node");
        assertEquals(0.7915446054655384, bgd.path("score").asDouble(), 1e-12);
        assertEquals(0.6445692899225823, connection.path("edges").path(1).path("node").path("score").asDouble(), 1e-12);
        assertEquals(0.6408832530901983, connection.path("edges").path(2).path("node").path("score").asDouble(), 1e-12);
        assertEquals(List.of("CONTRIBUTOR", "6711", "317", "2021-01-31", "0"), List.of(bgd.path("role").asText(),
                bgd.path("personnel").asText(), bgd.path("women").asText(), bgd.path("personnelAsOf").asText(),
                bgd.path("supportReceived").asText()));
        assertTrue(bgd.path("trend").isNull());
        assertEquals(List.of("MINURSO", "MINUSCA", "MINUSMA", "MONUSCO", "UNIFIL", "UNMISS"),
                texts(bgd.path("missions"), "/acronym"));
        assertEquals(0, bgd.path("providers").size());
        assertEquals(List.of("Received no training or donation in 2019-2021.",
                "6,711 uniformed personnel deployed (UN total of 2021-01-31) against 0 providers (3 or more would"
                        + " clear this).",
                "Lost its only provider of 2018-2020, USA, in 2019-2021.",
                "Has no training or donation partnership at all in 2019-2021, so it is cut off from the main"
                        + " partnership network (3 actors).",
                "Women are 4.7% of its 6,711 uniformed personnel (UN total of 2021-01-31), against the UN's target of"
                        + " 15%.",
                "1 of the 62 other contributors to MINURSO, MINUSCA, MINUSMA, MONUSCO, UNIFIL, UNMISS in 2021 have"
                        + " more providers than its 0."),
                texts(bgd.path("reasons"), "/text"));
        assertEquals(List.of("NO_SUPPORT", "HIGH_PERSONNEL_LOW_SUPPORT", "LOST_PROVIDERS", "SMALL_COMPONENT",
                "WOMEN_BELOW_TARGET", "PEERS_WELL_SUPPORTED"), texts(bgd.path("reasons"), "/code"));
        double[] weights = {0.31578947368421056, 0.18322423878396554, 0.15789473684210528, 0.07017543859649125,
            0.06276292468949576, 0.0016977928692699493};
        for (int i = 0; i < weights.length; i++) {
            assertEquals(weights[i], bgd.path("reasons").path(i).path("weight").asDouble(), 1e-12);
        }
        // one statement for the analysis, one each for the countries and the missions of the page (none of the
        // three has a provider, so the actor loader has nothing to load)
        assertEquals(3, response.statements());
    }

    @Test
    @DisplayName("the providers of 2019-2021 (JPN, KOR, USA) are not ranked, and the last is KEN, which two of them support")
    void providersLeaveTheRanking() {
        var response = client().operation("isolatedContributors", vars("year", 2021, "first", 500));
        JsonNode edges = response.data().path("isolatedContributors").path("edges");
        assertEquals(119, edges.size());
        List<String> ranked = texts(edges, "/node/country/iso3");
        assertFalse(ranked.contains("JPN") || ranked.contains("KOR") || ranked.contains("USA"), ranked.toString());
        JsonNode ken = edges.path(118).path("node");
        assertEquals("KEN", ken.path("country").path("iso3").asText());
        assertEquals(0.009783494881782772, ken.path("score").asDouble(), 1e-12);
        assertEquals(List.of("KOR", "USA"), texts(ken.path("providers"), "/id"));
        assertEquals(List.of("HIGH_PERSONNEL_LOW_SUPPORT"), texts(ken.path("reasons"), "/code"));
        assertFalse(response.data().path("isolatedContributors").path("pageInfo").path("hasNextPage").asBoolean());
    }

    @Test
    @DisplayName("offset cursors page through the ranking: after BGD, IND, PAK come NPL, EGY, RWA")
    void pagesByCursor() {
        var first = client().operation("isolatedContributors", vars("year", 2021, "first", 3));
        String cursor = first.data().path("isolatedContributors").path("pageInfo").path("endCursor").asText();
        var second = client().operation("isolatedContributors", vars("year", 2021, "first", 3, "after", cursor));
        assertEquals(List.of("NPL", "EGY", "RWA"),
                texts(second.data().path("isolatedContributors").path("edges"), "/node/country/iso3"));
    }

    @Test
    @DisplayName("filters: 35 African contributors, 13 in UNMISS, and 5 with at least 5,000 personnel")
    void filters() {
        var africa = client().operation("isolatedContributors", vars("year", 2021, "region", "Africa", "first", 3));
        assertEquals(35, africa.data().path("isolatedContributors").path("totalCount").asInt());
        assertEquals(List.of("EGY", "RWA", "ETH"),
                texts(africa.data().path("isolatedContributors").path("edges"), "/node/country/iso3"));
        var unmiss = client().operation("isolatedContributors", vars("year", 2021, "mission", "UNMISS", "first", 3));
        assertEquals(13, unmiss.data().path("isolatedContributors").path("totalCount").asInt());
        assertEquals(List.of("BGD", "IND", "PAK"),
                texts(unmiss.data().path("isolatedContributors").path("edges"), "/node/country/iso3"));
        var large = client().operation("isolatedContributors", vars("year", 2021, "minPersonnel", 5000));
        assertEquals(List.of("BGD", "IND", "NPL", "RWA", "ETH"),
                texts(large.data().path("isolatedContributors").path("edges"), "/node/country/iso3"));
    }

    @Test
    @DisplayName("2018 has no UN total, so its 65 Geo-PKO contributors are ranked; RWA leads, having lost JPN, the UN and USA")
    void geoPkoWhereTheYearHasNoUnTotal() {
        var response = client().operation("isolatedContributors", vars("year", 2018, "first", 1));
        JsonNode connection = response.data().path("isolatedContributors");
        assertEquals(65, connection.path("totalCount").asInt());
        JsonNode rwa = connection.path("edges").path(0).path("node");
        assertEquals("RWA", rwa.path("country").path("iso3").asText());
        assertEquals(0.7352612299980722, rwa.path("score").asDouble(), 1e-12);
        assertTrue(rwa.path("personnel").isNull());
        assertEquals("Lost 3 of its 3 providers of 2015-2017 in 2016-2018: JPN, UN, USA.",
                rwa.path("reasons").path(1).path("text").asText());
        assertEquals("Serves in 4 missions in 2018 (no dated UN personnel total up to 2018, so the number of missions"
                + " stands in for personnel) against 0 providers (3 or more would clear this).",
                rwa.path("reasons").path(2).path("text").asText());
    }

    @Test
    @DisplayName("since: BGD scored 0.359 in 2018 with USA as its provider, and has lost it by 2021")
    void trendSince() {
        var response = client().operation("isolatedContributors", vars("year", 2021, "since", 2018, "first", 1));
        assertTrue(response.errors().isMissingNode(), response.body().toString());
        JsonNode trend = response.data().path("isolatedContributors").path("edges").path(0).path("node").path("trend");
        assertEquals(2018, trend.path("since").asInt());
        assertEquals("CONTRIBUTOR", trend.path("roleThen").asText());
        assertEquals(0.3592442645074225, trend.path("scoreThen").asDouble(), 1e-12);
        assertEquals(List.of(), texts(trend.path("providersGained"), "/id"));
        assertEquals(List.of("USA"), texts(trend.path("providersLost"), "/id"));
        // both years come from one read of the support inputs; then the countries, missions and actors of the page
        assertEquals(4, response.statements());
        assertEquals("BAD_USER_INPUT", client().operation("isolatedContributors", vars("year", 2021, "since", 2021))
                .errorCode());
    }

    @Test
    @DisplayName("confidence: counting the illustrative rows as well makes EGY and RWA, which lost invented providers, second and third")
    void confidenceFilter() {
        var all = client().operation("isolatedContributors", vars("year", 2021, "first", 3, "confidence",
                List.of("VERIFIED", "REPORTED", "ESTIMATE", "ILLUSTRATIVE")));
        assertEquals(List.of("BGD", "EGY", "RWA"),
                texts(all.data().path("isolatedContributors").path("edges"), "/node/country/iso3"));
        assertEquals(0.8183859022559015, all.data().path("isolatedContributors").path("edges").path(0).path("node")
                .path("score").asDouble(), 1e-12);
        var empty = client().operation("isolatedContributors", vars("year", 2021, "confidence", List.of()));
        assertEquals("BAD_USER_INPUT", empty.errorCode());
    }

    @Test
    @DisplayName("supportProviders(2021): JPN carries the most (UGA and the UN depend on it alone), then KOR and USA")
    void providersView() {
        var response = client().query("""
                { supportProviders(year: 2021) { totalCount edges { node {
                    actor { id } year recipients given contributorsSupported soleRecipients { id } providers } } } }
                """);
        assertTrue(response.errors().isMissingNode(), response.body().toString());
        JsonNode providers = response.data().path("supportProviders");
        assertEquals(3, providers.path("totalCount").asInt());
        assertEquals(List.of("JPN", "KOR", "USA"), texts(providers.path("edges"), "/node/actor/id"));
        JsonNode jpn = providers.path("edges").path(0).path("node");
        assertEquals(List.of(2021, 2, 2, 1, 0), List.of(jpn.path("year").asInt(), jpn.path("recipients").asInt(),
                jpn.path("given").asInt(), jpn.path("contributorsSupported").asInt(), jpn.path("providers").asInt()));
        assertEquals(List.of("UGA", "UN"), texts(jpn.path("soleRecipients"), "/id"));
        JsonNode need = client().query("{ country(iso3: \"JPN\") { supportNeed(year: 2021) { role score reasons { code"
                + " text } } } }").data().path("country").path("supportNeed");
        assertEquals("PROVIDER", need.path("role").asText());
        assertEquals(0.0, need.path("score").asDouble());
        assertEquals("Trains or donates to 2 partners (2 trainings and donations) in 2019-2021; receives no support.",
                need.path("reasons").path(0).path("text").asText());
    }

    @Test
    @DisplayName("Country.supportSeries: RWA year by year, from one read of the inputs")
    void supportSeries() {
        var response = client().query("""
                { country(iso3: "RWA") { supportSeries(from: 2017, to: 2021) { year role score providers supportReceived personnel } } }
                """);
        assertTrue(response.errors().isMissingNode(), response.body().toString());
        JsonNode series = response.data().path("country").path("supportSeries");
        assertEquals(List.of("2017", "2018", "2019", "2020", "2021"), texts(series, "/year"));
        assertEquals(0.7352612299980722, series.path(1).path("score").asDouble(), 1e-12);
        assertEquals(0.6033109338811926, series.path(4).path("score").asDouble(), 1e-12);
        assertEquals("6378", series.path(4).path("personnel").asText());
        assertEquals(2, response.statements(), "the country, then one read of the inputs of the five years");
        assertEquals("BAD_USER_INPUT", client().query(
                "{ country(iso3: \"RWA\") { supportSeries(from: 2021, to: 2017) { year } } }").errorCode());
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
        assertEquals(0.590389225084089, byIso3.get("ETH").path("score").asDouble(), 1e-12);
        assertEquals(0.6033109338811926, byIso3.get("RWA").path("score").asDouble(), 1e-12);
        assertEquals(0.009783494881782772, byIso3.get("KEN").path("score").asDouble(), 1e-12);
        // SOM has no UN total dated 2021: neither contributor nor provider, 0 and no reason
        assertEquals("OTHER", byIso3.get("SOM").path("role").asText());
        assertEquals(0.0, byIso3.get("SOM").path("score").asDouble());
        assertEquals(0, byIso3.get("SOM").path("reasons").size());
        assertEquals(2, response.statements());
    }

    @Test
    @DisplayName("centrality: 57 actors; AU ranks first by PageRank, BGD, IND and JPN are the only brokers")
    void centrality() {
        var response = client().operation("centrality", vars("first", 500, "confidence", EVERY));
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
        assertEquals(List.of("AU", "KEN"), texts(client().operation("centrality",
                vars("first", 2, "confidence", EVERY)).data().path("centrality"), "/actor/id"));
    }

    @Test
    @DisplayName("components: the main network of 55 actors, and CHN's donation to the AU on its own")
    void components() {
        JsonNode list = client().operation("components", vars("confidence", EVERY)).data().path("components");
        assertEquals(2, list.size());
        assertEquals(55, list.path(0).path("size").asInt());
        assertEquals(0, list.path(0).path("index").asInt());
        assertEquals(List.of("AU", "CHN"), texts(list.path(1).path("members"), "/id"));
    }

    @Test
    @DisplayName("by default the graph measures leave the illustrative rows out: 22 actors in the main network, not 55")
    void graphMeasuresLeaveIllustrativeOutByDefault() {
        JsonNode list = client().operation("components", Map.of()).data().path("components");
        assertEquals(List.of("22", "2"), texts(list, "/size"));
        assertEquals(List.of("AU", "CHN"), texts(list.path(1).path("members"), "/id"));
    }

    @Test
    @DisplayName("criticalProviders: IND is the only provider of 12 recipients; BGD, IND and JPN are cut points")
    void criticalProviders() {
        JsonNode critical = client().operation("criticalProviders", vars("confidence", EVERY)).data()
                .path("criticalProviders");
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
        JsonNode w = client().operation("whatIf", vars("withdraw", List.of("IND"), "confidence", EVERY)).data()
                .path("whatIf");
        assertEquals(List.of("IND"), texts(w.path("withdrawn"), "/id"));
        assertEquals(12, w.path("orphanedRecipients").size());
        assertEquals(List.of(2, 13, 55, 43), List.of(w.path("componentsBefore").asInt(), w.path("componentsAfter").asInt(),
                w.path("largestBefore").asInt(), w.path("largestAfter").asInt()));
        assertEquals(13, w.path("components").size());
    }

    @Test
    @DisplayName("whatIf JPN and the UN withdraw: IND, KOR, MYS and TUR lose their only providers")
    void whatIfJapanAndUnWithdraw() {
        JsonNode w = client().operation("whatIf", vars("withdraw", List.of("JPN", "UN"), "confidence", EVERY)).data()
                .path("whatIf");
        assertEquals(List.of("IND", "KOR", "MYS", "TUR"), texts(w.path("orphanedRecipients"), "/id"));
        assertEquals(List.of(4, 51), List.of(w.path("componentsAfter").asInt(), w.path("largestAfter").asInt()));
    }

    @Test
    @DisplayName("suggestPartners for ETH in training: BGD (shares USA, four missions, 20 trainings), then JPN, then KOR")
    void suggestPartnersForEthiopia() {
        var response = client().operation("suggestPartners", vars("iso3", "ETH", "kinds", List.of("TRAINING"),
                "first", 3, "confidence", EVERY));
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
        JsonNode list = client().operation("suggestPartners", vars("iso3", "KEN", "confidence", EVERY)).data()
                .path("suggestPartners");
        assertEquals(List.of("CHN"), texts(list, "/provider/id"));
        assertEquals(0.9, list.path(0).path("score").asDouble(), 1e-12);
        assertEquals(List.of("MONUSCO", "UNAMID", "UNMIS", "UNMISS"),
                texts(list.path(0).path("sharedMissions"), "/acronym"));
    }

    @Test
    @DisplayName("duplicateSupport(2018): 19 recipients of the CUNPK course for Africa from both IND and USA; none in 2021")
    void duplicateSupport() {
        JsonNode list = client().operation("duplicateSupport", vars("year", 2018, "confidence", EVERY)).data()
                .path("duplicateSupport");
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
