package org.partnershipexplorer.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.partnershipexplorer.analytics.GraphMeasuresTest.graph;
import static org.partnershipexplorer.analytics.SupportReasonCode.HIGH_PERSONNEL_LOW_SUPPORT;
import static org.partnershipexplorer.analytics.SupportReasonCode.LOST_PROVIDERS;
import static org.partnershipexplorer.analytics.SupportReasonCode.NO_SUPPORT;
import static org.partnershipexplorer.analytics.SupportReasonCode.PEERS_WELL_SUPPORTED;
import static org.partnershipexplorer.analytics.SupportReasonCode.PROVIDER;
import static org.partnershipexplorer.analytics.SupportReasonCode.SINGLE_PROVIDER;
import static org.partnershipexplorer.analytics.SupportReasonCode.SMALL_COMPONENT;
import static org.partnershipexplorer.analytics.SupportReasonCode.WOMEN_BELOW_TARGET;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.partnershipexplorer.analytics.SupportScore.CountryFacts;
import org.partnershipexplorer.deadline.Deadline;
import org.partnershipexplorer.deadline.RequestTimeoutException;

/**
 * A world of 2021 worked out by hand with the default settings (window 3 years, target 3 providers, half loads
 * 1000 personnel and 2 missions, women target 15%, weights no-support 0.30, single 0.15, lost 0.15, small 0.10,
 * peers 0.10, personnel 0.20, women 0.10, so the denominator is max(0.30, 0.15) + 0.15 + 0.10 + 0.10 + 0.20 + 0.10
 * = 0.95).
 *
 * <p>Partnerships: JPN>KEN twice, USA>KEN, GBR>KEN, JPN>UGA (main component of 5) and FRA>NER (a component of 2);
 * the four givers are the window's providers. Contributors: KEN (UNMISS, 1000 personnel), UGA (UNMISS, no dated
 * total), RWA (UNMISS and MINUSCA, 4000), NER (MINUSCA, 1000), and JPN (6 personnel, no mission on the maps), which
 * as a provider is not ranked.
 */
@DisplayName("the support-need score on a world worked out by hand")
class SupportScoreTest {

    static final double D = 0.95;
    static final PartnershipGraph WORLD = graph("JPN>KEN*2", "USA>KEN", "GBR>KEN", "JPN>UGA", "FRA>NER");
    static final Set<String> PROVIDERS = Set.of("JPN", "USA", "GBR", "FRA");
    static final List<CountryFacts> FACTS = List.of(
            new CountryFacts("KEN", "Africa", List.of("UNMISS"), true, 1000, null, "2021-12-31"),
            new CountryFacts("UGA", "Africa", List.of("UNMISS"), true, null, null, null),
            new CountryFacts("RWA", "Africa", List.of("MINUSCA", "UNMISS"), true, 4000, null, "2021-12-31"),
            new CountryFacts("NER", "Africa", List.of("MINUSCA"), true, 1000, null, "2021-11-30"),
            new CountryFacts("JPN", "Asia", List.of(), true, 6, 1, "2021-12-31"));

    static SupportScore.Analysis analyse(SupportSettings settings) {
        return SupportScore.analyse(2021, Set.of("TRAINING", "DONATION"),
                new SupportScore.Inputs(WORLD, graph(), PROVIDERS, FACTS), settings, Deadline.NONE);
    }

    /** Two contributors alike but for what a test changes: one provider X each, 1000 personnel, no mission. */
    static List<String> pair(PartnershipGraph before, Integer womenOfA, Integer womenOfB) {
        var facts = List.of(new CountryFacts("AAA", null, List.of(), true, 1000, womenOfA, "2021-12-31"),
                new CountryFacts("BBB", null, List.of(), true, 1000, womenOfB, "2021-12-31"));
        return SupportScore.analyse(2021, Set.of("TRAINING"), new SupportScore.Inputs(graph("XXX>AAA", "XXX>BBB"),
                before, Set.of("XXX"), facts), SupportSettings.defaults(), Deadline.NONE).ranked().stream()
                .map(SupportNeed::iso3).toList();
    }

