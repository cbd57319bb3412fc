package org.partnershipexplorer.analytics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.partnershipexplorer.deadline.Deadline;

/**
 * The support-need score of one year's contributors (bench/ANALYTICS.md, "The support-need score"). Seven factors,
 * each between 0 and 1, are weighed and divided by the largest total the weights allow, so a contributor alone on
 * every count scores 1:
 * <pre>
 * score = (w_no f_no + w_single f_single + w_lost f_lost + w_small f_small + w_peers f_peers + w_pers f_pers
 *          + w_women f_women) / (max(w_no, w_single) + w_lost + w_small + w_peers + w_pers + w_women)
 * </pre>
 * NO_SUPPORT and SINGLE_PROVIDER exclude each other, hence the max. Each reason's weight is its term over the same
 * denominator, so the reasons add up to the score. Providers of the window are not scored: they carry support, and
 * have their own ranking ({@link Analysis#providers()}).
 */
public final class SupportScore {

    /**
     * What the graph database says about one country for the year asked.
     *
     * @param contributor whether it counts as a contributor that year (a UN total dated in it, or a Geo-PKO mission
     *                    where the year has no UN totals)
     * @param personnel   the UN total used, when there is one; {@code women} of them where the UN gave the figure
     */
    public record CountryFacts(String iso3, String region, List<String> missions, boolean contributor,
            Integer personnel, Integer women, String personnelAsOf) {
    }

    /** One year's inputs: see {@link SupportInputs#year}. */
    public record Inputs(PartnershipGraph graph, PartnershipGraph previous, Set<String> providers,
            Collection<CountryFacts> facts) {
    }

    /** Every contributor's need, highest first (ties by iso3), the providers' ranking, and a lookup for any country. */
    public static final class Analysis {
        private final List<SupportNeed> ranked;
        private final List<SupportProvider> providers;
        private final Map<String, SupportNeed> byIso3 = new HashMap<>();
        private final SupportScore score;

        private Analysis(List<SupportNeed> ranked, List<SupportProvider> providers, List<SupportNeed> others,
                SupportScore score) {
            this.ranked = ranked;
            this.providers = providers;
            this.score = score;
            ranked.forEach(n -> byIso3.put(n.iso3(), n));
            others.forEach(n -> byIso3.put(n.iso3(), n));
        }

        /** The contributors that are not providers, highest need first. */
        public List<SupportNeed> ranked() {
            return ranked;
        }

        /** The providers of the window, most recipients first (then most sole recipients, then key). */
        public List<SupportProvider> providers() {
            return providers;
        }

        /** A country's need: ranked, a provider (score 0, saying so), or neither (score 0, no reasons). */
        public SupportNeed of(String iso3) {
            SupportNeed need = byIso3.get(iso3);
            return need != null ? need : score.other(iso3);
        }
    }

    private final int year;
    private final int windowFrom;
    private final Set<String> kinds;
    private final Inputs inputs;
    private final PartnershipGraph graph;
    private final Map<String, CountryFacts> facts = new TreeMap<>();
    private final SupportSettings settings;
    private final Map<String, Integer> componentSize = new HashMap<>();
    private final int largest;
    private final Map<String, Set<String>> contributorsOfMission = new TreeMap<>();

    private SupportScore(int year, Set<String> kinds, Inputs inputs, SupportSettings settings, Deadline deadline) {
        this.year = year;
        this.windowFrom = year - settings.windowYears() + 1;
        this.kinds = kinds;
        this.inputs = inputs;
        this.graph = inputs.graph();
        this.settings = settings;
        inputs.facts().forEach(f -> facts.put(f.iso3(), f));
        List<Component> components = GraphMeasures.components(graph, deadline);
        components.forEach(c -> c.memberIds().forEach(m -> componentSize.put(m, c.size())));
        this.largest = components.isEmpty() ? 0 : components.get(0).size();
        facts.values().stream().filter(CountryFacts::contributor).forEach(f -> f.missions().forEach(
                m -> contributorsOfMission.computeIfAbsent(m, k -> new TreeSet<>()).add(f.iso3())));
    }

    /**
     * Scores every contributor of {@code year} that is not a provider, and ranks the providers.
     *
     * @param kinds the partnership kinds counted, "TRAINING" and/or "DONATION" (for the reason texts)
     * @param deadline the request's: past it, the analysis stops with a RequestTimeoutException
     */
    public static Analysis analyse(int year, Set<String> kinds, Inputs inputs, SupportSettings settings,
            Deadline deadline) {
        SupportScore score = new SupportScore(year, kinds, inputs, settings, deadline);
        List<SupportNeed> ranked = new ArrayList<>();
        List<SupportNeed> others = new ArrayList<>();
        for (CountryFacts f : score.facts.values()) {
            deadline.check();
            if (inputs.providers().contains(f.iso3())) {
                others.add(score.provider(f.iso3()));
            } else if (f.contributor()) {
                ranked.add(score.contributor(f));
            }
        }
        ranked.sort(Comparator.comparingDouble(SupportNeed::score).reversed().thenComparing(SupportNeed::iso3));
        inputs.providers().stream().filter(p -> !score.facts.containsKey(p)).forEach(p -> others.add(score.provider(p)));
        return new Analysis(List.copyOf(ranked), score.providers(), others, score);
    }

