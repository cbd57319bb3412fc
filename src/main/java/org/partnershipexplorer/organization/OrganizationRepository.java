package org.partnershipexplorer.organization;

import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.partnershipexplorer.deadline.Deadline;
import org.partnershipexplorer.graphql.Paging;
import org.partnershipexplorer.neo4j.Cypher;
import org.partnershipexplorer.neo4j.Rows;

/** Organisations and memberships. */
@Singleton
public class OrganizationRepository {

    private final Cypher cypher;

    public OrganizationRepository(Cypher cypher) {
        this.cypher = cypher;
    }

    /** One page in code order, and (when asked for) the number that match, in one statement. */
    public Paging.Connection<Organization> page(Deadline deadline, Organization.Kind kind, Paging.Request request) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("kind", kind == null ? null : kind.name().toLowerCase(Locale.ROOT));
        parameters.put("after", request.afterKey());
        parameters.put("limit", request.limit());
        parameters.put("withTotal", request.withTotal());
        return cypher.read(deadline, """
                MATCH (o:Organization)
                WHERE ($kind IS NULL OR o.kind = $kind) AND ($after IS NULL OR o.code > $after)
                WITH o ORDER BY o.code LIMIT $limit
                WITH collect(o) AS page
                RETURN page, CASE WHEN $withTotal THEN COUNT {
                  MATCH (o:Organization) WHERE $kind IS NULL OR o.kind = $kind
                } END AS total
                """, parameters, r -> Paging.connection(request,
                        r.get("page").asList(v -> Organization.of(v.asNode())),
                        Rows.whole(r, "total"), Organization::code))
                .get(0);
    }

    public Map<String, Organization> byCode(Deadline deadline, List<String> codes) {
        Map<String, Organization> found = new HashMap<>();
        cypher.read(deadline, """
                UNWIND $keys AS key
                MATCH (o:Organization {code: key})
                RETURN o
                """, Map.of("keys", codes), r -> Organization.of(r.get("o").asNode()))
                .forEach(o -> found.put(o.code(), o));
        return found;
    }

    /** Memberships by their stable id ({@code MEMBERSHIP:KEN:AU}). */
    public Map<String, Membership> membershipsByIds(Deadline deadline, List<String> ids) {
        Map<String, Membership> found = new HashMap<>();
        cypher.read(deadline, """
                UNWIND $keys AS key
                MATCH (c:Country)-[m:MEMBER_OF {id: key}]->(o:Organization)
                RETURN key, c.iso3 AS iso3, o.code AS code, m
                """, Map.of("keys", ids), r -> Map.entry(r.get("key").asString(),
                        Membership.of(r.get("iso3").asString(), r.get("code").asString(), r.get("m").asRelationship())))
                .forEach(e -> found.put(e.getKey(), e.getValue()));
        return found;
    }

}
