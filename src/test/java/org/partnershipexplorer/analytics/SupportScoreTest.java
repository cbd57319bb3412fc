package org.partnershipexplorer.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.partnershipexplorer.analytics.GraphMeasuresTest.graph;
import static org.partnershipexplorer.analytics.SupportReasonCode.HIGH_PERSONNEL_LOW_SUPPORT;
import static org.partnershipexplorer.analytics.SupportReasonCode.NO_SUPPORT;
import static org.partnershipexplorer.analytics.SupportReasonCode.PEERS_WELL_SUPPORTED;
import static org.partnershipexplorer.analytics.SupportReasonCode.SINGLE_PROVIDER;
import static org.partnershipexplorer.analytics.SupportReasonCode.SMALL_COMPONENT;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.partnershipexplorer.analytics.SupportScore.CountryFacts;
import org.partnershipexplorer.deadline.Deadline;
import org.partnershipexplorer.deadline.RequestTimeoutException;

/**
 * A world of 2021 worked out by hand with the default settings (window 3 years, target 3 providers, half loads
 * 1000 personnel and 2 missions, weights 0.35 / 0.15 / 0.15 / 0.15 / 0.20, so the denominator is
 * max(0.35, 0.15) + 0.15 + 0.15 + 0.20 = 0.85).
 *
 * <p>Partnerships: JPN>KEN twice, USA>KEN, GBR>KEN, JPN>UGA (main component of 5) and FRA>NER (a component of 2).
 * Contributors: KEN (UNMISS, 1000 personnel), UGA (UNMISS, no dated total), RWA (UNMISS and MINUSCA, 4000),
 * NER (MINUSCA, 1000). JPN served nowhere.
 */
@DisplayName("the support-need score on a world worked out by hand")
class SupportScoreTest {

    static final PartnershipGraph WORLD = graph("JPN>KEN*2", "USA>KEN", "GBR>KEN", "JPN>UGA", "FRA>NER");
    static final List<CountryFacts> FACTS = List.of(
            new CountryFacts("KEN", "Africa", List.of("UNMISS"), 1000, "2021-12-31"),
            new CountryFacts("UGA", "Africa", List.of("UNMISS"), null, null),
            new CountryFacts("RWA", "Africa", List.of("MINUSCA", "UNMISS"), 4000, "2021-12-31"),
            new CountryFacts("NER", "Africa", List.of("MINUSCA"), 1000, "2021-11-30"),
            new CountryFacts("JPN", "Asia", List.of(), 6, "2021-12-31"));

    static SupportScore.Analysis analyse(SupportSettings settings) {
        return SupportScore.analyse(2021, Set.of("TRAINING", "DONATION"), WORLD, FACTS, settings, Deadline.NONE);
    }

    @Test
    @DisplayName("contributors are ranked RWA 0.78/0.85, NER 0.30667/0.85, UGA 0.26944/0.85, KEN 0")
    void ranking() {
        var ranked = analyse(SupportSettings.defaults()).ranked();
        assertEquals(List.of("RWA", "NER", "UGA", "KEN"), ranked.stream().map(SupportNeed::iso3).toList());
        assertEquals(0.78 / 0.85, ranked.get(0).score(), 1e-12);
        assertEquals((0.15 + 0.09 + 0.2 / 3) / 0.85, ranked.get(1).score(), 1e-12);
        assertEquals((0.15 + 0.075 + 0.2 * 2 / 9) / 0.85, ranked.get(2).score(), 1e-12);
        assertEquals(0.0, ranked.get(3).score());
    }

    @Test
    @DisplayName("RWA: no support, 4000 personnel, every peer supported, outside the network of 5")
    void aloneOnEveryCount() {
        SupportNeed rwa = analyse(SupportSettings.defaults()).of("RWA");
        List<SupportReason> expected = List.of(
                new SupportReason(NO_SUPPORT, 0.35 / 0.85, "Received no training or donation in 2019-2021."),
                new SupportReason(HIGH_PERSONNEL_LOW_SUPPORT, 0.2 * 0.8 / 0.85,
                        "4,000 uniformed personnel deployed (UN total of 2021-12-31) against 0 providers"
                                + " (3 or more would clear this)."),
                new SupportReason(PEERS_WELL_SUPPORTED, 0.15 / 0.85,
                        "3 of the 3 other contributors to MINUSCA, UNMISS in 2021 have more providers than its 0."),
                new SupportReason(SMALL_COMPONENT, 0.15 * 0.8 / 0.85,
                        "Has no training or donation partnership at all in 2019-2021, so it is cut off from the main"
                                + " partnership network (5 actors)."));
        assertReasons(expected, rwa.reasons());
        assertEquals(List.of(), rwa.providerIds());
        assertEquals(0, rwa.supportReceived());
        assertEquals(4000, rwa.personnel());
        assertEquals(List.of("MINUSCA", "UNMISS"), rwa.missionAcronyms());
    }

