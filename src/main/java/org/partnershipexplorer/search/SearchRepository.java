package org.partnershipexplorer.search;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.types.Node;
import org.partnershipexplorer.country.Country;
import org.partnershipexplorer.deadline.Deadline;
import org.partnershipexplorer.graphql.Paging;
import org.partnershipexplorer.mission.Mission;
import org.partnershipexplorer.neo4j.Cypher;
import org.partnershipexplorer.organization.Organization;
import org.partnershipexplorer.partnership.Program;

/** Queries the full-text index {@code search} (neo4j.GraphSchema) and pages the ranked hits by offset. */
@Singleton
public class SearchRepository {

    private final Cypher cypher;

    public SearchRepository(Cypher cypher) {
        this.cypher = cypher;
    }

    /**
     * One page of hits, best first (ties by key, so pages are stable), and the number of hits. The full-text
     * score alone ranked "South Korea" below South Africa and South Sudan (two words matched against one), so the
     * actors {@code aliases} names and a name or key equal to {@code text} (normalised, see SearchAliases) come
     * first, then names that begin with it; their score is raised above the rest so that it still orders the list.
     */
    public SearchConnection search(Deadline deadline, String luceneQuery, String text, List<String> aliases,
            int offset, int first) {
        return cypher.read(deadline, """
                CALL {
                  CALL db.index.fulltext.queryNodes('search', $query) YIELD node, score
                  RETURN node, score
                  UNION
                  MATCH (node:Country) WHERE node.iso3 IN $aliases RETURN node, 0.0 AS score
                  UNION
                  MATCH (node:Organization) WHERE node.code IN $aliases RETURN node, 0.0 AS score
                }
                WITH node, max(score) AS score
                WITH node, score, coalesce(node.iso3, node.code, node.acronym) AS key, toLower(node.name) AS name
                WITH node, score, key, CASE
                  WHEN key IN $aliases OR toLower(key) = $text OR name = $text THEN 0
                  WHEN name STARTS WITH $text THEN 1
                  ELSE 2 END AS tier
                WITH collect({node: node, score: score, key: key, tier: tier}) AS found
                WITH found, reduce(top = 0.0, f IN found | CASE WHEN f.score > top THEN f.score ELSE top END) AS top
                UNWIND found AS f
                WITH f.node AS node, f.score + (2 - f.tier) * (top + 1) AS score, f.key AS key
                ORDER BY score DESC, key
                WITH collect([node, score]) AS hits
                RETURN size(hits) AS total, hits[$offset..$offset + $first + 1] AS page
                """, Map.of("query", luceneQuery, "text", text, "aliases", aliases, "offset", offset, "first", first),
                r -> {
                    List<SearchConnection.Hit> hits = r.get("page").asList(v -> new SearchConnection.Hit(
                            toResult(v.get(0).asNode()), v.get(1).asDouble()));
                    return SearchConnection.of(hits, offset, first, r.get("total").asLong());
                }).get(0);
    }

    /** A node of the index as the record of its GraphQL type (the union resolves by class name). */
    static Object toResult(Node node) {
        if (node.hasLabel("Country")) {
            return Country.of(node);
        }
        if (node.hasLabel("Organization")) {
            return Organization.of(node);
        }
        if (node.hasLabel("Mission")) {
            return Mission.of(node);
        }
        return Program.of(node);
    }

    /** An empty page, for a text with nothing to search for. */
    static SearchConnection empty() {
        return new SearchConnection(List.of(), new Paging.PageInfo(false, null), 0);
    }
}
