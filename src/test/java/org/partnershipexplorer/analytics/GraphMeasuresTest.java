package org.partnershipexplorer.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.partnershipexplorer.analytics.PartnershipGraph.Link;
import org.partnershipexplorer.deadline.Deadline;
import org.partnershipexplorer.deadline.RequestTimeoutException;

@DisplayName("graph measures on small graphs worked out by hand")
class GraphMeasuresTest {

    /** "A>B*3" is three relationships from A to B. */
    static PartnershipGraph graph(String... links) {
        return PartnershipGraph.of(Arrays.stream(links).map(s -> {
            String[] ends = s.split("[>*]");
            return new Link(ends[0], ends[1], ends.length > 2 ? Integer.parseInt(ends[2]) : 1);
        }).toList());
    }

    static Map<String, ActorCentrality> byActor(PartnershipGraph g) {
        return GraphMeasures.centrality(g, Deadline.NONE).stream()
                .collect(Collectors.toMap(ActorCentrality::actorId, Function.identity()));
    }

    @Test
    @DisplayName("degrees count relationships, partners count distinct actors, parallel links are summed")
    void degrees() {
        var c = byActor(graph("A>B*2", "A>B", "A>C", "B>C*2"));
        assertEquals(new ActorCentrality("A", 0, 4, 0, 2, 0, c.get("A").pageRank()), c.get("A"));
        assertEquals(3, c.get("B").inDegree());
        assertEquals(1, c.get("B").inPartners());
        assertEquals(2, c.get("B").outDegree());
        assertEquals(1, c.get("B").outPartners());
        assertEquals(3, c.get("C").inDegree());
        assertEquals(2, c.get("C").inPartners());
        assertEquals(0, c.get("C").outDegree());
    }

    @Test
    @DisplayName("a self-partnership is dropped: it is no link between two actors")
    void selfLinksDropped() {
        var g = graph("A>A*4", "A>B");
        assertEquals(List.of(new Link("A", "B", 1)), g.links());
        assertEquals(1, byActor(g).get("A").outDegree());
    }

    @Test
    @DisplayName("betweenness of the directed path A>B>C>D: B and C each lie on two shortest paths")
    void betweennessOfAPath() {
        var c = byActor(graph("A>B", "B>C", "C>D"));
        assertEquals(0.0, c.get("A").betweenness());
        assertEquals(2.0, c.get("B").betweenness());
        assertEquals(2.0, c.get("C").betweenness());
        assertEquals(0.0, c.get("D").betweenness());
    }

    @Test
    @DisplayName("betweenness of a star: two providers into a hub that serves three recipients puts the hub on 6 paths")
    void betweennessOfAStar() {
        var c = byActor(graph("L1>H*5", "L2>H", "H>R1", "H>R2", "H>R3"));
        assertEquals(6.0, c.get("H").betweenness());
        for (String leaf : List.of("L1", "L2", "R1", "R2", "R3")) {
            assertEquals(0.0, c.get(leaf).betweenness(), leaf);
        }
    }

    @Test
    @DisplayName("betweenness counts hops: five relationships on A>B do not make the path through B longer")
    void betweennessIgnoresCounts() {
        var c = byActor(graph("A>B*5", "B>D", "A>C", "C>D"));
        assertEquals(0.5, c.get("B").betweenness(), 1e-12);
        assertEquals(0.5, c.get("C").betweenness(), 1e-12);
    }

    @Test
    @DisplayName("PageRank of a directed cycle of three is a third each")
    void pageRankOfASymmetricGraph() {
        var c = byActor(graph("A>B*2", "B>C*2", "C>A*2"));
        for (String a : List.of("A", "B", "C")) {
            assertEquals(1.0 / 3, c.get(a).pageRank(), 1e-4, a);
        }
    }

    @Test
    @DisplayName("PageRank follows the counts: A gives B three times what it gives C (18/37, 13.325/37, 5.675/37)")
    void pageRankIsWeighted() {
        // PR(A) = 0.05 + 0.85 (PR(B) + PR(C)); PR(B) = 0.05 + 0.85 * 3/4 PR(A); PR(C) = 0.05 + 0.85 * 1/4 PR(A)
        var c = byActor(graph("A>B*3", "A>C", "B>A", "C>A"));
        assertEquals(18 / 37.0, c.get("A").pageRank(), 1e-3);
        assertEquals(13.325 / 37, c.get("B").pageRank(), 1e-3);
        assertEquals(5.675 / 37, c.get("C").pageRank(), 1e-3);
        assertEquals(List.of("A", "B", "C"),
                GraphMeasures.centrality(graph("A>B*3", "A>C", "B>A", "C>A"), Deadline.NONE).stream()
                        .map(ActorCentrality::actorId).toList());
    }

    @Test
    @DisplayName("components are weakly connected, largest first, members in key order")
    void components() {
        var components = GraphMeasures.components(graph("A>B", "D>C", "D>E"), Deadline.NONE);
        assertEquals(List.of(new Component(0, 3, List.of("C", "D", "E")), new Component(1, 2, List.of("A", "B"))),
                components);
    }

