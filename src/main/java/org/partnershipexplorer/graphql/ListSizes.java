package org.partnershipexplorer.graphql;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * How long each list of the schema is on average in the graph as it stands, from the graph's own counts: a list of
 * relationships of one type below a node of one label holds, on average, the relationships of that type over the
 * nodes of that label; a page holds at most the nodes its label has. {@link DocumentCost} multiplies by these instead
 * of a worst case, so the cost tracks the size of the answer: a page of 500 countries is what the graph has of them
 * (197 in the bundled seed), and each country's trainings are a few, not {@code list-weight}.
 *
 * <p>A list filtered by {@code years} is scaled by the share of the relationships' span of years the filter covers.
 * Lists this table does not name keep the list weight: they are computed (analyses, statistics) or small.
 *
 * @param perParent  expected length of {@code Type.field} or (for the fields every actor has) {@code *.field}
 * @param pages      the most a page of a root connection or list can hold: the nodes of its label
 * @param yearSpans  for a list with a {@code years} filter, the first and last year of its relationships
 */
record ListSizes(Map<String, Double> perParent, Map<String, Long> pages, Map<String, int[]> yearSpans) {

    /** No counts yet (the graph not read, or an external database not reachable): every list keeps the list weight. */
    static final ListSizes UNKNOWN = new ListSizes(Map.of(), Map.of(), Map.of());

    /** The fields every actor (Country, Organization, the Actor interface) has, by the relationship each follows. */
    private static final Map<String, String> ACTOR_LISTS = Map.of(
            "trains", "TRAINS", "trainedBy", "TRAINS", "donatesTo", "DONATES_TO", "receivesFrom", "DONATES_TO",
            "pledges", "PLEDGED", "attended", "ATTENDED");

    /**
     * The table for the graph's counts.
     *
     * @param labels   nodes per label (Actor, Country, Organization, Mission, Ministerial, Pledge, Program, Source)
     * @param types    relationships per type
     * @param spans    first and last year of the relationships of a type that carries years
     */
    static ListSizes of(Map<String, Long> labels, Map<String, Long> types, Map<String, int[]> spans) {
        Map<String, Double> per = new HashMap<>();
        ACTOR_LISTS.forEach((field, type) -> per.put("*." + field, ratio(types, type, labels, "Actor")));
        // partners: one entry per distinct partner, at most every partnership of the actor either way
        per.put("*.partners", 2 * (ratio(types, "TRAINS", labels, "Actor") + ratio(types, "DONATES_TO", labels, "Actor")));
        per.put("Country.contributions", ratio(types, "CONTRIBUTES_TO", labels, "Country"));
        per.put("Country.deployments", ratio(types, "REPORTED", labels, "Country"));
        per.put("Country.memberships", ratio(types, "MEMBER_OF", labels, "Country"));
        per.put("Country.hostedMissions", ratio(types, "LOCATED_IN", labels, "Country"));
        per.put("Organization.members", ratio(types, "MEMBER_OF", labels, "Organization"));
        per.put("Mission.hosts", ratio(types, "LOCATED_IN", labels, "Mission"));
        per.put("Mission.contributions", ratio(types, "CONTRIBUTES_TO", labels, "Mission"));
        per.put("Mission.contributors", ratio(types, "CONTRIBUTES_TO", labels, "Mission"));
        per.put("Ministerial.attendance", ratio(types, "ATTENDED", labels, "Ministerial"));
        per.put("Ministerial.pledges", ratio(types, "MADE_AT", labels, "Ministerial"));
        per.put("Program.trainings", ratio(types, "TRAINS", labels, "Program"));
        per.put("Program.donations", ratio(types, "DONATES_TO", labels, "Program"));

        Map<String, Long> pages = new HashMap<>();
        for (String[] page : new String[][] {
                {"countries", "Country"}, {"organizations", "Organization"}, {"missions", "Mission"},
                {"sources", "Source"}, {"ministerials", "Ministerial"}, {"pledges", "Pledge"},
                {"programs", "Program"}, {"isolatedContributors", "Country"}, {"supportProviders", "Actor"},
                {"centrality", "Actor"}, {"suggestPartners", "Actor"}}) {
            pages.put("Query." + page[0], labels.getOrDefault(page[1], 0L));
        }
        Map<String, int[]> yearSpans = new HashMap<>();
        for (String field : new String[] {"trains", "trainedBy"}) {
            put(yearSpans, "*." + field, spans.get("TRAINS"));
        }
        for (String field : new String[] {"donatesTo", "receivesFrom"}) {
            put(yearSpans, "*." + field, spans.get("DONATES_TO"));
        }
        put(yearSpans, "*.partners", union(spans.get("TRAINS"), spans.get("DONATES_TO")));
        put(yearSpans, "Country.contributions", spans.get("CONTRIBUTES_TO"));
        put(yearSpans, "Mission.contributions", spans.get("CONTRIBUTES_TO"));
        put(yearSpans, "Mission.contributors", spans.get("CONTRIBUTES_TO"));
        put(yearSpans, "Program.trainings", spans.get("TRAINS"));
        put(yearSpans, "Program.donations", spans.get("DONATES_TO"));
        return new ListSizes(Map.copyOf(per), Map.copyOf(pages), Map.copyOf(yearSpans));
    }

    /** The expected length of {@code parent.field} in the graph, when the table knows it. */
    OptionalDouble expected(String parent, String field) {
        Double known = perParent.get(parent + "." + field);
        if (known == null && isActor(parent)) {
            known = perParent.get("*." + field);
        }
        return known == null ? OptionalDouble.empty() : OptionalDouble.of(known);
    }

    /** The most a root page or list can hold, when the table knows it. */
    OptionalDouble page(String parent, String field) {
        Long most = pages.get(parent + "." + field);
        return most == null ? OptionalDouble.empty() : OptionalDouble.of(most);
    }

    /**
     * The share of {@code parent.field}'s relationships a {@code years} filter from {@code from} to {@code to}
     * (either open) keeps, taking the years as evenly filled; 1 when the span is not known.
     */
    double yearShare(String parent, String field, Integer from, Integer to) {
        int[] span = yearSpans.get(parent + "." + field);
        if (span == null && isActor(parent)) {
            span = yearSpans.get("*." + field);
        }
        if (span == null || (from == null && to == null)) {
            return 1;
        }
        int first = Math.max(span[0], from == null ? span[0] : from);
        int last = Math.min(span[1], to == null ? span[1] : to);
        double years = span[1] - span[0] + 1;
        return Math.max(0, last - first + 1) / years;
    }

    private static boolean isActor(String parent) {
        return parent.equals("Country") || parent.equals("Organization") || parent.equals("Actor");
    }

    private static double ratio(Map<String, Long> types, String type, Map<String, Long> labels, String label) {
        long parents = labels.getOrDefault(label, 0L);
        return parents == 0 ? 0 : (double) types.getOrDefault(type, 0L) / parents;
    }

    private static void put(Map<String, int[]> spans, String key, int[] span) {
        if (span != null && span[1] >= span[0]) {
            spans.put(key, span);
        }
    }

    private static int[] union(int[] a, int[] b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return new int[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])};
    }
}
