package org.partnershipexplorer.partnership;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Relationship;
import org.partnershipexplorer.actor.Actor;
import org.partnershipexplorer.actor.ActorRepository;
import org.partnershipexplorer.deadline.Deadline;
import org.partnershipexplorer.graphql.ApiException;
import org.partnershipexplorer.neo4j.Cypher;
import org.partnershipexplorer.neo4j.CypherTemplate;

/**
 * Traversals: training chains from an actor and shortest partnership paths between two. Each answer is one
 * statement whose work is bounded by the depth limit and the number of paths returned.
 *
 * <p>Cypher takes no parameter as the bound of a variable-length pattern, so each statement has a branch per
 * depth, written once and repeated for 1 to MAX_DEPTH when the class loads; the depth asked for is a parameter that
 * switches the other branches off, so no caller's text ever reaches the query.
 */
@Singleton
public class PathRepository {

    public static final int MAX_DEPTH = 6;
    /** The most paths one answer carries; more set {@code truncated}. */
    public static final int MAX_PATHS = 500;

    /** What every relationship of a path must pass: the years and confidences asked for, as parameters. */
    private static final String RELATIONSHIP_FILTER = """
            ($from IS NULL OR coalesce(r.endYear, r.year) >= $from)
                  AND ($to IS NULL OR r.year <= $to) AND ($confidence IS NULL OR r.confidence IN $confidence)""";

    // A path is kept only when every relationship passes the filter and no actor appears twice (a simple path:
    // Cypher's own rule only keeps relationships from repeating). Depth by depth, each with its own LIMIT: shorter
    // chains come first, and the LIMIT stops each expansion early, so a dense graph costs at most MAX_PATHS + 1
    // paths a depth rather than every path there is. A pattern's length cannot be a parameter, so each depth is a
    // branch of its own, and $depth (1 to MAX_DEPTH) leaves out the branches beyond it before they expand.
    private static final String CHAINS_DEPTH = """
              WITH root WHERE $depth >= ${depth}
              MATCH p = (root)-[:TRAINS*${depth}..${depth}]->(:Actor)
              WHERE all(r IN relationships(p) WHERE ${filter})
                AND all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
              WITH p LIMIT $limit RETURN p
            """;

    static final String CHAINS = CypherTemplate.fill("""
            OPTIONAL MATCH (root:Actor {id: $root})
            OPTIONAL CALL (root) {
            ${depths}}
            RETURN root, collect(p) AS paths
            """, "depths", eachDepth(CHAINS_DEPTH));

    // The shortest paths up to $length (1 to MAX_DEPTH): one branch a length, since a pattern's length cannot be a
    // parameter; only the branch of the length asked for searches.
    private static final String SHORTEST_LENGTH = """
              WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL AND $length = ${depth}
              MATCH p = allShortestPaths((a)-[:TRAINS|DONATES_TO*..${depth}]-(b))
              WHERE all(r IN relationships(p) WHERE ${filter})
                AND all(r IN relationships(p) WHERE type(r) IN $types)
              WITH p LIMIT $limit RETURN p
            """;

    static final String SHORTEST = CypherTemplate.fill("""
            OPTIONAL MATCH (a:Actor {id: $source})
            OPTIONAL MATCH (b:Actor {id: $target})
            OPTIONAL CALL (a, b) {
            ${depths}}
            RETURN a IS NOT NULL AS sourceFound, b IS NOT NULL AS targetFound, collect(p) AS paths
            """, "depths", eachDepth(SHORTEST_LENGTH));

    /**
     * The branch written once for each depth from 1 to MAX_DEPTH, joined by {@code UNION ALL}: the statements are
     * built once, when the class loads, from these constants and no caller's value.
     */
    private static String eachDepth(String branch) {
        return IntStream.rangeClosed(1, MAX_DEPTH)
                .mapToObj(depth -> CypherTemplate.fill(branch, "depth", Integer.toString(depth),
                        "filter", RELATIONSHIP_FILTER))
                .collect(Collectors.joining("  UNION ALL\n"));
    }

    private final Cypher cypher;

    public PathRepository(Cypher cypher) {
        this.cypher = cypher;
    }

