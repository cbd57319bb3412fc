package org.partnershipexplorer.statistics;

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
@DisplayName("statistics, over HTTP on the real seed")
class StatisticsIT implements ServiceTest {

    @Inject
    EmbeddedServer server;

    GraphQLClient client() {
        return new GraphQLClient(server.getURI());
    }

    private JsonNode statistics(Map<String, Object> extra) {
        Map<String, Object> variables = new HashMap<>(Map.of("year", 2021));
        variables.putAll(extra);
        var response = client().operation("statistics", variables);
        assertTrue(response.errors().isMissingNode(), response.body().toString());
        return response.data().path("statistics");
    }

    private static JsonNode find(JsonNode list, String field, String value) {
        for (JsonNode item : list) {
            if (item.path(field).asText().equals(value)) {
                return item;
            }
        }
        throw new AssertionError("no " + field + " = " + value + " in " + list);
    }

    @Test
    @DisplayName("coverage: the frozen seed's 37 sourced trainings and donations by kind, provider and year, and its 2 sources")
    void coverageOfTheLoadedData() {
        var response = client().query("""
                { statistics { coverage { release loadedAt partnerships byKind { key count }
                    byProvider { key count } byYear { key count } sources publishers } } }""");

        assertTrue(response.errors().isMissingNode(), response.body().toString());
        JsonNode coverage = response.data().path("statistics").path("coverage");
        assertTrue(coverage.path("release").isNull(), "the frozen seed has no release.properties");
        assertEquals(37, coverage.path("partnerships").asInt());
        assertEquals("[{\"key\":\"DONATION\",\"count\":4},{\"key\":\"TRAINING\",\"count\":33}]",
                coverage.path("byKind").toString());
        assertEquals("[{\"key\":\"IND\",\"count\":12},{\"key\":\"JPN\",\"count\":8},{\"key\":\"USA\","
                + "\"count\":8},{\"key\":\"UN\",\"count\":5},{\"key\":\"KOR\",\"count\":3},{\"key\":\"CHN\","
                + "\"count\":1}]", coverage.path("byProvider").toString());
        assertEquals("[{\"key\":\"2015\",\"count\":18},{\"key\":\"2016\",\"count\":1},{\"key\":\"2017\","
                + "\"count\":12},{\"key\":\"2018\",\"count\":1},{\"key\":\"2019\",\"count\":1},{\"key\":"
                + "\"2021\",\"count\":2},{\"key\":\"2022\",\"count\":2}]", coverage.path("byYear").toString());
        assertEquals(2, coverage.path("sources").asInt());
        assertEquals(2, coverage.path("publishers").asInt());
    }

    @Test
    @DisplayName("MINUSMA in 2021: 26 contributors, 17860 troops estimated by Geo-PKO, one of unknown size, ESTIMATE")
    void minusma2021() {
        JsonNode missions = statistics(Map.of()).path("personnelByMission");
        assertEquals(10, missions.size());
        JsonNode minusma = null;
        for (JsonNode m : missions) {
            if (m.path("mission").path("acronym").asText().equals("MINUSMA")) {
                minusma = m;
            }
        }
        assertEquals(26, minusma.path("contributors").asInt());
        assertEquals(17860, minusma.path("estimatedTroops").asInt());
        assertEquals(1, minusma.path("contributorsWithUnknownSize").asInt());
        assertEquals("ESTIMATE", minusma.path("confidence").asText());
    }

