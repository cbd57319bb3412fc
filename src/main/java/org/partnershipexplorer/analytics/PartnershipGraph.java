package org.partnershipexplorer.analytics;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.GraphDelegator;
import org.jgrapht.graph.SimpleDirectedGraph;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;
import org.jgrapht.graph.SimpleGraph;
import org.partnershipexplorer.deadline.Deadline;

/**
 * The partnership graph of docs/api.md for one selection of kinds and years, held in memory: parallel relationships
 * from a provider to a recipient are collapsed into one {@link Link} that keeps their count.
 *
 * <p>A relationship from an actor to itself is dropped: it is no partnership between two actors, and in an
 * undirected projection it would give a common neighbour a degree of 1, which JGraphT's Adamic-Adar index rejects
 * (stack-notes item 15).
 */
public final class PartnershipGraph {

    /** All relationships from one provider to one recipient in the selection. */
    public record Link(String provider, String recipient, int count) {
    }

    private final Set<String> actors;
    private final Map<String, Map<String, Integer>> out;
    private final Map<String, Map<String, Integer>> in;
    /** JGraphT works on vertex numbers: hashing small Integers instead of Strings makes betweenness several times faster. */
    private final List<String> ids;
    private final Map<String, Integer> index = new HashMap<>();

    private PartnershipGraph(Set<String> actors, Map<String, Map<String, Integer>> out,
            Map<String, Map<String, Integer>> in) {
        this.actors = actors;
        this.out = out;
        this.in = in;
        this.ids = List.copyOf(actors);
        for (int i = 0; i < ids.size(); i++) {
            index.put(ids.get(i), i);
        }
    }

    /** Links with the same ends are summed; self-links are dropped. Actors are those with at least one link. */
    public static PartnershipGraph of(Collection<Link> links) {
        Set<String> actors = new TreeSet<>();
        Map<String, Map<String, Integer>> out = new HashMap<>();
        Map<String, Map<String, Integer>> in = new HashMap<>();
        for (Link link : links) {
            if (link.count() <= 0 || link.provider().equals(link.recipient())) {
                continue;
            }
            actors.add(link.provider());
            actors.add(link.recipient());
            out.computeIfAbsent(link.provider(), k -> new TreeMap<>()).merge(link.recipient(), link.count(), Integer::sum);
            in.computeIfAbsent(link.recipient(), k -> new TreeMap<>()).merge(link.provider(), link.count(), Integer::sum);
        }
        return new PartnershipGraph(actors, out, in);
    }

    /** Actors with at least one relationship in the selection, in key order. */
    public Set<String> actors() {
        return actors;
    }

    public boolean isEmpty() {
        return actors.isEmpty();
    }

    /** Distinct providers of an actor, with the number of relationships each gave it, in key order. */
    public Map<String, Integer> providersOf(String actor) {
        return in.getOrDefault(actor, Map.of());
    }

    /** Distinct recipients of an actor, with the number of relationships it gave each, in key order. */
    public Map<String, Integer> recipientsOf(String actor) {
        return out.getOrDefault(actor, Map.of());
    }

    /** Relationships an actor received. */
    public int received(String actor) {
        return providersOf(actor).values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Relationships an actor gave. */
    public int given(String actor) {
        return recipientsOf(actor).values().stream().mapToInt(Integer::intValue).sum();
    }

    public List<Link> links() {
        return out.entrySet().stream()
                .flatMap(e -> e.getValue().entrySet().stream().map(r -> new Link(e.getKey(), r.getKey(), r.getValue())))
                .toList();
    }

    /** The actor of a vertex number of the JGraphT graphs below. */
    public String id(int vertex) {
        return ids.get(vertex);
    }

    /** The vertex number of an actor, or null when it has no relationship in the selection. */
    public Integer vertex(String actor) {
        return index.get(actor);
    }

    /*
     * The JGraphT graphs below are handed to algorithms that cannot be told to stop. Each of them starts a pass over
     * the graph by asking for its vertices (Brandes' betweenness once per source vertex, PageRank and the
     * connectivity inspectors when they start), so these graphs check the request's deadline there: an analysis
     * past it stops at its next pass with a RequestTimeoutException instead of running to its end.
     */

    /** Provider to recipient, one edge per pair weighted by the number of relationships (PageRank). */
    public Graph<Integer, DefaultWeightedEdge> directed(Deadline deadline) {
        Graph<Integer, DefaultWeightedEdge> g = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        addVertices(g);
        out.forEach((provider, recipients) -> recipients.forEach((recipient, count) -> {
            DefaultWeightedEdge e = g.addEdge(index.get(provider), index.get(recipient));
            g.setEdgeWeight(e, count);
        }));
        return new Within<>(g, deadline);
    }

    /** Provider to recipient, one edge per pair, unweighted (betweenness counts hops). */
    public Graph<Integer, DefaultEdge> directedHops(Deadline deadline) {
        Graph<Integer, DefaultEdge> g = new SimpleDirectedGraph<>(DefaultEdge.class);
        addVertices(g);
        out.forEach((provider, recipients) -> recipients.keySet().forEach(
                recipient -> g.addEdge(index.get(provider), index.get(recipient))));
        return new Within<>(g, deadline);
    }

    /** The undirected simple projection: one edge between two actors linked either way (components, cut points). */
    public Graph<Integer, DefaultEdge> undirected(Deadline deadline) {
        Graph<Integer, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
        addVertices(g);
        out.forEach((provider, recipients) -> recipients.keySet().forEach(recipient -> {
            int a = index.get(provider);
            int b = index.get(recipient);
            if (!g.containsEdge(a, b)) {
                g.addEdge(a, b);
            }
        }));
        return new Within<>(g, deadline);
    }

    private <E> void addVertices(Graph<Integer, E> g) {
        for (int i = 0; i < ids.size(); i++) {
            g.addVertex(i);
        }
    }

    /**
     * Any of the graphs above, built, then read through this view: every pass an algorithm starts over the
     * vertices checks the request's deadline first. One view for the three kinds of graph, rather than a subclass
     * of each.
     */
    private static final class Within<E> extends GraphDelegator<Integer, E> {
        private final transient Deadline deadline;

        Within(Graph<Integer, E> graph, Deadline deadline) {
            super(graph);
            this.deadline = deadline;
        }

        @Override
        public Set<Integer> vertexSet() {
            deadline.check();
            return super.vertexSet();
        }
    }
}