    /** Every simple TRAINS path from {@code root} up to {@code maxDepth}, shortest first; NOT_FOUND for no actor. */
    public TrainingChains chains(Deadline deadline, String root, int maxDepth, PartnershipFilter filter) {
        Map<String, Object> parameters = filter.parameters();
        parameters.put("root", root);
        parameters.put("limit", MAX_PATHS + 1);
        parameters.put("depth", maxDepth);
        record Row(Actor root, List<Path> paths) {
        }
        Row row = cypher.read(deadline, CHAINS, parameters, r -> new Row(
                r.get("root").isNull() ? null : ActorRepository.toActor(r.get("root").asNode()),
                r.get("paths").asList(Value::asPath))).get(0);
        if (row.root() == null) {
            throw ApiException.notFound("actor", root);
        }
        List<PartnershipPath> paths = row.paths().stream().map(PathRepository::toPath)
                .sorted(Comparator.comparingInt(PartnershipPath::length).thenComparing(PathRepository::actorKeys))
                .toList();
        boolean truncated = paths.size() > MAX_PATHS;
        if (truncated) {
            paths = paths.subList(0, MAX_PATHS);
        }
        Map<String, TrainingChains.ReachedActor> reached = new LinkedHashMap<>();
        for (PartnershipPath path : paths) {
            for (int depth = 1; depth < path.actors().size(); depth++) {
                Actor actor = path.actors().get(depth);
                TrainingChains.ReachedActor seen = reached.get(actor.id());
                if (seen == null || seen.depth() > depth) {
                    reached.put(actor.id(), new TrainingChains.ReachedActor(actor, depth));
                }
            }
        }
        List<TrainingChains.ReachedActor> reachedList = reached.values().stream()
                .sorted(Comparator.comparingInt(TrainingChains.ReachedActor::depth)
                        .thenComparing(a -> a.actor().id()))
                .toList();
        return new TrainingChains(row.root(), paths, reachedList, truncated);
    }

    /** The shortest paths between two actors over the given kinds, either way along each edge. */
    public PartnershipPaths shortest(Deadline deadline, String source, String target, List<PartnershipKind> kinds,
            int maxLength, PartnershipFilter filter) {
        Map<String, Object> parameters = filter.parameters();
        parameters.put("source", source);
        parameters.put("target", target);
        parameters.put("types", PartnershipKind.relationshipTypes(kinds));
        parameters.put("limit", MAX_PATHS + 1);
        parameters.put("length", maxLength);
        record Row(boolean sourceFound, boolean targetFound, List<Path> paths) {
        }
        Row row = cypher.read(deadline, SHORTEST, parameters, r -> new Row(
                r.get("sourceFound").asBoolean(), r.get("targetFound").asBoolean(),
                r.get("paths").asList(Value::asPath))).get(0);
        if (!row.sourceFound()) {
            throw ApiException.notFound("actor", source);
        }
        if (!row.targetFound()) {
            throw ApiException.notFound("actor", target);
        }
        List<PartnershipPath> paths = row.paths().stream().map(PathRepository::toPath)
                .sorted(Comparator.comparing(PathRepository::edgeKeys)).toList();
        boolean truncated = paths.size() > MAX_PATHS;
        return new PartnershipPaths(truncated ? paths.subList(0, MAX_PATHS) : paths, truncated);
    }

    /** A driver path as actors and partnerships; each edge keeps its own direction, whichever way it was walked. */
    static PartnershipPath toPath(Path path) {
        Map<String, String> keyByElementId = new HashMap<>();
        List<Actor> actors = new ArrayList<>();
        for (Node node : path.nodes()) {
            Actor actor = ActorRepository.toActor(node);
            keyByElementId.put(node.elementId(), actor.id());
            actors.add(actor);
        }
        List<Partnership> edges = new ArrayList<>();
        for (Relationship r : path.relationships()) {
            edges.add(Partnership.of(r, keyByElementId.get(r.startNodeElementId()),
                    keyByElementId.get(r.endNodeElementId())));
        }
        return new PartnershipPath(edges.size(), actors, edges);
    }

    private static String actorKeys(PartnershipPath path) {
        return path.actors().stream().map(Actor::id).collect(Collectors.joining(">"));
    }

    private static String edgeKeys(PartnershipPath path) {
        return path.edges().stream().map(Partnership::id).collect(Collectors.joining(">"));
    }
}
