package org.partnershipexplorer.node;

import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.partnershipexplorer.deadline.Deadline;
import org.partnershipexplorer.ministerial.Ministerial;
import org.partnershipexplorer.ministerial.Pledge;
import org.partnershipexplorer.neo4j.Cypher;
import org.partnershipexplorer.provenance.Source;

/**
 * The objects named by a lower-case key: a ministerial, a pledge or a source, whichever has it. The three share one
 * namespace (the loader and the writes refuse an id that another of them has), so one statement looks under all
 * three labels, each an index seek, and finds at most one.
 */
@Singleton
class NodeRepository {

    private final Cypher cypher;

    NodeRepository(Cypher cypher) {
        this.cypher = cypher;
    }

    /** By id, of whichever kind holds it; an id that none holds is left out. */
    Map<String, Object> slugs(Deadline deadline, List<String> ids) {
        Map<String, Object> found = new HashMap<>();
        cypher.read(deadline, """
                UNWIND $keys AS key
                CALL (key) {
                  MATCH (m:Ministerial {id: key})
                  RETURN 'Ministerial' AS kind, {n: m, host: [(m)-[:HOSTED_BY]->(h:Country) | h.iso3][0]} AS row
                  UNION ALL
                  MATCH (a:Actor)-[:PLEDGED]->(p:Pledge {id: key})-[:MADE_AT]->(m:Ministerial)
                  RETURN 'Pledge' AS kind, {p: p, pledger: a.id, ministerial: m.id,
                    beneficiary: [(p)-[:BENEFITS]->(x:Actor) | x.id][0],
                    mission: [(p)-[:SUPPORTS]->(y:Mission) | y.acronym][0]} AS row
                  UNION ALL
                  MATCH (s:Source {id: key})
                  RETURN 'Source' AS kind, {n: s} AS row
                }
                RETURN key, kind, row
                """, Map.of("keys", ids), r -> Map.entry(r.get("key").asString(), read(r)))
                .forEach(e -> found.putIfAbsent(e.getKey(), e.getValue()));
        return found;
    }

    private static Object read(Record r) {
        var row = r.get("row");
        return switch (r.get("kind").asString()) {
            case "Ministerial" -> Ministerial.of(row.get("n").asNode(),
                    row.get("host").isNull() ? null : row.get("host").asString());
            case "Pledge" -> Pledge.of(row);
            default -> Source.of(row.get("n").asNode());
        };
    }
}
