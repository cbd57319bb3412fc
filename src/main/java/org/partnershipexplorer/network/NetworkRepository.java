package org.partnershipexplorer.network;

import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.partnershipexplorer.deadline.Deadline;
import org.partnershipexplorer.graphql.ApiException;
import org.partnershipexplorer.neo4j.Cypher;
import org.partnershipexplorer.neo4j.Rows;
import org.partnershipexplorer.provenance.Confidence;

/** Reads one slice of the network in a single statement. */
@Singleton
public class NetworkRepository {

    private final Cypher cypher;

    public NetworkRepository(Cypher cypher) {
        this.cypher = cypher;
    }

    /**
     * The slice, with its nodes and edges ordered by id; NOT_FOUND when the center, the mission or the region
     * names nothing in the graph (an empty slice would hide the typo).
     */
    public Network slice(Deadline deadline, NetworkSlice slice) {
        Map<String, Object> p = new HashMap<>();
        p.put("types", slice.relationshipTypes());
        p.put("confidence", slice.storedConfidence());
        p.put("from", slice.years().from());
        p.put("to", slice.years().to());
        p.put("region", slice.region());
        p.put("mission", slice.mission());
        p.put("center", slice.center());
        p.put("includeMissions", slice.includeMissions());
        Record row = cypher.read(deadline, SLICE_BY_DEPTH.get(slice.depth() - 1), p, r -> r).get(0);
        if (slice.center() != null && !row.get("centerFound").asBoolean()) {
            throw ApiException.notFound("actor", slice.center());
        }
        if (slice.mission() != null && !row.get("missionFound").asBoolean()) {
            throw ApiException.notFound("mission", slice.mission());
        }
        if (slice.region() != null && !row.get("regionFound").asBoolean()) {
            throw ApiException.notFound("region", slice.region());
        }
        List<NetworkNode> nodes = row.get("nodes").asList(NetworkRepository::node).stream()
                .sorted(Comparator.comparing(NetworkNode::id))
                .toList();
        List<NetworkEdge> edges = row.get("edges").asList(NetworkRepository::edge).stream()
                .sorted(Comparator.comparing(NetworkEdge::id))
                .toList();
        return new Network(nodes, edges);
    }

    private static NetworkNode node(Value v) {
        return new NetworkNode(v.get("id").asString(), NetworkNodeKind.valueOf(v.get("kind").asString()),
                v.get("label").asString(), Rows.text(v, "region"), Rows.integer(v, "personnel"),
                Rows.date(v, "personnelAsOf"), Confidence.of(v.get("confidence").asString()),
                v.get("source").asString());
    }

    private static NetworkEdge edge(Value v) {
        return new NetworkEdge(v.get("id").asString(), v.get("source").asString(), v.get("target").asString(),
                NetworkEdgeKind.valueOf(v.get("kind").asString()), Rows.integer(v, "year"), Rows.integer(v, "endYear"),
                Rows.text(v, "label"), Confidence.of(v.get("confidence").asString()),
                v.get("sourceRef").asString());
    }