    static void assertReasons(List<SupportReason> expected, List<SupportReason> actual) {
        assertEquals(expected.stream().map(SupportReason::code).toList(),
                actual.stream().map(SupportReason::code).toList());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).weight(), actual.get(i).weight(), 1e-12, expected.get(i).code().name());
            assertEquals(expected.get(i).text(), actual.get(i).text());
        }
    }

    @Test
    @DisplayName("UGA: a single provider, one of its two peers better supported, one mission standing in for personnel")
    void singleProvider() {
        SupportNeed uga = analyse(SupportSettings.defaults()).of("UGA");
        assertEquals(List.of(SINGLE_PROVIDER, PEERS_WELL_SUPPORTED, HIGH_PERSONNEL_LOW_SUPPORT),
                uga.reasons().stream().map(SupportReason::code).toList());
        assertEquals(0.15 / 0.85, uga.reasons().get(0).weight(), 1e-12);
        assertEquals("Depends on a single provider, JPN, for the 1 training or donation it received in 2019-2021.",
                uga.reasons().get(0).text());
        assertEquals(0.15 * 0.5 / 0.85, uga.reasons().get(1).weight(), 1e-12);
        assertEquals("1 of the 2 other contributors to UNMISS in 2021 have more providers than its 1.",
                uga.reasons().get(1).text());
        assertEquals(0.2 * (1 / 3.0) * (2 / 3.0) / 0.85, uga.reasons().get(2).weight(), 1e-12);
        assertEquals("Serves in 1 mission in 2021 (no dated UN personnel total up to 2021, so the number of missions"
                + " stands in for personnel) against 1 provider (3 or more would clear this).",
                uga.reasons().get(2).text());
        assertEquals(null, uga.personnel());
        assertEquals(List.of("JPN"), uga.providerIds());
    }

    @Test
    @DisplayName("NER: its single provider is in a component of 2 of the 5 of the main one: 1 - 2/5")
    void smallComponent() {
        SupportNeed ner = analyse(SupportSettings.defaults()).of("NER");
        SupportReason small = ner.reasons().stream().filter(r -> r.code() == SMALL_COMPONENT).findFirst().orElseThrow();
        assertEquals(0.15 * 0.6 / 0.85, small.weight(), 1e-12);
        assertEquals("Sits in a group of 2 actors cut off from the main partnership network (5 actors) in 2019-2021.",
                small.text());
        assertEquals(ner.score(), ner.reasons().stream().mapToDouble(SupportReason::weight).sum(), 1e-12);
    }

    @Test
    @DisplayName("KEN: three providers, the main component, no better supported peer: 0 and no reason")
    void wellSupported() {
        SupportNeed ken = analyse(SupportSettings.defaults()).of("KEN");
        assertEquals(0.0, ken.score());
        assertEquals(List.of(), ken.reasons());
        assertEquals(List.of("GBR", "JPN", "USA"), ken.providerIds());
        assertEquals(4, ken.supportReceived());
    }

    @Test
    @DisplayName("a country that served nowhere that year scores 0, keeps its personnel and providers, and is not ranked")
    void nonContributor() {
        var analysis = analyse(SupportSettings.defaults());
        SupportNeed jpn = analysis.of("JPN");
        assertEquals(0.0, jpn.score());
        assertEquals(List.of(), jpn.reasons());
        assertEquals(6, jpn.personnel());
        assertEquals(4, analysis.ranked().size());
        assertEquals(0.0, analysis.of("ZZZ").score());
    }

    @Test
    @DisplayName("weights are configurable: with only NO_SUPPORT weighed, RWA scores 1 and the others 0")
    void configurableWeights() {
        var d = SupportSettings.defaults();
        var onlyNoSupport = new SupportSettings(d.windowYears(), d.targetProviders(), d.personnelHalfLoad(),
                d.missionsHalfLoad(), new SupportSettings.Weights(2, 0, 0, 0, 0), d.suggestion());
        var ranked = analyse(onlyNoSupport).ranked();
        assertEquals(1.0, ranked.get(0).score());
        assertEquals("RWA", ranked.get(0).iso3());
        assertEquals(List.of(0.0, 0.0, 0.0), ranked.subList(1, 4).stream().map(SupportNeed::score).toList());
    }

    @Test
    @DisplayName("with training only and a window of one year, the texts say so")
    void textsFollowKindsAndWindow() {
        var d = SupportSettings.defaults();
        var oneYear = new SupportSettings(1, d.targetProviders(), d.personnelHalfLoad(), d.missionsHalfLoad(),
                d.weights(), d.suggestion());
        SupportNeed rwa = SupportScore.analyse(2021, Set.of("TRAINING"), WORLD, FACTS, oneYear, Deadline.NONE)
                .of("RWA");
        assertEquals("Received no training in 2021.", rwa.reasons().get(0).text());
    }

    @Test
    @DisplayName("the analysis stops when its request's deadline has passed")
    void stopsPastTheDeadline() {
        var readings = new java.util.concurrent.atomic.AtomicInteger();
        Deadline passed = GraphMeasuresTest.passingAt(2, readings);
        assertThrows(RequestTimeoutException.class, () -> SupportScore.analyse(2021, Set.of("TRAINING", "DONATION"),
                WORLD, FACTS, SupportSettings.defaults(), passed));
    }
}
