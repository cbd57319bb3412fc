package org.partnershipexplorer.mission;

import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.partnershipexplorer.country.Country;
import org.partnershipexplorer.deadline.Deadline;
import org.partnershipexplorer.neo4j.Cypher;

/** Missions and contributions by key, for the by-key loaders; the rest of a mission is in MissionProjections. */
@Singleton
public class MissionRepository {

    private final Cypher cypher;

    public MissionRepository(Cypher cypher) {
        this.cypher = cypher;
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
