package org.partnershipexplorer.country;

import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.partnershipexplorer.deadline.Deadline;
import org.partnershipexplorer.graphql.Paging;
import org.partnershipexplorer.graphql.Prefetch;
import org.partnershipexplorer.neo4j.Cypher;
import org.partnershipexplorer.neo4j.Rows;

/** Countries and their deployment totals. */
@Singleton
public class CountryRepository {

    private final Cypher cypher;

    public CountryRepository(Cypher cypher) {
        this.cypher = cypher;
    }

    /** Filters of {@code Query.countries}; null means "any". */
    public record Filter(String region, String subregion, Boolean unMember) {
        Map<String, Object> parameters() {
            Map<String, Object> p = new HashMap<>();
            p.put("region", region);
            p.put("subregion", subregion);
            p.put("unMember", unMember);
            return p;
        }
    }

    /**
     * One page in iso3 order, and (when asked for) the number of countries that match, in one statement. The page
     * walks the iso3 index in order from the cursor, so it reads about {@code limit} countries rather than sorting
     * all of them; the count, which must read every country, only runs when {@code withTotal}.
     */
    public Paging.Connection<Country> page(Deadline deadline, Filter filter, Paging.Request request,
            Prefetch.Plan plan) {
        Map<String, Object> parameters = filter.parameters();
        // each country with the nested fields the request fetches ahead (Prefetch), in this same statement
        String country = plan.object("c");
        parameters.putAll(plan.parameters());
        parameters.put("after", request.afterKey());
        parameters.put("limit", request.limit());
        parameters.put("withTotal", request.withTotal());
        return cypher.read(deadline, """
                MATCH (c:Country)
                WHERE c.iso3 > coalesce($after, '')
                  AND ($region IS NULL OR c.region = $region)
                  AND ($subregion IS NULL OR c.subregion = $subregion)
                  AND ($unMember IS NULL OR c.unMember = $unMember)
                WITH c ORDER BY c.iso3 LIMIT $limit
                WITH collect(%s) AS page
                RETURN page, CASE WHEN $withTotal THEN COUNT {
                  MATCH (c:Country)
                  WHERE ($region IS NULL OR c.region = $region)
                    AND ($subregion IS NULL OR c.subregion = $subregion)
                    AND ($unMember IS NULL OR c.unMember = $unMember)
                } END AS total
                """.formatted(country), parameters, r -> Paging.connection(request,
                        r.get("page").asList(v -> (Country) plan.read(v)),
                        Rows.whole(r, "total"), Country::iso3))
                .get(0);
    }

    /** One country with the nested fields the request fetches ahead ({@link Prefetch}), or empty. */
    public Optional<Country> one(Deadline deadline, String iso3, Prefetch.Plan plan) {
        String country = plan.object("c");
        Map<String, Object> parameters = new HashMap<>(plan.parameters());
        parameters.put("iso3", iso3);
        return cypher.readOptional(deadline, """
                MATCH (c:Country {iso3: $iso3})
                RETURN %s AS country
                """.formatted(country), parameters, r -> (Country) plan.read(r.get("country")));
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
