package org.partnershipexplorer.network;

import jakarta.inject.Singleton;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Where the map draws each node of a slice: a force-directed layout (Fruchterman-Reingold) computed here rather than
 * in the browser. The browser's own force layout took most of the page's load (about 1.5 s of 2.7 s
 * for the 124 actors of the bundled seed, on a 2-core machine); here the same graph takes milliseconds, once.
 *
 * <p>The layout is a function of the slice's shape alone (its node ids and which pairs are linked), so it is
 * cached by that shape: two requests for the same view, from any user, share one computation, and a write that
 * changes the view changes its shape and so its key; no invalidation is needed, and an instance that did not see
 * the write still answers the right positions. It is deterministic (a fixed seed, nodes in id order), so the map
 * opens the same way every time and on every instance.
 */
@Singleton
public final class NetworkLayout {

    /**
     * The largest slice laid out here: the most actors the page draws one by one (MAX_DRAWN_NODES in map.js); a
     * larger view is drawn grouped by region and uses no positions, and the layout costs the square of the nodes.
     */
    public static final int MAX_NODES = 250;
    /** Distance the layout aims at between linked nodes, in the page's pixels at zoom 1 (its nodes are 14-60 px). */
    static final double SPACING = 80;
    /** Rounds of the force simulation (JGraphT's default for the same algorithm). */
    static final int ITERATIONS = 100;
    /** The square's side is SPACING / NORMALIZATION per root of the nodes: twice the ideal distance leaves room. */
    static final double NORMALIZATION = 0.5;
    static final long SEED = 20_211_207L;
    /** Slices whose layout is kept; a view's key is its shape, so the same views asked again share these. */
    static final int CACHED = 64;

    private final Map<Shape, Map<String, Point>> cache = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Shape, Map<String, Point>> eldest) {
                    return size() > CACHED;
                }
            });

    /** A position in the page's pixels at zoom 1, whole numbers so that the answer is compact and exact. */
    public record Point(int x, int y) {
    }

    /** What a layout depends on: the node ids in order and the linked pairs (each once, either direction). */
    record Shape(List<String> nodes, List<List<String>> links) {

        static Shape of(Network network) {
            List<String> nodes = network.nodes().stream().map(NetworkNode::id).toList();
            List<List<String>> links = network.edges().stream()
                    .filter(e -> !e.source().equals(e.target()))
                    .map(e -> e.source().compareTo(e.target()) < 0 ? List.of(e.source(), e.target())
                            : List.of(e.target(), e.source()))
                    .distinct()
                    .sorted((a, b) -> a.get(0).equals(b.get(0)) ? a.get(1).compareTo(b.get(1))
                            : a.get(0).compareTo(b.get(0)))
                    .toList();
            return new Shape(nodes, links);
        }
    }

    /** Each node's position by id; empty when the slice has more than MAX_NODES nodes (the page groups those). */
    public Map<String, Point> positions(Network network) {
        if (network.nodes().isEmpty() || network.nodes().size() > MAX_NODES) {
            return Map.of();
        }
        Shape shape = Shape.of(network);
        Map<String, Point> known = cache.get(shape);
        if (known != null) {
            return known;
        }
        Map<String, Point> computed = compute(shape);
        cache.put(shape, computed);
        return computed;
    }

    /** Whether the slice of this shape is laid out already (for tests of the cache). */
    boolean cached(Network network) {
        return cache.containsKey(Shape.of(network));
    }

    /** The side of the square the layout fills, in pixels at zoom 1. */
    static double side(int nodes) {
        return SPACING / NORMALIZATION * Math.sqrt(nodes);
    }

    /**
     * Fruchterman and Reingold's force-directed layout (1991) in plain arrays: every pair of nodes repels with
     * SPACING squared over their distance, every link pulls with its length squared over SPACING, and each round
     * moves a node at most a temperature that cools linearly to zero; nodes stay inside the square. JGraphT's own
     * FRLayoutAlgorithm2D gives the same kind of picture but took 1.1 to 1.4 s for 124 nodes on a busy 2-core machine
     * (its points are objects in maps); this takes milliseconds.
     */
    static Map<String, Point> compute(Shape shape) {
        int n = shape.nodes().size();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(shape.nodes().get(i), i);
        }
        int[][] links = shape.links().stream()
                .filter(l -> index.containsKey(l.get(0)) && index.containsKey(l.get(1)))
                .map(l -> new int[] {index.get(l.get(0)), index.get(l.get(1))})
                .toArray(int[][]::new);
        double side = side(n);
        double k = SPACING;
        double[] x = new double[n];
        double[] y = new double[n];
        Random random = new Random(SEED);
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble() * side;
            y[i] = random.nextDouble() * side;
        }
        double[] dx = new double[n];
        double[] dy = new double[n];
        double start = side / 10;
        for (int round = 0; round < ITERATIONS; round++) {
            java.util.Arrays.fill(dx, 0);
            java.util.Arrays.fill(dy, 0);
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    double ex = x[i] - x[j];
                    double ey = y[i] - y[j];
                    double d = Math.max(Math.hypot(ex, ey), 0.01);
                    double f = k * k / d / d;
                    dx[i] += ex * f;
                    dy[i] += ey * f;
                    dx[j] -= ex * f;
                    dy[j] -= ey * f;
                }
            }
            for (int[] link : links) {
                int u = link[0];
                int v = link[1];
                double ex = x[u] - x[v];
                double ey = y[u] - y[v];
                double d = Math.max(Math.hypot(ex, ey), 0.01);
                double f = d / k;
                dx[u] -= ex * f;
                dy[u] -= ey * f;
                dx[v] += ex * f;
                dy[v] += ey * f;
            }
            double temperature = start * (1 - (double) round / ITERATIONS);
            for (int i = 0; i < n; i++) {
                double d = Math.hypot(dx[i], dy[i]);
                if (d > 0) {
                    double step = Math.min(d, temperature) / d;
                    x[i] = Math.min(side, Math.max(0, x[i] + dx[i] * step));
                    y[i] = Math.min(side, Math.max(0, y[i] + dy[i] * step));
                }
            }
        }
        Map<String, Point> positions = new HashMap<>();
        for (int i = 0; i < n; i++) {
            positions.put(shape.nodes().get(i), new Point((int) Math.round(x[i]), (int) Math.round(y[i])));
        }
        return Map.copyOf(positions);
    }
}
