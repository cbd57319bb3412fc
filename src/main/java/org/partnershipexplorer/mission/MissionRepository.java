package org.partnershipexplorer.mission;

import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.partnershipexplorer.country.Country;
import org.partnershipexplorer.deadline.Deadline;
import org.partnershipexplorer.graphql.Paging;
import org.partnershipexplorer.graphql.Prefetch;
import org.partnershipexplorer.neo4j.Rows;
import org.partnershipexplorer.neo4j.Cypher;

/** Missions, their hosts and their contributions. Every batch method answers many keys in one statement. */
@Singleton
public class MissionRepository {

    private final Cypher cypher;

    public MissionRepository(Cypher cypher) {
        this.cypher = cypher;
    }

    /**
     * One page in acronym order, each mission with the nested fields the request fetches ahead ({@link Prefetch}),
     * and (when asked for) the number of missions that match; {@code activeIn} keeps the missions that ran at some
     * point of that year.
     */
    public Paging.Connection<Mission> page(Deadline deadline, Integer activeIn, Paging.Request request,
            Prefetch.Plan plan) {
        String mission = plan.object("m");
        Map<String, Object> parameters = new HashMap<>(plan.parameters());
        parameters.put("year", activeIn);
        parameters.put("after", request.afterKey());
        parameters.put("limit", request.limit());
        parameters.put("withTotal", request.withTotal());
        return cypher.read(deadline, """
                MATCH (m:Mission)
                WHERE m.acronym > coalesce($after, '')
                  AND ($year IS NULL OR (m.startYear <= $year AND coalesce(m.endYear, 9999) >= $year))
                WITH m ORDER BY m.acronym LIMIT $limit
                WITH collect(%s) AS page
                RETURN page, CASE WHEN $withTotal THEN COUNT {
                  MATCH (m:Mission)
                  WHERE $year IS NULL OR (m.startYear <= $year AND coalesce(m.endYear, 9999) >= $year)
                } END AS total
                """.formatted(mission), parameters, r -> Paging.connection(request,
                        r.get("page").asList(v -> (Mission) plan.read(v)),
                        Rows.whole(r, "total"), Mission::acronym))
                .get(0);
    }

    /** One mission with the nested fields the request fetches ahead, or empty. */
    public Optional<Mission> one(Deadline deadline, String acronym, Prefetch.Plan plan) {
        String mission = plan.object("m");
        Map<String, Object> parameters = new HashMap<>(plan.parameters());
        parameters.put("acronym", acronym);
        return cypher.readOptional(deadline, """
                MATCH (m:Mission {acronym: $acronym})
                RETURN %s AS mission
                """.formatted(mission), parameters, r -> (Mission) plan.read(r.get("mission")));
    }

    public Map<String, Mission> byAcronym(Deadline deadline, List<String> acronyms) {
        Map<String, Mission> found = new HashMap<>();
        cypher.read(deadline, """
                UNWIND $keys AS key
                MATCH (m:Mission {acronym: key})
                RETURN m
                """, Map.of("keys", acronyms), r -> Mission.of(r.get("m").asNode()))
                .forEach(m -> found.put(m.acronym(), m));
        return found;
    }

    /** Contributions by their stable id ({@code CONTRIBUTION:KEN:UNMISS:2016}). */
    public Map<String, Contribution> contributionsByIds(Deadline deadline, List<String> ids) {
        Map<String, Contribution> found = new HashMap<>();
        cypher.read(deadline, """
                UNWIND $keys AS key
                MATCH (c:Country)-[r:CONTRIBUTES_TO {id: key}]->(m:Mission)
                RETURN c.iso3 AS iso3, m.acronym AS acronym, r
                """, Map.of("keys", ids), r -> Contribution.of(r.get("iso3").asString(), r.get("acronym").asString(),
                        r.get("r").asRelationship()))
                .forEach(c -> found.put(c.id(), c));
        return found;
    }

}