    @Test
    @DisplayName("critical providers: the only provider of a recipient, most sole recipients first")
    void criticalProviders() {
        var g = graph("P>R1", "P>R2", "Q>R2", "Q>R3", "S>R3", "T>R4", "T>R5");
        var critical = GraphMeasures.criticalProviders(g, Deadline.NONE);
        assertEquals(List.of(new CriticalProvider("T", List.of("R4", "R5")), new CriticalProvider("P", List.of("R1"))),
                critical.providers());
    }

    @Test
    @DisplayName("cut points of A-B-C-D plus the triangle D-E-F: B, C and D, with the pieces each leaves")
    void cutPoints() {
        var g = graph("A>B", "B>C", "C>D", "D>E", "E>F", "F>D");
        var cuts = GraphMeasures.criticalProviders(g, Deadline.NONE).cutPoints();
        assertEquals(List.of(
                new CutPoint("B", List.of(new Component(0, 4, List.of("C", "D", "E", "F")),
                        new Component(1, 1, List.of("A")))),
                new CutPoint("C", List.of(new Component(0, 3, List.of("D", "E", "F")),
                        new Component(1, 2, List.of("A", "B")))),
                new CutPoint("D", List.of(new Component(0, 3, List.of("A", "B", "C")),
                        new Component(1, 2, List.of("E", "F"))))), cuts);
    }

    @Test
    @DisplayName("what if P withdraws: R1 loses its only provider, the first component splits in two")
    void whatIfOneWithdraws() {
        var g = graph("P>R1", "P>R2", "Q>R2", "Q>R3", "S>R3", "T>R4", "T>R5");
        var w = GraphMeasures.whatIf(g, List.of("P"), Deadline.NONE);
        assertEquals(List.of("P"), w.withdrawnIds());
        assertEquals(List.of("R1"), w.orphanedRecipientIds());
        assertEquals(2, w.componentsBefore());
        assertEquals(6, w.largestBefore());
        assertEquals(3, w.componentsAfter());
        assertEquals(4, w.largestAfter());
        assertEquals(List.of(new Component(0, 4, List.of("Q", "R2", "R3", "S")),
                new Component(1, 3, List.of("R4", "R5", "T")), new Component(2, 1, List.of("R1"))), w.components());
    }

    @Test
    @DisplayName("what if P and Q withdraw: R1 and R2 are orphaned, R3 keeps S; an actor absent from the graph changes nothing")
    void whatIfTwoWithdraw() {
        var g = graph("P>R1", "P>R2", "Q>R2", "Q>R3", "S>R3", "T>R4", "T>R5");
        var w = GraphMeasures.whatIf(g, List.of("Q", "P", "ZZZ"), Deadline.NONE);
        assertEquals(List.of("P", "Q", "ZZZ"), w.withdrawnIds());
        assertEquals(List.of("R1", "R2"), w.orphanedRecipientIds());
        assertEquals(4, w.componentsAfter());
        assertEquals(3, w.largestAfter());
    }

    @Test
    @DisplayName("an empty graph has no centrality, no component and no critical provider")
    void emptyGraph() {
        var g = graph();
        assertEquals(List.of(), GraphMeasures.centrality(g, Deadline.NONE));
        assertEquals(List.of(), GraphMeasures.components(g, Deadline.NONE));
        assertEquals(new CriticalProviders(List.of(), List.of()), GraphMeasures.criticalProviders(g, Deadline.NONE));
        assertEquals(new WhatIf(List.of("A"), List.of(), 0, 0, 0, 0, List.of()),
                GraphMeasures.whatIf(g, List.of("A"), Deadline.NONE));
    }

    /** A ring of {@code size} actors: A0 > A1 > ... > A(size-1) > A0. */
    static PartnershipGraph ring(int size) {
        return graph(java.util.stream.IntStream.range(0, size)
                .mapToObj(i -> "A" + i + ">A" + (i + 1) % size).toArray(String[]::new));
    }

    /** A deadline of one second whose clock jumps past it at its {@code passAt}-th reading, counting its readings. */
    static Deadline passingAt(int passAt, AtomicInteger readings) {
        return Deadline.after(Duration.ofSeconds(1),
                () -> readings.incrementAndGet() >= passAt ? Duration.ofSeconds(2).toNanos() : 0L);
    }

    @Test
    @DisplayName("centrality stops inside betweenness, at the first pass over the graph after its deadline")
    void centralityStopsWithinBetweenness() {
        AtomicInteger readings = new AtomicInteger();
        // the deadline is made (1 reading) and checked before each of Brandes' passes: 50 sources, several each
        Deadline deadline = passingAt(21, readings);
        assertThrows(RequestTimeoutException.class, () -> GraphMeasures.centrality(ring(50), deadline));
        assertEquals(21, readings.get());
    }

    @Test
    @DisplayName("every measure stops at once when its request's deadline has passed")
    void measuresStopPastTheDeadline() {
        PartnershipGraph g = graph("P>R1", "P>R2", "Q>R2", "R2>S");
        AtomicInteger readings = new AtomicInteger();
        Deadline passed = passingAt(2, readings);
        assertThrows(RequestTimeoutException.class, () -> GraphMeasures.centrality(g, passed));
        assertThrows(RequestTimeoutException.class, () -> GraphMeasures.components(g, passed));
        assertThrows(RequestTimeoutException.class, () -> GraphMeasures.criticalProviders(g, passed));
        assertThrows(RequestTimeoutException.class, () -> GraphMeasures.whatIf(g, List.of("P"), passed));
    }
}
