package org.partnershipexplorer.country;

import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.partnershipexplorer.deadline.Deadline;
import org.partnershipexplorer.neo4j.Cypher;

/** Countries and their deployment totals. */
@Singleton
public class CountryRepository {

    private final Cypher cypher;

    public CountryRepository(Cypher cypher) {
        this.cypher = cypher;
    }

    public Map<String, Country> byIso3(Deadline deadline, List<String> iso3s) {
        Map<String, Country> found = new HashMap<>();
        cypher.read(deadline, """
                UNWIND $keys AS key
                MATCH (c:Country {iso3: key})
                RETURN c
                """, Map.of("keys", iso3s), r -> Country.of(r.get("c").asNode()))
                .forEach(c -> found.put(c.iso3(), c));
        return found;
    }

    /** A deployment total's key: the country and the date of the figure ({@code 2024-05-31}). */
    public record DeploymentKey(String iso3, String asOf) {
    }

    /** Deployment totals by key (a write answers the one it wrote). */
    public Map<DeploymentKey, Deployment> deploymentsByKeys(Deadline deadline, List<DeploymentKey> keys) {
        Map<DeploymentKey, Deployment> found = new HashMap<>();
        cypher.read(deadline, """
                UNWIND $keys AS key
                MATCH (d:Deployment {iso3: key.iso3, asOf: date(key.asOf)})
                RETURN d
                """, Map.of("keys", keys.stream().map(k -> Map.of("iso3", k.iso3(), "asOf", k.asOf())).toList()),
                r -> Deployment.of(r.get("d").asNode()))
                .forEach(d -> found.put(new DeploymentKey(d.iso3(), d.asOf()), d));
        return found;
    }

}