    /** The first and last year whose partnerships count for {@code year}. */
    public static int[] window(int year, SupportSettings settings) {
        return new int[] {year - settings.windowYears() + 1, year};
    }

    private SupportNeed contributor(CountryFacts f) {
        SupportSettings.Weights w = settings.weights();
        double denominator = Math.max(w.noSupport(), w.singleProvider()) + w.lostProviders() + w.smallComponent()
                + w.peersWellSupported() + w.highPersonnelLowSupport() + w.womenBelowTarget();
        Map<String, Integer> providers = graph.providersOf(f.iso3());
        int received = graph.received(f.iso3());
        List<SupportReason> reasons = new ArrayList<>();

        if (providers.isEmpty()) {
            add(reasons, SupportReasonCode.NO_SUPPORT, w.noSupport(), 1, denominator,
                    "Received no " + kindsOr() + " " + period() + ".");
        } else if (providers.size() == 1) {
            add(reasons, SupportReasonCode.SINGLE_PROVIDER, w.singleProvider(), 1, denominator,
                    "Depends on a single provider, " + providers.keySet().iterator().next() + ", for the "
                            + count(received) + " it received " + period() + ".");
        }

        Set<String> before = inputs.previous().providersOf(f.iso3()).keySet();
        List<String> lost = before.stream().filter(p -> !providers.containsKey(p)).toList();
        if (!lost.isEmpty()) {
            String then = (windowFrom - 1) == (year - 1) ? "of " + (year - 1) : "of " + (windowFrom - 1) + "-"
                    + (year - 1);
            add(reasons, SupportReasonCode.LOST_PROVIDERS, w.lostProviders(), (double) lost.size() / before.size(),
                    denominator, before.size() == 1
                            ? "Lost its only provider " + then + ", " + lost.get(0) + ", " + period() + "."
                            : "Lost " + lost.size() + " of its " + before.size() + " providers " + then + " "
                                    + period() + ": " + String.join(", ", lost) + ".");
        }

        double small = smallComponent(f.iso3());
        if (small > 0) {
            String text = componentSize.containsKey(f.iso3())
                    ? "Sits in a group of " + componentSize.get(f.iso3()) + " actors cut off from the main partnership"
                            + " network (" + largest + " actors) " + period() + "."
                    : "Has no " + kindsOr() + " partnership at all " + period() + ", so it is cut off from the main"
                            + " partnership network (" + largest + " actors).";
            add(reasons, SupportReasonCode.SMALL_COMPONENT, w.smallComponent(), small, denominator, text);
        }

        Set<String> peers = new TreeSet<>();
        f.missions().forEach(m -> peers.addAll(contributorsOfMission.getOrDefault(m, Set.of())));
        peers.remove(f.iso3());
        long better = peers.stream().filter(p -> graph.providersOf(p).size() > providers.size()).count();
        if (better > 0) {
            add(reasons, SupportReasonCode.PEERS_WELL_SUPPORTED, w.peersWellSupported(),
                    (double) better / peers.size(), denominator,
                    better + " of the " + peers.size() + " other contributors to " + String.join(", ", f.missions())
                            + " in " + year + " have more providers than its " + providers.size() + ".");
        }

        double load = f.personnel() != null
                ? (double) f.personnel() / (f.personnel() + settings.personnelHalfLoad())
                : (double) f.missions().size() / (f.missions().size() + settings.missionsHalfLoad());
        double shortfall = Math.max(0, 1 - (double) providers.size() / settings.targetProviders());
        if (load * shortfall > 0) {
            String deployed = f.personnel() != null
                    ? String.format(Locale.ROOT, "%,d uniformed personnel deployed (UN total of %s)", f.personnel(),
                            f.personnelAsOf())
                    : "Serves in " + f.missions().size() + " mission" + (f.missions().size() == 1 ? "" : "s") + " in "
                            + year + " (no dated UN personnel total up to " + year
                            + ", so the number of missions stands in for personnel)";
            add(reasons, SupportReasonCode.HIGH_PERSONNEL_LOW_SUPPORT, w.highPersonnelLowSupport(), load * shortfall,
                    denominator, deployed + " against " + providers.size() + " provider"
                            + (providers.size() == 1 ? "" : "s") + " (" + settings.targetProviders()
                            + " or more would clear this).");
        }

        if (f.personnel() != null && f.personnel() > 0 && f.women() != null) {
            // weighed by the personnel load like the personnel factor: two officers with no woman among them are no
            // gender-parity need a planner would put first
            double share = (double) f.women() / f.personnel();
            double below = load * Math.max(0, 1 - share / settings.womenTarget());
            add(reasons, SupportReasonCode.WOMEN_BELOW_TARGET, w.womenBelowTarget(), below, denominator,
                    String.format(Locale.ROOT, "Women are %.1f%% of its %,d uniformed personnel (UN total of %s),"
                            + " against the UN's target of %s%%.", 100 * share, f.personnel(), f.personnelAsOf(),
                            percent(settings.womenTarget())));
        }

        reasons.sort(Comparator.comparingDouble(SupportReason::weight).reversed()
                .thenComparing(SupportReason::code));
        double score = reasons.stream().mapToDouble(SupportReason::weight).sum();
        return new SupportNeed(f.iso3(), f.region(), year, SupportRole.CONTRIBUTOR, score, List.copyOf(reasons),
                f.personnel(), f.women(), f.personnelAsOf(), f.missions(), List.copyOf(providers.keySet()), received,
                null);
    }