    @Test
    @DisplayName("contributors are ranked RWA 0.64/0.95, NER 0.27667/0.95, UGA 0.24444/0.95, KEN 0; JPN is not")
    void ranking() {
        var ranked = analyse(SupportSettings.defaults()).ranked();
        assertEquals(List.of("RWA", "NER", "UGA", "KEN"), ranked.stream().map(SupportNeed::iso3).toList());
        assertEquals(0.64 / D, ranked.get(0).score(), 1e-12);
        assertEquals((0.15 + 0.06 + 0.2 / 3) / D, ranked.get(1).score(), 1e-12);
        assertEquals((0.15 + 0.05 + 0.2 * 2 / 9) / D, ranked.get(2).score(), 1e-12);
        assertEquals(0.0, ranked.get(3).score());
    }

    @Test
    @DisplayName("RWA: no support, 4000 personnel, every peer supported, outside the network of 5")
    void aloneOnEveryCount() {
        SupportNeed rwa = analyse(SupportSettings.defaults()).of("RWA");
        List<SupportReason> expected = List.of(
                new SupportReason(NO_SUPPORT, 0.30 / D, "Received no training or donation in 2019-2021."),
                new SupportReason(HIGH_PERSONNEL_LOW_SUPPORT, 0.2 * 0.8 / D,
                        "4,000 uniformed personnel deployed (UN total of 2021-12-31) against 0 providers"
                                + " (3 or more would clear this)."),
                new SupportReason(PEERS_WELL_SUPPORTED, 0.10 / D,
                        "3 of the 3 other contributors to MINUSCA, UNMISS in 2021 have more providers than its 0."),
                new SupportReason(SMALL_COMPONENT, 0.10 * 0.8 / D,
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
        assertEquals(0.15 / D, uga.reasons().get(0).weight(), 1e-12);
        assertEquals("Depends on a single provider, JPN, for the 1 training or donation it received in 2019-2021.",
                uga.reasons().get(0).text());
        assertEquals(0.10 * 0.5 / D, uga.reasons().get(1).weight(), 1e-12);
        assertEquals("1 of the 2 other contributors to UNMISS in 2021 have more providers than its 1.",
                uga.reasons().get(1).text());
        assertEquals(0.2 * (1 / 3.0) * (2 / 3.0) / D, uga.reasons().get(2).weight(), 1e-12);
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
        assertEquals(0.10 * 0.6 / D, small.weight(), 1e-12);
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
    @DisplayName("a provider that also contributes is not ranked: it scores 0 and its reason says what it gives")
    void providerIsNotRanked() {
        var analysis = analyse(SupportSettings.defaults());
        SupportNeed jpn = analysis.of("JPN");
        assertEquals(SupportRole.PROVIDER, jpn.role());
        assertEquals(0.0, jpn.score());
        assertEquals(List.of(new SupportReason(PROVIDER, 0,
                "Trains or donates to 2 partners (3 trainings and donations) in 2019-2021; receives no support.")),
                jpn.reasons());
        assertEquals(6, jpn.personnel());
        assertEquals(4, analysis.ranked().size());
        assertEquals(SupportRole.OTHER, analysis.of("ZZZ").role());
        assertEquals(0.0, analysis.of("ZZZ").score());
    }

    @Test
    @DisplayName("the providers' ranking: JPN (2 recipients, UGA its alone), then FRA (NER its alone), GBR, USA")
    void providersRanking() {
        var providers = analyse(SupportSettings.defaults()).providers();
        assertEquals(List.of(new SupportProvider("JPN", 2021, 2, 3, 2, List.of("UGA"), 0),
                new SupportProvider("FRA", 2021, 1, 1, 1, List.of("NER"), 0),
                new SupportProvider("GBR", 2021, 1, 1, 1, List.of(), 0),
                new SupportProvider("USA", 2021, 1, 1, 1, List.of(), 0)), providers);
    }

    /** Only one factor weighed: the ranking then shows what that factor alone does. */
    static SupportSettings only(SupportReasonCode code) {
        var d = SupportSettings.defaults();
        double[] w = new double[7];
        w[code.ordinal()] = 1;
        // SupportReasonCode's order: NO_SUPPORT, SINGLE_PROVIDER, LOST_PROVIDERS, SMALL_COMPONENT,
        // PEERS_WELL_SUPPORTED, HIGH_PERSONNEL_LOW_SUPPORT, WOMEN_BELOW_TARGET
        return new SupportSettings(d.windowYears(), d.targetProviders(), d.personnelHalfLoad(), d.missionsHalfLoad(),
                d.womenTarget(), d.confidence(), new SupportSettings.Weights(w[0], w[1], w[3], w[4], w[5], w[6], w[2]),
                d.suggestion());
    }

    static CountryFacts contributor(String iso3, String mission, Integer personnel, Integer women) {
        return new CountryFacts(iso3, null, mission == null ? List.of() : List.of(mission), true, personnel, women,
                "2021-12-31");
    }

    /** AAA and BBB differ in one thing only; with only the factor of that thing weighed, BBB must rank first. */
    record Case(SupportReasonCode code, PartnershipGraph graph, PartnershipGraph before, List<CountryFacts> facts) {
        List<String> order(SupportSettings settings) {
            return SupportScore.analyse(2021, Set.of("TRAINING"), new SupportScore.Inputs(graph, before,
                    Set.of("XXX", "YYY"), facts), settings, Deadline.NONE).ranked().stream().map(SupportNeed::iso3)
                    .filter(iso3 -> iso3.equals("AAA") || iso3.equals("BBB")).toList();
        }
    }

    static List<Case> cases() {
        return List.of(
                new Case(NO_SUPPORT, graph("XXX>AAA"), graph(),
                        List.of(contributor("AAA", null, 1000, null), contributor("BBB", null, 1000, null))),
                new Case(SINGLE_PROVIDER, graph("XXX>AAA", "YYY>AAA", "XXX>BBB"), graph(),
                        List.of(contributor("AAA", null, 1000, null), contributor("BBB", null, 1000, null))),
                new Case(LOST_PROVIDERS, graph("XXX>AAA", "XXX>BBB"), graph("XXX>AAA", "XXX>BBB", "YYY>BBB"),
                        List.of(contributor("AAA", null, 1000, null), contributor("BBB", null, 1000, null))),
                new Case(SMALL_COMPONENT, graph("XXX>AAA", "XXX>CCC", "XXX>DDD", "YYY>BBB"), graph(),
                        List.of(contributor("AAA", null, 1000, null), contributor("BBB", null, 1000, null))),
                new Case(PEERS_WELL_SUPPORTED, graph("XXX>AAA", "XXX>BBB", "XXX>CCC", "YYY>CCC"), graph(),
                        List.of(contributor("AAA", "M1", 1000, null), contributor("BBB", "M2", 1000, null),
                                contributor("CCC", "M2", 1000, null), contributor("DDD", "M1", 1000, null))),
                new Case(HIGH_PERSONNEL_LOW_SUPPORT, graph("XXX>AAA", "XXX>BBB"), graph(),
                        List.of(contributor("AAA", null, 100, null), contributor("BBB", null, 5000, null))),
                new Case(WOMEN_BELOW_TARGET, graph("XXX>AAA", "XXX>BBB"), graph(),
                        List.of(contributor("AAA", null, 1000, 150), contributor("BBB", null, 1000, 30))));
    }

    @Test
    @DisplayName("each of the seven factors, weighed alone, puts BBB above AAA where only that factor tells them apart")
    void eachFactorChangesTheRanking() {
        for (Case c : cases()) {
            assertEquals(List.of("BBB", "AAA"), c.order(only(c.code())), c.code().name());
        }
        // and with the factor of another case weighed instead, the two tie and are ranked by iso3
        assertEquals(List.of("AAA", "BBB"), cases().get(5).order(only(WOMEN_BELOW_TARGET)));
    }

    @Test
    @DisplayName("WOMEN_BELOW_TARGET changes the ranking: BBB with 3% women ranks above AAA with 15%")
    void womenBelowTarget() {
        assertEquals(List.of("AAA", "BBB"), pair(graph(), null, null));
        assertEquals(List.of("BBB", "AAA"), pair(graph(), 150, 30));
        var need = SupportScore.analyse(2021, Set.of("TRAINING"), new SupportScore.Inputs(graph("XXX>BBB"), graph(),
                Set.of("XXX"), List.of(new CountryFacts("BBB", null, List.of(), true, 1000, 30, "2021-01-31"))),
                SupportSettings.defaults(), Deadline.NONE).of("BBB");
        SupportReason women = need.reasons().stream().filter(r -> r.code() == WOMEN_BELOW_TARGET).findFirst()
                .orElseThrow();
        // 1000 personnel: a load of 0.5, times 1 - 3% / 15%
        assertEquals(0.10 * 0.5 * 0.8 / D, women.weight(), 1e-12);
        assertEquals("Women are 3.0% of its 1,000 uniformed personnel (UN total of 2021-01-31), against the UN's"
                + " target of 15%.", women.text());
    }

    @Test
    @DisplayName("LOST_PROVIDERS changes the ranking: BBB, which had YYY as well in 2018-2020, ranks above AAA")
    void lostProviders() {
        assertEquals(List.of("BBB", "AAA"), pair(graph("XXX>AAA", "XXX>BBB", "YYY>BBB"), null, null));
        var need = SupportScore.analyse(2021, Set.of("TRAINING"), new SupportScore.Inputs(graph(), graph("YYY>BBB"),
                Set.of(), List.of(new CountryFacts("BBB", null, List.of(), true, null, null, null))),
                SupportSettings.defaults(), Deadline.NONE).of("BBB");
        assertEquals(LOST_PROVIDERS, need.reasons().get(1).code());
        assertEquals(0.15 / D, need.reasons().get(1).weight(), 1e-12);
        assertEquals("Lost its only provider of 2018-2020, YYY, in 2019-2021.", need.reasons().get(1).text());
    }

    @Test
    @DisplayName("weights are configurable: with only NO_SUPPORT weighed, RWA scores 1 and the others 0")
    void configurableWeights() {
        var d = SupportSettings.defaults();
        var onlyNoSupport = new SupportSettings(d.windowYears(), d.targetProviders(), d.personnelHalfLoad(),
                d.missionsHalfLoad(), d.womenTarget(), d.confidence(), new SupportSettings.Weights(2, 0, 0, 0, 0, 0, 0),
                d.suggestion());
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
                d.womenTarget(), d.confidence(), d.weights(), d.suggestion());
        SupportNeed rwa = SupportScore.analyse(2021, Set.of("TRAINING"),
                new SupportScore.Inputs(WORLD, graph(), PROVIDERS, FACTS), oneYear, Deadline.NONE).of("RWA");
        assertEquals("Received no training in 2021.", rwa.reasons().get(0).text());
    }

    @Test
    @DisplayName("the analysis stops when its request's deadline has passed")
    void stopsPastTheDeadline() {
        var readings = new java.util.concurrent.atomic.AtomicInteger();
        Deadline passed = GraphMeasuresTest.passingAt(2, readings);
        assertThrows(RequestTimeoutException.class, () -> SupportScore.analyse(2021, Set.of("TRAINING", "DONATION"),
                new SupportScore.Inputs(WORLD, graph(), PROVIDERS, FACTS), SupportSettings.defaults(), passed));
    }
}
