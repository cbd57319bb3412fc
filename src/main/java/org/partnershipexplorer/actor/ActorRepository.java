package org.partnershipexplorer.actor;

import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.types.Node;
import org.partnershipexplorer.country.Country;
import org.partnershipexplorer.deadline.Deadline;
import org.partnershipexplorer.neo4j.Cypher;
import org.partnershipexplorer.organization.Organization;

/** Actors by key, whichever kind they are: every country and organisation carries the label Actor and an id. */
@Singleton
public class ActorRepository {

    private final Cypher cypher;

    public ActorRepository(Cypher cypher) {
        this.cypher = cypher;
    }

    public Map<String, Actor> byIds(Deadline deadline, List<String> ids) {
        Map<String, Actor> found = new HashMap<>();
        cypher.read(deadline, """
                UNWIND $ids AS id
                MATCH (a:Actor {id: id})
                RETURN a
                """, Map.of("ids", ids), r -> toActor(r.get("a").asNode()))
                .forEach(a -> found.put(a.id(), a));
        return found;
    }

    /** Maps an Actor node to its record by its label. */
    public static Actor toActor(Node node) {
        return node.hasLabel("Country") ? Country.of(node) : Organization.of(node);
    }
}
