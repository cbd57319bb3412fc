package org.partnershipexplorer.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.partnershipexplorer.network.NetworkLayout.Point;
import org.partnershipexplorer.provenance.Confidence;

@DisplayName("The server's layout of a network slice")
class NetworkLayoutTest {

    private static NetworkNode node(String id) {
        return new NetworkNode(id, NetworkNodeKind.COUNTRY, id, "Africa", null, null, Confidence.VERIFIED, "s");
    }

    private static NetworkEdge training(String source, String target, int year) {
        return new NetworkEdge("TRAINING:" + source + ":" + target + ":" + year, source, target,
                NetworkEdgeKind.TRAINING, year, null, null, Confidence.VERIFIED, "s");
    }

    /** A chain A-B-C-D and a triangle D-E-F: small enough to check by eye, large enough to have a shape. */
    private static Network sample() {
        List<NetworkNode> nodes = List.of(node("A"), node("B"), node("C"), node("D"), node("E"), node("F"));
        List<NetworkEdge> edges = List.of(training("A", "B", 2015), training("B", "C", 2016), training("C", "D", 2017),
                training("D", "E", 2018), training("E", "F", 2019), training("F", "D", 2020));
        return new Network(nodes, edges);
    }

    private static double distance(Point a, Point b) {
        return Math.hypot(a.x() - b.x(), a.y() - b.y());
    }

    @Test
    @DisplayName("gives every node whole-pixel coordinates inside a square of 160 px times the root of the nodes, "
            + "the same each time")
    void deterministicInsideItsBox() {
        Map<String, Point> first = new NetworkLayout().positions(sample());
        Map<String, Point> second = new NetworkLayout().positions(sample());
        assertEquals(first, second, "a fixed seed and nodes in id order: every instance draws the same map");
        assertEquals(List.of("A", "B", "C", "D", "E", "F"), first.keySet().stream().sorted().toList());
        double side = NetworkLayout.side(6);
        long edge = (long) Math.ceil(side);
        first.values().forEach(p -> assertTrue(p.x() >= 0 && p.x() <= edge && p.y() >= 0 && p.y() <= edge,
                () -> p + " outside the " + side + " px square"));
        // the figures this build computes (a change of algorithm, seed or spacing shows here): the chain A-B-C-D
        // runs from a corner to the triangle D-E-F
        assertEquals(Map.of("A", new Point(0, 0), "B", new Point(60, 76), "C", new Point(148, 154),
                "D", new Point(251, 227), "E", new Point(306, 309), "F", new Point(348, 247)), first);
    }

    @Test
    @DisplayName("keeps linked nodes nearer than unlinked ones, and no two nodes on one spot")
    void readable() {
        Map<String, Point> p = new NetworkLayout().positions(sample());
        assertTrue(distance(p.get("A"), p.get("B")) < distance(p.get("A"), p.get("F")),
                "A and B are linked, A and F four steps apart: " + p);
        List<Point> all = new ArrayList<>(p.values());
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                assertTrue(distance(all.get(i), all.get(j)) >= 20, "nodes drawn on each other: " + p);
            }
        }
    }

    @Test
    @DisplayName("is shared by views of the same shape: years, kinds, direction and repeated lines do not count")
    void cachedByShape() {
        NetworkLayout layout = new NetworkLayout();
        Map<String, Point> first = layout.positions(sample());
        // the same pairs, linked the other way round, in other years, some twice
        List<NetworkEdge> edges = List.of(training("B", "A", 2001), training("A", "B", 2002), training("C", "B", 2003),
                training("D", "C", 2004), training("E", "D", 2005), training("F", "E", 2006), training("D", "F", 2007));
        Network sameShape = new Network(sample().nodes(), edges);
        assertTrue(layout.cached(sameShape));
        assertSame(first, layout.positions(sameShape), "laid out once, answered from the cache");
        // one more line is another shape, laid out on its own
        List<NetworkEdge> more = new ArrayList<>(sample().edges());
        more.add(training("A", "F", 2021));
        Network other = new Network(sample().nodes(), more);
        assertFalse(layout.cached(other));
        assertNotEquals(first, layout.positions(other));
        assertTrue(layout.cached(other));
    }

    @Test
    @DisplayName("lays out nothing over 250 nodes (the page groups such views) and nothing for an empty slice")
    void tooLargeOrEmpty() {
        List<NetworkNode> many = IntStream.range(0, NetworkLayout.MAX_NODES + 1).mapToObj(i -> node("N" + i)).toList();
        assertEquals(Map.of(), new NetworkLayout().positions(new Network(many, List.of())));
        assertEquals(Map.of(), new NetworkLayout().positions(new Network(List.of(), List.of())));
        List<NetworkNode> limit = many.subList(0, NetworkLayout.MAX_NODES);
        assertEquals(NetworkLayout.MAX_NODES, new NetworkLayout().positions(new Network(limit, List.of())).size());
    }
}
