package org.partnershipexplorer.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.partnershipexplorer.analytics.SupportInputs.Served;
import org.partnershipexplorer.analytics.SupportInputs.Span;
import org.partnershipexplorer.analytics.SupportInputs.Total;
import org.partnershipexplorer.analytics.SupportScore.CountryFacts;

/**
 * One read cut into years: who contributes, who provides, and which relationships fall in a year's window.
 * AAA has a UN total dated 2021; BBB's 2021 total is 0; CCC is on the 2021 Geo-PKO maps without a 2021 total, and on
 * the 2018 maps with a total of 2017. No UN total is dated 2018, so 2018 falls back to the maps.
 */
@DisplayName("the support inputs of one year")
class SupportInputsTest {

    static final SupportInputs INPUTS = new SupportInputs(
            List.of(new Span("USA", "AAA", 2020, 2020, true, 2),
                    new Span("ILL", "AAA", 2021, 2021, false, 1),
                    new Span("FRA", "CCC", 2015, 2018, true, 1)),
            List.of(new Served(2021, "CCC", "Africa", List.of("UNMISS")),
                    new Served(2021, "AAA", "Asia", List.of("MINUSCA")),
                    new Served(2018, "CCC", "Africa", List.of("UNMISS"))),
            List.of(new Total("AAA", "Asia", "2021-01-31", 900, 90),
                    new Total("AAA", "Asia", "2021-06-30", 1000, 100),
                    new Total("BBB", "Europe", "2021-01-31", 0, null),
                    new Total("CCC", "Africa", "2017-12-31", 300, null)),
            Set.of("MINUSCA", "UNMISS"));

    static Map<String, CountryFacts> facts(SupportScore.Inputs inputs) {
        Map<String, CountryFacts> byIso3 = new TreeMap<>();
        inputs.facts().forEach(f -> byIso3.put(f.iso3(), f));
        return byIso3;
    }

    @Test
    @DisplayName("2021: the contributors are those with a UN total dated in it above 0, with the newest total")
    void contributorsFromUnTotals() {
        var year = INPUTS.year(2021, 3);
        var facts = facts(year);
        assertEquals(new CountryFacts("AAA", "Asia", List.of("MINUSCA"), true, 1000, 100, "2021-06-30"),
                facts.get("AAA"));
        assertEquals(false, facts.get("BBB").contributor());
        assertEquals(new CountryFacts("CCC", "Africa", List.of("UNMISS"), false, 300, null, "2017-12-31"),
                facts.get("CCC"));
    }

    @Test
    @DisplayName("2018 has no UN total, so its Geo-PKO contributors count, with their newest total up to it")
    void geoPkoWhereNoUnTotal() {
        var facts = facts(INPUTS.year(2018, 3));
        assertEquals(Set.of("CCC"), Set.copyOf(facts.values().stream().filter(CountryFacts::contributor)
                .map(CountryFacts::iso3).toList()));
        assertEquals(300, facts.get("CCC").personnel());
    }

    @Test
    @DisplayName("providers gave a sourced relationship in the window; an unsourced one counts as support only")
    void providersAreSourced() {
        var year = INPUTS.year(2021, 3);
        assertEquals(Set.of("USA"), year.providers());
        assertEquals(Set.of("ILL", "USA"), year.graph().providersOf("AAA").keySet());
        // FRA's 2015-2018 course ran in 2018-2020's window before, not in 2019-2021's
        assertEquals(Set.of("FRA"), year.previous().providersOf("CCC").keySet());
        assertEquals(Set.of("USA"), year.previous().providersOf("AAA").keySet());
        assertEquals(Set.of(), year.graph().providersOf("CCC").keySet());
    }
}
