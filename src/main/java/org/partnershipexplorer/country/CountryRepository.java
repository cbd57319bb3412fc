package org.partnershipexplorer.country;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.partnershipexplorer.graphql.Paging;
import org.partnershipexplorer.neo4j.Cypher;

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

    /** One page in iso3 order, and the number of countries that match, in one statement. */
    public Paging.Connection<Country> page(Filter filter, Paging.Request request) {
        Map<String, Object> parameters = filter.parameters();
        parameters.put("after", request.afterKey());
        parameters.put("limit", request.limit());
        return cypher.read("""
                CALL {
                  MATCH (c:Country)
                  WHERE ($region IS NULL OR c.region = $region)
                    AND ($subregion IS NULL OR c.subregion = $subregion)
                    AND ($unMember IS NULL OR c.unMember = $unMember)
                  RETURN count(c) AS total
                }
                CALL {
                  MATCH (c:Country)
                  WHERE ($region IS NULL OR c.region = $region)
                    AND ($subregion IS NULL OR c.subregion = $subregion)
                    AND ($unMember IS NULL OR c.unMember = $unMember)
                    AND ($after IS NULL OR c.iso3 > $after)
                  WITH c ORDER BY c.iso3 LIMIT $limit
                  RETURN collect(c) AS page
                }
                RETURN total, page
                """, parameters, r -> Paging.connection(request,
                        r.get("page").asList(v -> Country.of(v.asNode())),
                        r.get("total").asLong(), Country::iso3))
                .get(0);
    }

    public Map<String, Country> byIso3(List<String> iso3s) {
        Map<String, Country> found = new HashMap<>();
        cypher.read("""
                UNWIND $keys AS key
                MATCH (c:Country {iso3: key})
                RETURN c
                """, Map.of("keys", iso3s), r -> Country.of(r.get("c").asNode()))
                .forEach(c -> found.put(c.iso3(), c));
        return found;
    }

    /** Deployment totals per country, newest first. */
    public Map<String, List<Deployment>> deployments(List<String> iso3s) {
        Map<String, List<Deployment>> found = new HashMap<>();
        cypher.read("""
                UNWIND $keys AS key
                MATCH (:Country {iso3: key})-[:REPORTED]->(d:Deployment)
                RETURN d ORDER BY d.asOf DESC
                """, Map.of("keys", iso3s), r -> Deployment.of(r.get("d").asNode()))
                .forEach(d -> found.computeIfAbsent(d.iso3(), k -> new ArrayList<>()).add(d));
        return found;
    }

}
