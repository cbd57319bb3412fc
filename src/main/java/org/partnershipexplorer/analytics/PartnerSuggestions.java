package org.partnershipexplorer.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.jgrapht.Graphs;
import org.jgrapht.alg.linkprediction.AdamicAdarIndexLinkPrediction;
import org.jgrapht.alg.linkprediction.CommonNeighborsLinkPrediction;
import org.jgrapht.graph.DefaultEdge;
import org.partnershipexplorer.deadline.Deadline;

/**
 * Ranks providers for a country (ANALYTICS.md, "Partner suggestions"):
 * <pre>
 * score = w_aa AA + w_cn CN + w_missions min(shared missions, 5) / 5 + w_region [same region]
 *         + w_past min(past deliveries, 10) / 10
 * </pre>
 * CN (common neighbours) and AA (Adamic-Adar) are JGraphT's link predictions between the country and the provider
 * over the undirected projection of the partnership graph. Candidates are the actors that have given a partnership of
 * the kinds asked, other than the country and its current providers.
 */
public final class PartnerSuggestions {

    static final int MISSIONS_CAP = 5;
    static final int DELIVERIES_CAP = 10;

    private PartnerSuggestions() {
    }

    /**
     * @param sharedMissions for each candidate country, the missions it served in alongside {@code iso3} (any year)
     * @param regions        the region of each country (organisations have none)
     * @param deadline       the request's: past it, the ranking stops with a RequestTimeoutException
     */
    public static List<PartnerSuggestion> suggest(String iso3, PartnershipGraph graph,
            Map<String, List<String>> sharedMissions, Map<String, String> regions, SupportSettings.Suggestion w,
            int first, Deadline deadline) {
        Graph<Integer, DefaultEdge> undirected = graph.undirected(deadline);
        CommonNeighborsLinkPrediction<Integer, DefaultEdge> cn = new CommonNeighborsLinkPrediction<>(undirected);
        AdamicAdarIndexLinkPrediction<Integer, DefaultEdge> aa = new AdamicAdarIndexLinkPrediction<>(undirected);
        Integer self = graph.vertex(iso3);
        Set<String> current = graph.providersOf(iso3).keySet();
        String region = regions.get(iso3);

        List<PartnerSuggestion> result = new ArrayList<>();
        for (String candidate : graph.actors()) {
            deadline.check();
            int past = graph.given(candidate);
            if (past == 0 || candidate.equals(iso3) || current.contains(candidate)) {
                continue;
            }
            List<String> common = List.of();
            double adamicAdar = 0;
            if (self != null) {
                int other = graph.vertex(candidate);
                common = commonNeighbours(graph, undirected, self, other);
                // Adamic-Adar divides by ln(degree) of each common neighbour: it throws for a degree below 2 (and
                // over directed successors a pure recipient has degree 0). In this simple undirected projection (no
                // self-links, iso3 != candidate) a common neighbour touches both ends, so its degree is at least 2.
                adamicAdar = common.isEmpty() ? 0 : aa.predict(self, other);
                if ((int) cn.predict(self, other) != common.size()) {
                    throw new IllegalStateException("common neighbours of " + iso3 + " and " + candidate
                            + " disagree with JGraphT");
                }
            }
            List<String> missions = sharedMissions.getOrDefault(candidate, List.of());
            boolean sameRegion = region != null && region.equals(regions.get(candidate));
            double score = w.adamicAdar() * adamicAdar + w.commonNeighbours() * common.size()
                    + w.sharedMissions() * Math.min(missions.size(), MISSIONS_CAP) / MISSIONS_CAP
                    + w.sameRegion() * (sameRegion ? 1 : 0)
                    + w.pastDeliveries() * Math.min(past, DELIVERIES_CAP) / DELIVERIES_CAP;
            result.add(new PartnerSuggestion(candidate, score,
                    reasons(iso3, candidate, common, adamicAdar, missions, sameRegion ? region : null, past, graph),
                    common.size(), adamicAdar, missions, sameRegion, past));
        }
        result.sort(Comparator.comparingDouble(PartnerSuggestion::score).reversed()
                .thenComparing(PartnerSuggestion::providerId));
        return List.copyOf(result.subList(0, Math.min(first, result.size())));
    }

    private static List<String> commonNeighbours(PartnershipGraph graph, Graph<Integer, DefaultEdge> g, int a,
            int b) {
        Set<Integer> common = Graphs.neighborSetOf(g, a);
        common.retainAll(Graphs.neighborSetOf(g, b));
        Set<String> ids = new TreeSet<>();
        common.forEach(v -> ids.add(graph.id(v)));
        return List.copyOf(ids);
    }

    private static List<String> reasons(String iso3, String candidate, List<String> common, double adamicAdar,
            List<String> missions, String sharedRegion, int past, PartnershipGraph graph) {
        List<String> reasons = new ArrayList<>();
        if (!common.isEmpty()) {
            reasons.add(String.format(Locale.ROOT, "Shares %d partner%s with %s: %s (Adamic-Adar %.2f).",
                    common.size(), common.size() == 1 ? "" : "s", iso3, String.join(", ", common), adamicAdar));
        }
        if (!missions.isEmpty()) {
            reasons.add("Served alongside " + iso3 + " in " + String.join(", ", missions) + ".");
        }
        if (sharedRegion != null) {
            reasons.add("Also in " + sharedRegion + ".");
        }
        int recipients = graph.recipientsOf(candidate).size();
        reasons.add("Has given " + past + " partnership" + (past == 1 ? "" : "s") + " of the kinds asked to "
                + recipients + " recipient" + (recipients == 1 ? "" : "s") + ".");
        return reasons;
    }
}
