package org.partnershipexplorer.analytics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.BiconnectivityInspector;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.alg.scoring.PageRank;
import org.jgrapht.graph.AsSubgraph;
import org.jgrapht.graph.DefaultEdge;
import org.partnershipexplorer.deadline.Deadline;

/**
 * The measures of the partnership graph, each a pure function of a {@link PartnershipGraph} (JGraphT does the work).
 * Each stops with a {@link org.partnershipexplorer.deadline.RequestTimeoutException} once its request's deadline has
 * passed: between its steps, and at each pass JGraphT makes over the graph ({@link PartnershipGraph}).
 */
public final class GraphMeasures {

    /** PageRank's usual damping: a random walker follows a link 85% of the time. */
    static final double DAMPING = 0.85;
    /** Tighter than JGraphT's default (1e-4): a graph of a few hundred actors converges in well under a millisecond. */
    static final double PAGE_RANK_TOLERANCE = 1e-9;
    static final int PAGE_RANK_MAX_ITERATIONS = 1000;

    private GraphMeasures() {
    }

    /** Every actor's degrees, betweenness and PageRank, highest PageRank first (ties by key). */
    public static List<ActorCentrality> centrality(PartnershipGraph graph, Deadline deadline) {
        // Betweenness counts hops: with the counts as weights, a busier link would read as a longer path.
        Map<Integer, Double> betweenness = new BetweennessCentrality<>(graph.directedHops(deadline), false)
                .getScores();
        Map<Integer, Double> pageRank = new PageRank<>(graph.directed(deadline), DAMPING, PAGE_RANK_MAX_ITERATIONS,
                PAGE_RANK_TOLERANCE).getScores();
        List<ActorCentrality> result = new ArrayList<>();
        for (String actor : graph.actors()) {
            int v = graph.vertex(actor);
            result.add(new ActorCentrality(actor, graph.received(actor), graph.given(actor),
                    graph.providersOf(actor).size(), graph.recipientsOf(actor).size(),
                    betweenness.get(v), pageRank.get(v)));
        }
        result.sort(Comparator.comparingDouble(ActorCentrality::pageRank).reversed()
                .thenComparing(ActorCentrality::actorId));
        return result;
    }

    /** Weakly connected components of the undirected projection, largest first. */
    public static List<Component> components(PartnershipGraph graph, Deadline deadline) {
        return components(graph, graph.undirected(deadline));
    }

    static <E> List<Component> components(PartnershipGraph graph, Graph<Integer, E> undirected) {
        return ranked(graph, new ConnectivityInspector<>(undirected).connectedSets());
    }

    /** Sets of vertices as components: largest first, then by their first key; members in key order. */
    static List<Component> ranked(PartnershipGraph graph, Collection<Set<Integer>> sets) {
        List<TreeSet<String>> sorted = new ArrayList<>();
        sets.forEach(s -> {
            TreeSet<String> members = new TreeSet<>();
            s.forEach(v -> members.add(graph.id(v)));
            sorted.add(members);
        });
        sorted.sort(Comparator.<TreeSet<String>>comparingInt(Set::size).reversed()
                .thenComparing(TreeSet::first));
        List<Component> result = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            result.add(new Component(i, sorted.get(i).size(), List.copyOf(sorted.get(i))));
        }
        return result;
    }

    /**
     * Providers that are the only provider of at least one recipient (most such recipients first), and the cut
     * points of the undirected projection with the pieces their removal leaves of their component.
     */
    public static CriticalProviders criticalProviders(PartnershipGraph graph, Deadline deadline) {
        Map<String, List<String>> sole = new TreeMap<>();
        for (String recipient : graph.actors()) {
            Map<String, Integer> providers = graph.providersOf(recipient);
            if (providers.size() == 1) {
                sole.computeIfAbsent(providers.keySet().iterator().next(), k -> new ArrayList<>()).add(recipient);
            }
        }
        List<CriticalProvider> providers = new ArrayList<>();
        sole.forEach((provider, recipients) -> providers.add(new CriticalProvider(provider, List.copyOf(recipients))));
        providers.sort(Comparator.comparingInt((CriticalProvider p) -> p.soleRecipientIds().size()).reversed()
                .thenComparing(CriticalProvider::providerId));

        Graph<Integer, DefaultEdge> undirected = graph.undirected(deadline);
        // BiconnectivityInspector needs an undirected graph. The simple projection is built undirected (rather than
        // an AsUndirectedGraph view of the directed graph, which would keep A>B and B>A as two parallel edges).
        BiconnectivityInspector<Integer, DefaultEdge> inspector = new BiconnectivityInspector<>(undirected);
        ConnectivityInspector<Integer, DefaultEdge> connectivity = new ConnectivityInspector<>(undirected);
        List<CutPoint> cutPoints = new ArrayList<>();
        for (int cut : inspector.getCutpoints()) {
            // the components left without each cut point: one search of its component per cut point
            deadline.check();
            Set<Integer> rest = new HashSet<>(connectivity.connectedSetOf(cut));
            rest.remove(cut);
            cutPoints.add(new CutPoint(graph.id(cut), components(graph, new AsSubgraph<>(undirected, rest))));
        }
        cutPoints.sort(Comparator.comparing(CutPoint::actorId));
        return new CriticalProviders(providers, cutPoints);
    }

    /**
     * The graph after the {@code withdrawn} actors leave: recipients that had a provider and would have none
     * (withdrawn recipients aside), and the components before and after. Actors left with no partner at all stay,
     * as components of one.
     */
    public static WhatIf whatIf(PartnershipGraph graph, Collection<String> withdrawn, Deadline deadline) {
        Set<String> gone = new TreeSet<>(withdrawn);
        List<String> orphaned = new ArrayList<>();
        for (String recipient : graph.actors()) {
            Set<String> providers = graph.providersOf(recipient).keySet();
            if (!gone.contains(recipient) && !providers.isEmpty() && gone.containsAll(providers)) {
                orphaned.add(recipient);
            }
        }
        Graph<Integer, DefaultEdge> before = graph.undirected(deadline);
        List<Component> componentsBefore = components(graph, before);
        Set<Integer> remaining = new HashSet<>(before.vertexSet());
        gone.forEach(actor -> {
            Integer v = graph.vertex(actor);
            if (v != null) {
                remaining.remove(v);
            }
        });
        List<Component> componentsAfter = components(graph, new AsSubgraph<>(before, remaining));
        return new WhatIf(List.copyOf(gone), orphaned, componentsBefore.size(), componentsAfter.size(),
                largest(componentsBefore), largest(componentsAfter), componentsAfter);
    }

    private static int largest(List<Component> components) {
        return components.isEmpty() ? 0 : components.get(0).size();
    }
}