    /** A provider has no need score; its one reason says what it gives and what it receives. */
    private SupportNeed provider(String id) {
        CountryFacts f = facts.get(id);
        Map<String, Integer> recipients = graph.recipientsOf(id);
        Map<String, Integer> providers = graph.providersOf(id);
        String verb = kinds.size() == 1 ? (kinds.contains("TRAINING") ? "Trains" : "Donates to")
                : "Trains or donates to";
        String gives = verb + " " + recipients.size() + " partner" + (recipients.size() == 1 ? "" : "s") + " ("
                + count(graph.given(id)) + ") " + period();
        String receives = providers.isEmpty() ? "receives no support."
                : "receives support from " + providers.size() + " (" + String.join(", ", providers.keySet()) + ").";
        return new SupportNeed(id, f == null ? null : f.region(), year, SupportRole.PROVIDER, 0,
                List.of(new SupportReason(SupportReasonCode.PROVIDER, 0, gives + "; " + receives)),
                f == null ? null : f.personnel(), f == null ? null : f.women(), f == null ? null : f.personnelAsOf(),
                f == null ? List.of() : f.missions(), List.copyOf(providers.keySet()), graph.received(id), null);
    }

    private SupportNeed other(String iso3) {
        CountryFacts f = facts.get(iso3);
        return new SupportNeed(iso3, f == null ? null : f.region(), year, SupportRole.OTHER, 0, List.of(),
                f == null ? null : f.personnel(), f == null ? null : f.women(), f == null ? null : f.personnelAsOf(),
                f == null ? List.of() : f.missions(), List.copyOf(graph.providersOf(iso3).keySet()),
                graph.received(iso3), null);
    }

    private List<SupportProvider> providers() {
        List<SupportProvider> ranked = new ArrayList<>();
        for (String p : inputs.providers()) {
            Map<String, Integer> recipients = graph.recipientsOf(p);
            List<String> sole = recipients.keySet().stream().filter(r -> graph.providersOf(r).size() == 1).toList();
            int contributors = (int) recipients.keySet().stream()
                    .filter(r -> facts.containsKey(r) && facts.get(r).contributor()).count();
            ranked.add(new SupportProvider(p, year, recipients.size(), graph.given(p), contributors, sole,
                    graph.providersOf(p).size()));
        }
        ranked.sort(Comparator.comparingInt(SupportProvider::recipients).reversed()
                .thenComparing(Comparator.comparingInt((SupportProvider s) -> s.soleRecipientIds().size()).reversed())
                .thenComparing(SupportProvider::actorId));
        return List.copyOf(ranked);
    }

    /** 0 in a largest component (or when there is no network at all), else 1 - size / largest size. */
    private double smallComponent(String iso3) {
        if (largest == 0) {
            return 0;
        }
        int size = componentSize.getOrDefault(iso3, 1);
        return 1 - (double) size / largest;
    }

    private static void add(List<SupportReason> reasons, SupportReasonCode code, double weight, double factor,
            double denominator, String text) {
        if (weight * factor > 0 && denominator > 0) {
            reasons.add(new SupportReason(code, weight * factor / denominator, text));
        }
    }

    private static String percent(double share) {
        double p = 100 * share;
        return p == Math.rint(p) ? String.valueOf((long) p) : String.format(Locale.ROOT, "%.1f", p);
    }

    private String period() {
        return windowFrom == year ? "in " + year : "in " + windowFrom + "-" + year;
    }

    private String kindsOr() {
        return kinds.size() == 1 ? (kinds.contains("TRAINING") ? "training" : "donation") : "training or donation";
    }

    private String count(int n) {
        if (kinds.size() == 1) {
            return n + " " + (kinds.contains("TRAINING") ? "training" : "donation") + (n == 1 ? "" : "s");
        }
        return n == 1 ? "1 training or donation" : n + " trainings and donations";
    }
}