    @Test
    @DisplayName("by region from the 122 UN totals of 2021-01-31 (the fullest date): Africa 39841 with 3581 women")
    void byRegion() {
        JsonNode regions = statistics(Map.of()).path("personnelByRegion");
        List<String> order = new ArrayList<>();
        regions.forEach(r -> order.add(r.path("region").asText()));
        assertEquals(List.of("Africa", "Asia", "Europe", "Americas", "Oceania"), order);
        JsonNode africa = regions.path(0);
        assertEquals("2021-01-31", africa.path("asOf").asText());
        assertEquals(39841, africa.path("total").asInt());
        assertEquals(3581, africa.path("women").asInt());
        assertEquals(35, africa.path("countries").asInt());
        assertEquals(3581.0 / 39841, africa.path("womenShare").asDouble(), 1e-9);

        JsonNode korea = statistics(Map.of("asOf", "2021-11-22")).path("personnelByRegion");
        assertEquals(1, korea.size());
        assertEquals(569, korea.path(0).path("total").asInt());
        assertTrue(korea.path(0).path("women").isNull(), "Korea's November total publishes no women");
        assertTrue(korea.path(0).path("womenShare").isNull());
    }

    @Test
    @DisplayName("by date: 81932 personnel (5763 women) from 122 countries on 2021-01-31; Korea alone on 2021-11-22")
    void byDate() {
        JsonNode dates = statistics(Map.of()).path("personnelByDate");
        assertEquals(2, dates.size());
        assertEquals("2021-01-31", dates.path(0).path("asOf").asText());
        assertEquals(81932, dates.path(0).path("total").asInt());
        assertEquals(5763, dates.path(0).path("women").asInt());
        assertEquals(122, dates.path(0).path("countries").asInt());
        assertEquals("2021-11-22", dates.path(1).path("asOf").asText());
        assertEquals(569, dates.path(1).path("total").asInt());
        assertTrue(dates.path(1).path("women").isNull());
    }

    @Test
    @DisplayName("partnerships active per year: 2018 has 62 trainings and 1 donation; verified trainings in 2017: 13")
    void partnershipsByYear() {
        JsonNode years = statistics(Map.of()).path("partnershipsByYear");
        int trainings2018 = -1;
        int donations2018 = -1;
        for (JsonNode y : years) {
            if (y.path("year").asInt() == 2018) {
                if (y.path("kind").asText().equals("TRAINING")) {
                    trainings2018 = y.path("count").asInt();
                } else {
                    donations2018 = y.path("count").asInt();
                }
            }
        }
        assertEquals(62, trainings2018);
        assertEquals(1, donations2018, "Japan's TPP funding runs 2015-2022");
        JsonNode verified = statistics(Map.of("kinds", List.of("TRAINING"), "confidence", List.of("VERIFIED")))
                .path("partnershipsByYear");
        assertEquals(6, verified.size());
        assertEquals("13", find(verified, "year", "2017").path("count").asText());
    }

    @Test
    @DisplayName("pledges by category and status: Seoul's 4 capability pledges, 1 delivered; overall 22 of unknown status")
    void pledgeCounts() {
        JsonNode seoul = statistics(Map.of("ministerial", "seoul-2021"));
        JsonNode capability = find(seoul.path("pledgesByCategory"), "key", "CAPABILITY");
        assertEquals(4, capability.path("count").asInt());
        assertEquals(1, capability.path("delivered").asInt());
        assertEquals("CAPABILITY", seoul.path("pledgesByCategory").path(0).path("key").asText());

        JsonNode all = statistics(Map.of());
        JsonNode byStatus = all.path("pledgesByStatus");
        assertEquals("UNKNOWN", byStatus.path(0).path("key").asText());
        assertEquals(22, byStatus.path(0).path("count").asInt());
        assertEquals(5, find(byStatus, "key", "DELIVERED").path("delivered").asInt());
        assertEquals(1, find(byStatus, "key", "IN_PROGRESS").path("count").asInt());
        assertEquals(10, find(all.path("pledgesByCategory"), "key", "CAPABILITY").path("count").asInt());
    }

    @Test
    @DisplayName("a malformed asOf is BAD_USER_INPUT naming the argument")
    void badDate() {
        var response = client().operation("statistics", Map.of("year", 2021, "asOf", "yesterday"));
        assertEquals("BAD_USER_INPUT", response.errorCode());
        assertTrue(response.errors().path(0).path("message").asText().startsWith("asOf:"));
    }
}
