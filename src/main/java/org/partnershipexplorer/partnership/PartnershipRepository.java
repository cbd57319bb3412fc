package org.partnershipexplorer.partnership;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.neo4j.driver.Record;
import org.partnershipexplorer.deadline.Deadline;
import org.partnershipexplorer.graphql.Paging;
import org.partnershipexplorer.neo4j.Cypher;
import org.partnershipexplorer.neo4j.CypherTemplate;
import org.partnershipexplorer.neo4j.Rows;

/**
 * Trainings, donations, partners and programmes. Every batch method answers all its keys in one statement
 * (UNWIND $keys), so a nested query costs one statement a level whatever the number of actors.
 *
 * <p>The filter of a key is the same everywhere: a relationship is kept when {@code year..endYear} overlaps
 * {@code from..to}, its programme is {@code program} and its confidence is in {@code confidence} (each when given).
 */
@Singleton
public class PartnershipRepository {

    private final Cypher cypher;

    public PartnershipRepository(Cypher cypher) {
        this.cypher = cypher;
    }

    /** One actor's partners. */
    public record ActorPartners(String actor, List<PartnershipKind> kinds, Direction direction,
            PartnershipFilter filter) {
    }

    // Undirected match, then each relationship is counted as outgoing or incoming by its start node.
    private static final String PARTNERS = CypherTemplate.fill("""
            UNWIND $keys AS key
            MATCH (a:Actor {id: key.actor})-[r:TRAINS|DONATES_TO]-(b:Actor)
            WHERE a <> b AND type(r) IN key.types
              AND (key.direction = 'BOTH' OR (key.direction = 'OUTGOING') = (startNode(r) = a))
              AND ${filter}
            WITH key, b,
                 sum(CASE WHEN startNode(r) = a THEN 1 ELSE 0 END) AS outgoing,
                 sum(CASE WHEN startNode(r) = a THEN 0 ELSE 1 END) AS incoming,
                 collect(DISTINCT type(r)) AS types, count(r) AS count,
                 min(r.year) AS firstYear, max(coalesce(r.endYear, r.year)) AS lastYear
            RETURN key.index AS index, b.id AS partner, outgoing, incoming, types, count, firstYear, lastYear
            ORDER BY count DESC, partner
            """, "filter", PartnershipFilter.where("r", "key"));

    /** Actor.partners: one entry per partner, the most partnerships first. */
    public Map<ActorPartners, List<Partner>> partners(Deadline deadline, List<ActorPartners> keys) {
        List<Map<String, Object>> parameters = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            ActorPartners key = keys.get(i);
            Map<String, Object> p = key.filter().parameters();
            p.put("index", i);
            p.put("actor", key.actor());
            p.put("types", PartnershipKind.relationshipTypes(key.kinds()));
            p.put("direction", key.direction().name());
            parameters.add(p);
        }
        return grouped(deadline, PARTNERS, parameters, keys, r -> {
            long out = r.get("outgoing").asLong();
            long in = r.get("incoming").asLong();
            Direction direction = out > 0 && in > 0 ? Direction.BOTH : out > 0 ? Direction.OUTGOING : Direction.INCOMING;
            List<PartnershipKind> kinds = r.get("types").asList(v -> PartnershipKind.ofRelationshipType(v.asString()))
                    .stream().sorted().toList();
            return new Partner(r.get("partner").asString(), direction, kinds, r.get("count").asInt(),
                    r.get("firstYear").asInt(), r.get("lastYear").asInt());
        });
    }

    /** Trainings by their stable id ({@code TRAINING:KOR:VNM:2021:TPP}). */
    public Map<String, Training> trainingsByIds(Deadline deadline, List<String> ids) {
        return byIds(deadline, """
                UNWIND $keys AS key
                MATCH (p:Actor)-[r:TRAINS {id: key}]->(q:Actor)
                RETURN p.id AS provider, q.id AS recipient, r
                """, ids, Training.class);
    }

    /** Donations by their stable id ({@code DONATION:KOR:KEN:2021:500MD helicopters}). */
    public Map<String, Donation> donationsByIds(Deadline deadline, List<String> ids) {
        return byIds(deadline, """
                UNWIND $keys AS key
                MATCH (p:Actor)-[r:DONATES_TO {id: key}]->(q:Actor)
                RETURN p.id AS provider, q.id AS recipient, r
                """, ids, Donation.class);
    }

    private <T extends Partnership> Map<String, T> byIds(Deadline deadline, String query, List<String> ids,
            Class<T> type) {
        Map<String, T> found = new HashMap<>();
        cypher.read(deadline, query, Map.of("keys", ids), r -> type.cast(Partnership.of(r.get("r").asRelationship(),
                        r.get("provider").asString(), r.get("recipient").asString())))
                .forEach(p -> found.put(p.id(), p));
        return found;
    }

    /** Programmes in code order, one page, and (when asked for) the total, in one statement. */
    public Paging.Connection<Program> programs(Deadline deadline, Paging.Request request) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("after", request.afterKey());
        parameters.put("limit", request.limit());
        parameters.put("withTotal", request.withTotal());
        return cypher.read(deadline, """
                MATCH (p:Program) WHERE $after IS NULL OR p.code > $after
                WITH p ORDER BY p.code LIMIT $limit
                WITH collect(p) AS page
                RETURN page, CASE WHEN $withTotal THEN COUNT { MATCH (p:Program) } END AS total
                """, parameters, r -> Paging.connection(request, r.get("page").asList(v -> Program.of(v.asNode())),
                        Rows.whole(r, "total"), Program::code))
                .get(0);
    }

    public Map<String, Program> programsByCode(Deadline deadline, List<String> codes) {
        Map<String, Program> found = new HashMap<>();
        cypher.read(deadline, """
                UNWIND $keys AS key
                MATCH (p:Program {code: key})
                RETURN p
                """, Map.of("keys", codes), r -> Program.of(r.get("p").asNode()))
                .forEach(p -> found.put(p.code(), p));
        return found;
    }

    /** Runs a batch query whose rows carry {@code index} (the key's position) and groups them by key, in order. */
    private <K, V> Map<K, List<V>> grouped(Deadline deadline, String query, List<Map<String, Object>> parameters,
            List<K> keys, Function<Record, V> mapper) {
        Map<K, List<V>> found = new LinkedHashMap<>();
        cypher.read(deadline, query, Map.of("keys", parameters),
                        r -> Map.entry(keys.get(r.get("index").asInt()), mapper.apply(r)))
                .forEach(e -> found.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return found;
    }
}
