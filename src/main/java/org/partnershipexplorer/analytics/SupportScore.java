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
 * The support-need score of docs/api.md's contributors (ANALYTICS.md, "The support-need score"). Five factors, each
 * between 0 and 1, are weighed and divided by the largest total the weights allow, so a contributor alone on every
 * count scores 1:
 * <pre>
 * score = (w_no f_no + w_single f_single + w_small f_small + w_peers f_peers + w_pers f_pers)
 *         / (max(w_no, w_single) + w_small + w_peers + w_pers)
 * </pre>
 * NO_SUPPORT and SINGLE_PROVIDER exclude each other, hence the max. Each reason's weight is its term over the same
 * denominator, so the reasons add up to the score.
 */
public final class SupportScore {

    /** What the graph database says about one country for the year asked. */
    public record CountryFacts(String iso3, String region, List<String> missions, Integer personnel,
            String personnelAsOf) {
    }

    /** Every contributor's need, highest first (ties by iso3), and a lookup for any country. */
    public static final class Analysis {
        private final List<SupportNeed> ranked;
        private final Map<String, SupportNeed> byIso3;
        private final SupportScore score;

        private Analysis(List<SupportNeed> ranked, SupportScore score) {
            this.ranked = ranked;
            this.score = score;
            this.byIso3 = new HashMap<>();
            ranked.forEach(n -> byIso3.put(n.iso3(), n));
        }

        public List<SupportNeed> ranked() {
            return ranked;
        }

        /** A contributor's need as ranked; a country that served nowhere that year scores 0 with no reasons. */
        public SupportNeed of(String iso3) {
            SupportNeed need = byIso3.get(iso3);
            return need != null ? need : score.nonContributor(iso3);
        }
    }

    private final int year;
    private final int windowFrom;
    private final Set<String> kinds;
    private final PartnershipGraph graph;
    private final Map<String, CountryFacts> facts;
    private final SupportSettings settings;
    private final Map<String, Integer> componentSize = new HashMap<>();
    private final int largest;
    private final Map<String, Set<String>> contributorsOfMission = new TreeMap<>();

    private SupportScore(int year, Set<String> kinds, PartnershipGraph graph, Collection<CountryFacts> facts,
            SupportSettings settings, Deadline deadline) {
        this.year = year;
        this.windowFrom = year - settings.windowYears() + 1;
        this.kinds = kinds;
        this.graph = graph;
        this.settings = settings;
        this.facts = new TreeMap<>();
        facts.forEach(f -> this.facts.put(f.iso3(), f));
        List<Component> components = GraphMeasures.components(graph, deadline);
        components.forEach(c -> c.memberIds().forEach(m -> componentSize.put(m, c.size())));
        this.largest = components.isEmpty() ? 0 : components.get(0).size();
        facts.forEach(f -> f.missions().forEach(
                m -> contributorsOfMission.computeIfAbsent(m, k -> new TreeSet<>()).add(f.iso3())));
    }

    /**
     * Scores every country of {@code facts} that served in a mission in {@code year}.
     *
     * @param kinds the partnership kinds counted, "TRAINING" and/or "DONATION" (for the reason texts)
     * @param graph the partnership graph of those kinds over the window (see {@link #window})
     * @param deadline the request's: past it, the analysis stops with a RequestTimeoutException
     */
    public static Analysis analyse(int year, Set<String> kinds, PartnershipGraph graph, Collection<CountryFacts> facts,
            SupportSettings settings, Deadline deadline) {
        SupportScore score = new SupportScore(year, kinds, graph, facts, settings, deadline);
        List<SupportNeed> ranked = new ArrayList<>();
        for (CountryFacts f : score.facts.values()) {
            deadline.check();
            if (!f.missions().isEmpty()) {
                ranked.add(score.contributor(f));
            }
        }
        ranked.sort(Comparator.comparingDouble(SupportNeed::score).reversed().thenComparing(SupportNeed::iso3));
        return new Analysis(List.copyOf(ranked), score);
    }

    /** The first and last year whose partnerships count for {@code year}. */
    public static int[] window(int year, SupportSettings settings) {
        return new int[] {year - settings.windowYears() + 1, year};
    }

    private SupportNeed contributor(CountryFacts f) {
        SupportSettings.Weights w = settings.weights();
        double denominator = Math.max(w.noSupport(), w.singleProvider()) + w.smallComponent()
                + w.peersWellSupported() + w.highPersonnelLowSupport();
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

        reasons.sort(Comparator.comparingDouble(SupportReason::weight).reversed()
                .thenComparing(SupportReason::code));
        double score = reasons.stream().mapToDouble(SupportReason::weight).sum();
        return new SupportNeed(f.iso3(), f.region(), year, score, List.copyOf(reasons), f.personnel(),
                f.personnelAsOf(), f.missions(), List.copyOf(providers.keySet()), received);
    }

    private SupportNeed nonContributor(String iso3) {
        CountryFacts f = facts.get(iso3);
        return new SupportNeed(iso3, f == null ? null : f.region(), year, 0, List.of(),
                f == null ? null : f.personnel(), f == null ? null : f.personnelAsOf(), List.of(),
                List.copyOf(graph.providersOf(iso3).keySet()), graph.received(iso3));
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
