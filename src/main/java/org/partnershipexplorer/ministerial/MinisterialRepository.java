package org.partnershipexplorer.ministerial;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.neo4j.driver.Record;
import org.partnershipexplorer.deadline.Deadline;
import org.partnershipexplorer.graphql.ApiException;
import org.partnershipexplorer.graphql.Paging;
import org.partnershipexplorer.neo4j.Cypher;
import org.partnershipexplorer.neo4j.Rows;

/** Ministerials, attendance and pledges. Every batch method answers all its keys in one statement. */
@Singleton
public class MinisterialRepository {

    /** Attendance levels that count as "ministerial level" in the recorded figures. */
    static final List<String> MINISTERIAL_LEVELS = List.of("minister", "head of government", "head of state");

    private final Cypher cypher;

    public MinisterialRepository(Cypher cypher) {
        this.cypher = cypher;
    }

    /** Pledges of one actor, optionally at one ministerial, of one category and status. */
    public record ActorPledges(String pledger, String ministerial, String category, PledgeStatus status) {
    }

    /** Pledges made at one ministerial, optionally of one category and status. */
    public record MinisterialPledges(String ministerial, String category, PledgeStatus status) {
    }

    /** Filters of {@code Query.pledges}; null means "any". */
    public record PledgeFilter(String ministerial, String category, String pledger, PledgeStatus status) {
    }

    /** Whose pledges a follow-up counts: one ministerial's, one pledger's, both, or (both null) every pledge. */
    public record FollowUpKey(String ministerial, String pledger) {
    }

