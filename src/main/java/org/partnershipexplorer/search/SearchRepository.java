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

    /** One page of hits, best first (ties by key, so pages are stable), and the number of hits. */
    public SearchConnection search(Deadline deadline, String luceneQuery, int offset, int first) {
        return cypher.read(deadline, """
                CALL db.index.fulltext.queryNodes('search', $query) YIELD node, score
                WITH node, score
                ORDER BY score DESC, coalesce(node.iso3, node.code, node.acronym)
                WITH collect([node, score]) AS hits
                RETURN size(hits) AS total, hits[$offset..$offset + $first + 1] AS page
                """, Map.of("query", luceneQuery, "offset", offset, "first", first), r -> {
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
