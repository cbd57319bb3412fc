package org.partnershipexplorer.provenance;

import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.partnershipexplorer.deadline.Deadline;
import org.partnershipexplorer.graphql.Paging;
import org.partnershipexplorer.graphql.Prefetch;
import org.partnershipexplorer.neo4j.Cypher;
import org.partnershipexplorer.neo4j.Rows;

/** Sources by id, and pages of them. */
@Singleton
public class SourceRepository {

    private final Cypher cypher;

    public SourceRepository(Cypher cypher) {
        this.cypher = cypher;
    }

    /**
     * One page in id order, each source with the nested fields the request fetches ahead ({@link Prefetch}), and
     * (when asked for) the number of sources.
     */
    public Paging.Connection<Source> page(Deadline deadline, Paging.Request request, Prefetch.Plan plan) {
        String source = plan.object("s");
        Map<String, Object> parameters = new HashMap<>(plan.parameters());
        parameters.put("after", request.afterKey());
        parameters.put("limit", request.limit());
        parameters.put("withTotal", request.withTotal());
        return cypher.read(deadline, """
                MATCH (s:Source) WHERE s.id > coalesce($after, '')
                WITH s ORDER BY s.id LIMIT $limit
                WITH collect(%s) AS page
                RETURN page, CASE WHEN $withTotal THEN COUNT { MATCH (s:Source) } END AS total
                """.formatted(source), parameters, r -> Paging.connection(request,
                        r.get("page").asList(v -> (Source) plan.read(v)), Rows.whole(r, "total"), Source::id))
                .get(0);
    }

    /** One source with the nested fields the request fetches ahead, or empty. */
    public Optional<Source> one(Deadline deadline, String id, Prefetch.Plan plan) {
        String source = plan.object("s");
        Map<String, Object> parameters = new HashMap<>(plan.parameters());
        parameters.put("id", id);
        return cypher.readOptional(deadline, """
                MATCH (s:Source {id: $id})
                RETURN %s AS source
                """.formatted(source), parameters, r -> (Source) plan.read(r.get("source")));
    }
}
