package org.partnershipexplorer.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.partnershipexplorer.analytics.GraphMeasuresTest.graph;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.partnershipexplorer.deadline.Deadline;
import org.partnershipexplorer.deadline.RequestTimeoutException;

/**
 * Suggestions for KEN with the default weights (AA 1, CN 0.5, missions 1 over at most 5, region 0.5, past deliveries
 * 1 over at most 10). Partnerships: JPN>KEN, JPN>UGA, USA>UGA, USA>RWA, GBR>RWA, UGA>SOM, KEN>SOM, CHN>ETH twelve
 * times. KEN's neighbours are JPN and SOM; UGA's are JPN, USA and SOM: two common neighbours, each of degree 2.
 */
@DisplayName("partner suggestions on a graph worked out by hand")
class PartnerSuggestionsTest {

    static final PartnershipGraph G = graph("JPN>KEN", "JPN>UGA", "USA>UGA", "USA>RWA", "GBR>RWA", "UGA>SOM",
            "KEN>SOM", "CHN>ETH*12");
    static final Map<String, List<String>> SHARED = Map.of("UGA", List.of("UNMISS"),
            "CHN", List.of("MINUSCA", "UNMISS"));
    static final Map<String, String> REGIONS = Map.of("KEN", "Africa", "UGA", "Africa", "RWA", "Africa",
            "SOM", "Africa", "ETH", "Africa", "USA", "Americas", "GBR", "Europe", "CHN", "Asia", "JPN", "Asia");

    static List<PartnerSuggestion> suggest(PartnershipGraph g, String iso3, int first) {
        return PartnerSuggestions.suggest(iso3, g, SHARED, REGIONS, SupportSettings.defaults().suggestion(), first,
                Deadline.NONE);
    }

    @Test
    @DisplayName("UGA (2 common neighbours, AA 2/ln 2) before CHN (two shared missions, 12 deliveries) before USA and GBR")
    void ranking() {
        var s = suggest(G, "KEN", 10);
        assertEquals(List.of("UGA", "CHN", "USA", "GBR"), s.stream().map(PartnerSuggestion::providerId).toList());
        double aa = 2 / Math.log(2);
        assertEquals(aa + 0.5 * 2 + 1 / 5.0 + 0.5 + 1 / 10.0, s.get(0).score(), 1e-12);
        assertEquals(aa, s.get(0).adamicAdar(), 1e-12);
        assertEquals(2, s.get(0).commonNeighbours());
        assertEquals(true, s.get(0).sameRegion());
        assertEquals(1, s.get(0).pastDeliveries());
        assertEquals(List.of("Shares 2 partners with KEN: JPN, SOM (Adamic-Adar 2.89).", "Served alongside KEN in UNMISS.",
                "Also in Africa.", "Has given 1 partnership of the kinds asked to 1 recipient."), s.get(0).reasons());
        assertEquals(2 / 5.0 + 1.0, s.get(1).score(), 1e-12);
        assertEquals(12, s.get(1).pastDeliveries());
        assertEquals(0.2, s.get(2).score(), 1e-12);
        assertEquals(0.1, s.get(3).score(), 1e-12);
        assertEquals(List.of("Has given 1 partnership of the kinds asked to 1 recipient."), s.get(3).reasons());
    }

    @Test
    @DisplayName("the country itself and its current provider JPN are never suggested; first cuts the list")
    void excludesCurrentProviders() {
        assertEquals(List.of("UGA", "CHN"), suggest(G, "KEN", 2).stream().map(PartnerSuggestion::providerId).toList());
    }

    @Test
    @DisplayName("Adamic-Adar trap: a common neighbour that only receives, and a self-partnership, do not make it throw")
    void adamicAdarTrap() {
        // Directed, X has no successor; JGraphT's index would divide by ln(0) there. Undirected, X has degree 2.
        var g = graph("C>X", "P>X", "X>X*3");
        var s = suggest(g, "C", 10);
        assertEquals(1, s.size());
        assertEquals(1 / Math.log(2), s.get(0).adamicAdar(), 1e-12);
        assertEquals(1, s.get(0).commonNeighbours());
    }

    @Test
    @DisplayName("a country with no partnership and no shared mission: past deliveries rank CHN (12), JPN and USA (2), then 1 each")
    void countryOutsideTheGraph() {
        var s = PartnerSuggestions.suggest("NER", G, Map.of(), REGIONS, SupportSettings.defaults().suggestion(), 10,
                Deadline.NONE);
        assertEquals(List.of("CHN", "JPN", "USA", "GBR", "KEN", "UGA"),
                s.stream().map(PartnerSuggestion::providerId).toList());
        assertEquals(List.of(1.0, 0.2, 0.2, 0.1, 0.1, 0.1), s.stream().map(PartnerSuggestion::score).toList());
        assertEquals(0, s.get(0).commonNeighbours());
        assertEquals(0.0, s.get(0).adamicAdar());
    }

    @Test
    @DisplayName("the ranking stops when its request's deadline has passed")
    void stopsPastTheDeadline() {
        var readings = new java.util.concurrent.atomic.AtomicInteger();
        Deadline passed = GraphMeasuresTest.passingAt(2, readings);
        assertThrows(RequestTimeoutException.class, () -> PartnerSuggestions.suggest("KEN", G, SHARED, REGIONS,
                SupportSettings.defaults().suggestion(), 10, passed));
    }
}