    /**
     * The follow-up of each key's pledges, in one statement. A recorded delivery is a {@code deliveredBy} id that
     * names a training or a donation still in the graph.
     */
    public Map<FollowUpKey, PledgeFollowUp> followUp(Deadline deadline, List<FollowUpKey> keys) {
        List<Map<String, Object>> parameters = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            Map<String, Object> p = new HashMap<>();
            p.put("index", i);
            p.put("ministerial", keys.get(i).ministerial());
            p.put("pledger", keys.get(i).pledger());
            parameters.add(p);
        }
        Map<FollowUpKey, PledgeFollowUp> found = new HashMap<>();
        cypher.read(deadline, """
                UNWIND $keys AS key
                CALL (key) {
                  OPTIONAL MATCH (a:Actor)-[:PLEDGED]->(p:Pledge)-[:MADE_AT]->(m:Ministerial)
                  WHERE (key.ministerial IS NULL OR m.id = key.ministerial)
                    AND (key.pledger IS NULL OR a.id = key.pledger)
                  WITH p, coalesce(p.status, 'unknown') AS status,
                       p.category IN ['TRAINING', 'CAPACITY_BUILDING'] AS training,
                       any(d IN CASE WHEN p.deliveredBy IS :: STRING THEN split(p.deliveredBy, ';')
                                     ELSE coalesce(p.deliveredBy, []) END
                           WHERE EXISTS { MATCH ()-[:TRAINS {id: d}]->() }
                              OR EXISTS { MATCH ()-[:DONATES_TO {id: d}]->() }) AS linked
                  RETURN count(p) AS pledges,
                         count(CASE WHEN status = 'delivered' THEN p END) AS delivered,
                         count(CASE WHEN status = 'in_progress' THEN p END) AS inProgress,
                         count(CASE WHEN status = 'lapsed' THEN p END) AS lapsed,
                         count(CASE WHEN training THEN p END) AS training,
                         count(CASE WHEN training AND linked THEN p END) AS trainingDelivered
                }
                RETURN key.index AS index, pledges, delivered, inProgress, lapsed, training, trainingDelivered
                """, Map.of("keys", parameters),
                r -> Map.entry(keys.get(r.get("index").asInt()), PledgeFollowUp.of(r.get("pledges").asInt(),
                        r.get("delivered").asInt(), r.get("inProgress").asInt(), r.get("lapsed").asInt(),
                        r.get("training").asInt(), r.get("trainingDelivered").asInt())))
                .forEach(e -> found.put(e.getKey(), e.getValue()));
        return found;
    }

    /** Ministerial.followUp: each ministerial's pledges, by ministerial id. */
    public Map<String, PledgeFollowUp> followUpOfMinisterials(Deadline deadline, List<String> ids) {
        Map<String, PledgeFollowUp> found = new HashMap<>();
        followUp(deadline, ids.stream().map(id -> new FollowUpKey(id, null)).toList())
                .forEach((key, value) -> found.put(key.ministerial(), value));
        return found;
    }

    /** Whether the actor exists (a follow-up of an unknown pledger is an error, not zero pledges). */
    public boolean actorExists(Deadline deadline, String id) {
        return cypher.read(deadline, "RETURN EXISTS { MATCH (:Actor {id: $id}) } AS found", Map.of("id", id),
                r -> r.get("found").asBoolean()).get(0);
    }

    /** Ministerials oldest first; the cursor is the start date and id of the last one seen. */
    public Paging.Connection<Ministerial> page(Deadline deadline, Paging.Request request) {
        Map<String, Object> parameters = new HashMap<>();
        String afterDate = null;
        String afterId = null;
        if (request.afterKey() != null) {
            int bar = request.afterKey().indexOf('|');
            if (bar < 0) {
                throw ApiException.badInput("after", "not a cursor of this list");
            }
            afterDate = request.afterKey().substring(0, bar);
            afterId = request.afterKey().substring(bar + 1);
            try {
                LocalDate.parse(afterDate);
            } catch (DateTimeParseException e) {
                throw ApiException.badInput("after", "not a cursor of this list");
            }
        }
        parameters.put("afterDate", afterDate);
        parameters.put("afterId", afterId);
        parameters.put("limit", request.limit());
        parameters.put("withTotal", request.withTotal());
        return cypher.read(deadline, """
                MATCH (m:Ministerial)
                WHERE $afterDate IS NULL OR m.startDate > date($afterDate)
                   OR (m.startDate = date($afterDate) AND m.id > $afterId)
                WITH m ORDER BY m.startDate, m.id LIMIT $limit
                WITH collect([m, [(m)-[:HOSTED_BY]->(h:Country) | h.iso3][0]]) AS page
                RETURN page, CASE WHEN $withTotal THEN COUNT { MATCH (m:Ministerial) } END AS total
                """, parameters, r -> Paging.connection(request,
                        r.get("page").asList(v -> Ministerial.of(v.get(0).asNode(),
                                v.get(1).isNull() ? null : v.get(1).asString())),
                        Rows.whole(r, "total"), m -> m.startDate() + "|" + m.id()))
                .get(0);
    }

    public Map<String, Ministerial> byIds(Deadline deadline, List<String> ids) {
        Map<String, Ministerial> found = new HashMap<>();
        cypher.read(deadline, """
                UNWIND $keys AS key
                MATCH (m:Ministerial {id: key})
                RETURN m, [(m)-[:HOSTED_BY]->(h:Country) | h.iso3][0] AS host
                """, Map.of("keys", ids), r -> Ministerial.of(r.get("m").asNode(),
                        r.get("host").isNull() ? null : r.get("host").asString()))
                .forEach(m -> found.put(m.id(), m));
        return found;
    }

    /** The headline figures counted from the attendance and pledge rows of each ministerial. */
    public Map<String, MinisterialFigures> recorded(Deadline deadline, List<String> ids) {
        Map<String, MinisterialFigures> found = new HashMap<>();
        cypher.read(deadline, """
                UNWIND $keys AS key
                MATCH (m:Ministerial {id: key})
                CALL (m) {
                  OPTIONAL MATCH (a:Actor)-[r:ATTENDED]->(m)
                  RETURN count(DISTINCT a) AS participants,
                         count(DISTINCT CASE WHEN toLower(r.level) IN $levels THEN a END) AS ministerialLevel,
                         count(DISTINCT CASE WHEN a:Organization THEN a END) AS organizations
                }
                CALL (m) {
                  OPTIONAL MATCH (a:Actor)-[:PLEDGED]->(p:Pledge)-[:MADE_AT]->(m)
                  RETURN count(DISTINCT a) AS pledgers,
                         count(DISTINCT CASE WHEN p.category = 'CAPABILITY' THEN a END) AS capability,
                         count(DISTINCT CASE WHEN p.category = 'TRAINING' THEN a END) AS training,
                         count(DISTINCT CASE WHEN p.category = 'MEDICAL' THEN a END) AS medical,
                         count(DISTINCT CASE WHEN p.category = 'WOMEN' THEN a END) AS women,
                         count(DISTINCT CASE WHEN p.category = 'ENVIRONMENT' THEN a END) AS environment,
                         count(DISTINCT CASE WHEN p.category = 'TECHNOLOGY' THEN a END) AS technology
                }
                RETURN m.id AS id, participants, ministerialLevel, organizations, pledgers, capability, training,
                       medical, women, environment, technology
                """, Map.of("keys", ids, "levels", MINISTERIAL_LEVELS), r -> Map.entry(r.get("id").asString(),
                        new MinisterialFigures(r.get("participants").asInt(), r.get("ministerialLevel").asInt(),
                                r.get("organizations").asInt(), r.get("pledgers").asInt(),
                                r.get("capability").asInt(), r.get("training").asInt(), r.get("medical").asInt(),
                                r.get("women").asInt(), r.get("environment").asInt(), r.get("technology").asInt())))
                .forEach(e -> found.put(e.getKey(), e.getValue()));
        return found;
    }

    /** Who attended each ministerial: hosts first, then co-chairs, then participants, each by key. */
    public Map<String, List<Attendance>> attendanceOfMinisterials(Deadline deadline, List<String> ids) {
        return grouped(deadline, """
                UNWIND $keys AS key
                MATCH (a:Actor)-[r:ATTENDED]->(m:Ministerial {id: key})
                RETURN key, a.id AS actor, m.id AS ministerial, r
                ORDER BY CASE r.role WHEN 'host' THEN 0 WHEN 'co-chair' THEN 1 ELSE 2 END, actor
                """, ids, r -> Attendance.of(r.get("actor").asString(), r.get("ministerial").asString(),
                        r.get("r").asRelationship()));
    }

    /** The ministerials each actor attended, oldest first. */
    public Map<String, List<Attendance>> attendanceOfActors(Deadline deadline, List<String> ids) {
        return grouped(deadline, """
                UNWIND $keys AS key
                MATCH (a:Actor {id: key})-[r:ATTENDED]->(m:Ministerial)
                RETURN key, a.id AS actor, m.id AS ministerial, r
                ORDER BY m.startDate, ministerial
                """, ids, r -> Attendance.of(r.get("actor").asString(), r.get("ministerial").asString(),
                        r.get("r").asRelationship()));
    }

    /** Attendance by its stable id ({@code ATTENDANCE:USA:new-york-2015}). */
    public Map<String, Attendance> attendanceByIds(Deadline deadline, List<String> ids) {
        Map<String, Attendance> found = new HashMap<>();
        cypher.read(deadline, """
                UNWIND $keys AS key
                MATCH (a:Actor)-[r:ATTENDED {id: key}]->(m:Ministerial)
                RETURN key, a.id AS actor, m.id AS ministerial, r
                """, Map.of("keys", ids), r -> Map.entry(r.get("key").asString(), Attendance.of(
                        r.get("actor").asString(), r.get("ministerial").asString(), r.get("r").asRelationship())))
                .forEach(e -> found.put(e.getKey(), e.getValue()));
        return found;
    }

    /** Actor.pledges: anchored on the pledger, oldest ministerial first. */
    public Map<ActorPledges, List<Pledge>> pledgesOfActors(Deadline deadline, List<ActorPledges> keys) {
        List<Map<String, Object>> parameters = new ArrayList<>();
        for (ActorPledges key : keys) {
            Map<String, Object> p = new HashMap<>();
            p.put("pledger", key.pledger());
            p.put("ministerial", key.ministerial());
            p.put("category", key.category());
            p.put("status", key.status() == null ? null : key.status().stored());
            parameters.add(p);
        }
        return indexed(deadline, """
                UNWIND $keys AS key
                MATCH (a:Actor {id: key.pledger})-[:PLEDGED]->(p:Pledge)-[:MADE_AT]->(m:Ministerial)
                WHERE (key.ministerial IS NULL OR m.id = key.ministerial)
                  AND (key.category IS NULL OR p.category = key.category)
                  AND (key.status IS NULL OR coalesce(p.status, 'unknown') = key.status)
                RETURN key.index AS index, p, a.id AS pledger, m.id AS ministerial,
                       [(p)-[:BENEFITS]->(x:Actor) | x.id][0] AS beneficiary,
                       [(p)-[:SUPPORTS]->(y:Mission) | y.acronym][0] AS mission
                ORDER BY m.startDate, p.id
                """, parameters, keys, Pledge::of);
    }

    /** Ministerial.pledges: anchored on the ministerial, by pledge id. */
    public Map<MinisterialPledges, List<Pledge>> pledgesOfMinisterials(Deadline deadline,
            List<MinisterialPledges> keys) {
        List<Map<String, Object>> parameters = new ArrayList<>();
        for (MinisterialPledges key : keys) {
            Map<String, Object> p = new HashMap<>();
            p.put("ministerial", key.ministerial());
            p.put("category", key.category());
            p.put("status", key.status() == null ? null : key.status().stored());
            parameters.add(p);
        }
        return indexed(deadline, """
                UNWIND $keys AS key
                MATCH (a:Actor)-[:PLEDGED]->(p:Pledge)-[:MADE_AT]->(m:Ministerial {id: key.ministerial})
                WHERE (key.category IS NULL OR p.category = key.category)
                  AND (key.status IS NULL OR coalesce(p.status, 'unknown') = key.status)
                RETURN key.index AS index, p, a.id AS pledger, m.id AS ministerial,
                       [(p)-[:BENEFITS]->(x:Actor) | x.id][0] AS beneficiary,
                       [(p)-[:SUPPORTS]->(y:Mission) | y.acronym][0] AS mission
                ORDER BY p.id
                """, parameters, keys, Pledge::of);
    }

    public Map<String, Pledge> pledgesByIds(Deadline deadline, List<String> ids) {
        Map<String, Pledge> found = new HashMap<>();
        cypher.read(deadline, """
                UNWIND $keys AS key
                MATCH (a:Actor)-[:PLEDGED]->(p:Pledge {id: key})-[:MADE_AT]->(m:Ministerial)
                RETURN p, a.id AS pledger, m.id AS ministerial,
                       [(p)-[:BENEFITS]->(x:Actor) | x.id][0] AS beneficiary,
                       [(p)-[:SUPPORTS]->(y:Mission) | y.acronym][0] AS mission
                """, Map.of("keys", ids), Pledge::of)
                .forEach(p -> found.put(p.id(), p));
        return found;
    }

    /** Query.pledges: one page in id order, and (when asked for) the number that match, in one statement. */
    public Paging.Connection<Pledge> pledges(Deadline deadline, PledgeFilter filter, Paging.Request request) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("ministerial", filter.ministerial());
        parameters.put("category", filter.category());
        parameters.put("pledger", filter.pledger());
        parameters.put("status", filter.status() == null ? null : filter.status().stored());
        parameters.put("after", request.afterKey());
        parameters.put("limit", request.limit());
        parameters.put("withTotal", request.withTotal());
        return cypher.read(deadline, """
                MATCH (a:Actor)-[:PLEDGED]->(p:Pledge)-[:MADE_AT]->(m:Ministerial)
                WHERE ($ministerial IS NULL OR m.id = $ministerial) AND ($pledger IS NULL OR a.id = $pledger)
                  AND ($category IS NULL OR p.category = $category)
                  AND ($status IS NULL OR coalesce(p.status, 'unknown') = $status)
                  AND ($after IS NULL OR p.id > $after)
                WITH a, p, m ORDER BY p.id LIMIT $limit
                WITH collect({p: p, pledger: a.id, ministerial: m.id,
                    beneficiary: [(p)-[:BENEFITS]->(x:Actor) | x.id][0],
                    mission: [(p)-[:SUPPORTS]->(y:Mission) | y.acronym][0]}) AS page
                RETURN page, CASE WHEN $withTotal THEN COUNT {
                  MATCH (a:Actor)-[:PLEDGED]->(p:Pledge)-[:MADE_AT]->(m:Ministerial)
                  WHERE ($ministerial IS NULL OR m.id = $ministerial) AND ($pledger IS NULL OR a.id = $pledger)
                    AND ($category IS NULL OR p.category = $category)
                    AND ($status IS NULL OR coalesce(p.status, 'unknown') = $status)
                } END AS total
                """, parameters,
                r -> Paging.connection(request, r.get("page").asList(Pledge::of),
                        Rows.whole(r, "total"), Pledge::id))
                .get(0);
    }

    private <K, V> Map<K, List<V>> indexed(Deadline deadline, String query, List<Map<String, Object>> parameters,
            List<K> keys, Function<Record, V> mapper) {
        for (int i = 0; i < parameters.size(); i++) {
            parameters.get(i).put("index", i);
        }
        Map<K, List<V>> found = new LinkedHashMap<>();
        cypher.read(deadline, query, Map.of("keys", parameters),
                        r -> Map.entry(keys.get(r.get("index").asInt()), mapper.apply(r)))
                .forEach(e -> found.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return found;
    }

    private <V> Map<String, List<V>> grouped(Deadline deadline, String query, List<String> keys,
            Function<Record, V> mapper) {
        Map<String, List<V>> found = new LinkedHashMap<>();
        cypher.read(deadline, query, Map.of("keys", keys), r -> Map.entry(r.get("key").asString(), mapper.apply(r)))
                .forEach(e -> found.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return found;
    }
}
