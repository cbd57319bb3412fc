package org.partnershipexplorer.graphql;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * How long each list of the schema is in the graph as it stands, from the graph's own counts: a list of the
 * relationships of one type below a node of one label holds, on average, the relationships of that type over the
 * nodes of that label; a page holds at most the nodes its label has. {@link DocumentCost} multiplies by these instead
 * of a worst case, so the cost tracks the size of the answer: a page of 500 countries is what the graph has of them
 * (197 in the bundled seed), and each country's trainings are a few, not {@code list-weight}.
 *
 * <p>A list below another list is reached through a relationship, and a node reached that way is more often a node
 * with many relationships (the big trainers, the big contributors): there the expected length is the mean degree
 * weighted by degree, the sum of the squared degrees over their sum, read from the graph too. Without it a chain
 * such as trainee { trains { trainee { trains } } } would be counted as a few rows a level while the hubs make it
 * hundreds.
 *
 * <p>A list filtered by {@code years} is scaled by the share of the relationships' span of years the filter covers.
 * Lists this table does not name keep the list weight: they are computed (analyses, statistics) or small.
 *
 * @param perParent  expected length of {@code Type.field} or (for the fields every actor has) {@code *.field}
 * @param nested     the same, for a list below another list: the degree-weighted mean
 * @param pages      the most a page of a root connection or list can hold: the nodes of its label
 * @param yearSpans  for a list with a {@code years} filter, the first and last year of its relationships
 */
record ListSizes(Map<String, Double> perParent, Map<String, Double> nested, Map<String, Long> pages,
        Map<String, int[]> yearSpans) {

    /** No counts yet (the graph not read, or an external database not reachable): every list keeps the list weight. */
    static final ListSizes UNKNOWN = new ListSizes(Map.of(), Map.of(), Map.of(), Map.of());

    /**
     * A list field and what it follows: relationships of {@code type} from ({@code out}) or to a node of
     * {@code label}. {@code *.field} stands for the field on every actor type.
     */
    record Follow(String field, String label, String type, boolean out) {

        /** The degree of the label's node {@code n} for this type and direction, as Cypher. */
        String degree() {
            return "COUNT { (n)" + (out ? "-[:" + type + "]->" : "<-[:" + type + "]-") + "() }";
        }
    }

    static final List<Follow> FOLLOWS = List.of(
            new Follow("*.trains", "Actor", "TRAINS", true),
            new Follow("*.trainedBy", "Actor", "TRAINS", false),
            new Follow("*.donatesTo", "Actor", "DONATES_TO", true),
            new Follow("*.receivesFrom", "Actor", "DONATES_TO", false),
            new Follow("*.pledges", "Actor", "PLEDGED", true),
            new Follow("*.attended", "Actor", "ATTENDED", true),
            new Follow("Country.contributions", "Country", "CONTRIBUTES_TO", true),
            new Follow("Country.deployments", "Country", "REPORTED", true),
            new Follow("Country.memberships", "Country", "MEMBER_OF", true),
            new Follow("Country.hostedMissions", "Country", "LOCATED_IN", false),
            new Follow("Organization.members", "Organization", "MEMBER_OF", false),
            new Follow("Mission.hosts", "Mission", "LOCATED_IN", true),
            new Follow("Mission.contributions", "Mission", "CONTRIBUTES_TO", false),
            new Follow("Mission.contributors", "Mission", "CONTRIBUTES_TO", false),
            new Follow("Ministerial.attendance", "Ministerial", "ATTENDED", false),
            new Follow("Ministerial.pledges", "Ministerial", "MADE_AT", false));

    /**
     * The table for the graph's counts.
     *
     * @param labels   nodes per label (Actor, Country, Organization, Mission, Ministerial, Pledge, Program, Source)
     * @param types    relationships per type
     * @param spans    first and last year of the relationships of a type that carries years
     * @param squares  per {@link Follow#field()}, the sum over the label's nodes of the squared number of
     *                 relationships each has of that type in that direction
     */
    static ListSizes of(Map<String, Long> labels, Map<String, Long> types, Map<String, int[]> spans,
            Map<String, Long> squares) {
        Map<String, Double> per = new HashMap<>();
        Map<String, Double> nested = new HashMap<>();
        for (Follow follow : FOLLOWS) {
            long relationships = types.getOrDefault(follow.type(), 0L);
            per.put(follow.field(), ratio(relationships, labels.getOrDefault(follow.label(), 0L)));
            Long square = squares.get(follow.field());
            nested.put(follow.field(), square == null ? per.get(follow.field()) : ratio(square, relationships));
        }
        // partners: one entry per distinct partner, at most every partnership of the actor either way
        for (Map<String, Double> table : List.of(per, nested)) {
            table.put("*.partners", table.get("*.trains") + table.get("*.trainedBy") + table.get("*.donatesTo")
                    + table.get("*.receivesFrom"));
        }
        per.put("Program.trainings", ratio(types.getOrDefault("TRAINS", 0L), labels.getOrDefault("Program", 0L)));
        per.put("Program.donations", ratio(types.getOrDefault("DONATES_TO", 0L), labels.getOrDefault("Program", 0L)));

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
        return new ListSizes(Map.copyOf(per), Map.copyOf(nested), Map.copyOf(pages), Map.copyOf(yearSpans));
    }

    /**
     * The expected length of {@code parent.field} in the graph, when the table knows it.
     *
     * @param belowList whether the parent was itself reached through a list (then the degree-weighted mean)
     */
    OptionalDouble expected(String parent, String field, boolean belowList) {
        Map<String, Double> table = belowList ? nested : perParent;
        Double known = table.get(parent + "." + field);
        if (known == null && isActor(parent)) {
            known = table.get("*." + field);
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

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
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