    /*
     * How the slice is found without reading the whole graph when a part is asked for: the actors the edges
     * must touch (the anchors) come first: the center's neighbourhood, else the mission's contributors, else the
     * region's countries; the edges are then expanded from those anchors by index seeks. Only a request for the
     * whole network scans every partnership, because it returns every partnership.
     *
     * The neighbourhood is a breadth-first search (ANY SHORTEST to every reachable actor, Neo4j 5.21+), where a
     * variable-length MATCH would enumerate every path. Its bound must be a literal, and a bound wider than the
     * depth asked for (filtered after) was measured 50 times slower on the seed: so there is one statement per
     * depth, made once from this text with the literal 1..MAX_DEPTH in place of DEPTH (never a caller's value).
     */
    static final String SLICE = """
            OPTIONAL MATCH (center:Actor {id: $center})
            OPTIONAL MATCH (focus:Mission {acronym: $mission})
            WITH center, focus,
                 $region IS NULL OR EXISTS { MATCH (k:Country) WHERE k.region = $region } AS regionFound
            CALL (center) {
              OPTIONAL MATCH p = ANY SHORTEST (center)-[r:TRAINS|DONATES_TO
                  WHERE type(r) IN $types AND r.confidence IN $confidence
                    AND ($to IS NULL OR r.year <= $to) AND ($from IS NULL OR coalesce(r.endYear, r.year) >= $from)
                ]-{1,DEPTH}(x:Actor)
              WITH collect(DISTINCT x.id) AS near
              RETURN CASE WHEN center IS NULL THEN null ELSE [center.id] + near END AS reached
            }
            CALL (focus) {
              OPTIONAL MATCH (x:Country)-[c:CONTRIBUTES_TO]->(focus)
              WHERE ($from IS NULL OR c.year >= $from) AND ($to IS NULL OR c.year <= $to)
              WITH collect(DISTINCT x.id) AS contributors
              RETURN CASE WHEN focus IS NULL THEN null ELSE contributors END AS served
            }
            CALL {
              OPTIONAL MATCH (k:Country) WHERE $region IS NOT NULL AND k.region = $region
              WITH collect(k.id) AS countries
              RETURN CASE WHEN $region IS NULL THEN null ELSE countries END AS inRegion
            }
            WITH center, focus, regionFound, reached, served, coalesce(reached, served, inRegion) AS anchors
            CALL (anchors, reached, served) {
              CALL (anchors) {
                WITH anchors WHERE anchors IS NOT NULL
                UNWIND anchors AS anchor
                MATCH (:Actor {id: anchor})-[r:TRAINS|DONATES_TO]-(:Actor)
                RETURN DISTINCT r
                UNION
                WITH anchors WHERE anchors IS NULL
                MATCH (:Actor)-[r:TRAINS|DONATES_TO]->(:Actor)
                RETURN r
              }
              WITH r, startNode(r) AS a, endNode(r) AS b
              WHERE type(r) IN $types AND r.confidence IN $confidence
                AND ($to IS NULL OR r.year <= $to) AND ($from IS NULL OR coalesce(r.endYear, r.year) >= $from)
                AND ($region IS NULL OR a.region = $region OR b.region = $region)
                AND (served IS NULL OR a.id IN served OR b.id IN served)
                AND (reached IS NULL OR (a.id IN reached AND b.id IN reached))
              RETURN collect({id: r.id, source: a.id, target: b.id,
                              kind: CASE type(r) WHEN 'TRAINS' THEN 'TRAINING' ELSE 'DONATION' END,
                              year: r.year, endYear: r.endYear, label: coalesce(r.item, r.program, r.topic),
                              confidence: r.confidence, sourceRef: r.source}) AS partnerships,
                     collect(a) + collect(b) AS partners
            }
            CALL (anchors, reached) {
              CALL (anchors) {
                WITH anchors WHERE $includeMissions AND anchors IS NOT NULL
                UNWIND anchors AS anchor
                MATCH (x:Country {id: anchor})-[c:CONTRIBUTES_TO]->(m:Mission)
                RETURN x, c, m
                UNION
                WITH anchors WHERE $includeMissions AND anchors IS NULL
                MATCH (x:Country)-[c:CONTRIBUTES_TO]->(m:Mission)
                RETURN x, c, m
              }
              WITH x, c, m
              WHERE c.confidence IN $confidence
                AND ($from IS NULL OR c.year >= $from) AND ($to IS NULL OR c.year <= $to)
                AND ($region IS NULL OR x.region = $region)
                AND ($mission IS NULL OR m.acronym = $mission)
                AND (reached IS NULL OR x.id IN reached)
              RETURN collect({id: c.id, source: x.id, target: 'mission:' + m.acronym, kind: 'CONTRIBUTION',
                              year: c.year, endYear: null, label: toString(c.total),
                              confidence: c.confidence, sourceRef: c.source}) AS contributions,
                     collect(x) + collect(m) AS contributors
            }
            CALL (partners, contributors, center) {
              UNWIND partners + contributors + CASE WHEN center IS NULL THEN [] ELSE [center] END AS n
              WITH DISTINCT n
              WITH n, COLLECT {
                MATCH (n)-[:REPORTED]->(d:Deployment) RETURN d ORDER BY d.asOf DESC LIMIT 1
              } AS newest
              RETURN collect({
                id: CASE WHEN n:Mission THEN 'mission:' + n.acronym ELSE n.id END,
                kind: CASE WHEN n:Mission THEN 'MISSION' WHEN n:Country THEN 'COUNTRY' ELSE 'ORGANIZATION' END,
                label: CASE WHEN n:Mission THEN n.acronym ELSE n.name END,
                region: n.region, personnel: newest[0].total, personnelAsOf: newest[0].asOf,
                confidence: n.confidence, source: n.source}) AS nodes
            }
            RETURN center IS NOT NULL AS centerFound, focus IS NOT NULL AS missionFound, regionFound,
                   nodes, partnerships + contributions AS edges
            """;

    private static final List<String> SLICE_BY_DEPTH = IntStream.rangeClosed(1, NetworkSlice.MAX_DEPTH)
            .mapToObj(depth -> SLICE.replace("{1,DEPTH}", "{1," + depth + "}"))
            .toList();
}
