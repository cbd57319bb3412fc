package org.partnershipexplorer.country;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neo4j.cypherdsl.core.Cypher;
import org.partnershipexplorer.graphql.FieldRegistry;
import org.partnershipexplorer.graphql.FieldRegistry.Key;
import org.partnershipexplorer.graphql.FieldRegistry.RootProjection;
import org.partnershipexplorer.graphql.Projections;
import org.partnershipexplorer.neo4j.CypherTemplate;

/**
 * A country fetched inside an enclosing statement: its key and the properties the request selects; translated
 * (see Translator): its scalars, {@code Query.countries} and {@code Query.country}, whose statements are written
 * from these definitions whichever way a query runs (Prefetch, Translator).
 */
@Singleton
final class CountryProjections implements Projections {

    @Override
    public void define(FieldRegistry.Definitions definitions) {
        definitions.type("Country", new FieldRegistry.TypeProjection(v -> v + ":Country",
                (v, selected) -> FieldRegistry.properties(v, selected, "iso3", "confidence"), Country::of));

        definitions.key("Country", "Country", "iso3", c -> ((Country) c).iso3());
        // (p:Deployment {iso3: key.iso3, asOf: date(key.asOf)})
        definitions.key("Deployment", Cypher.node("Deployment").named(Key.PARENT).withProperties(
                        "iso3", Cypher.property(Key.KEY, "iso3"), "asOf", Cypher.date(Cypher.property(Key.KEY, "asOf"))),
                d -> Map.of("iso3", ((Deployment) d).iso3(), "asOf", ((Deployment) d).asOf()));

        definitions.type("Deployment", new FieldRegistry.TypeProjection(v -> v + ":Deployment",
                (v, selected) -> FieldRegistry.properties(v, selected, "iso3", "asOf", "total", "confidence"),
                Deployment::of));
        definitions.field("Country", "deployments", (s, args) -> s.cypher("""
                COLLECT { MATCH (${parent})-[:REPORTED]->(${child}:Deployment) WITH ${child} ORDER BY ${child}.asOf DESC \
                RETURN ${object} }"""));
        definitions.endpoint("Deployment", "country", (s, args) -> s.cypher("""
                COLLECT { MATCH (${child}:Country {iso3: ${parent}.iso3}) RETURN ${object} }[0]"""));

        definitions.scalar("Country", "id", v -> v + ".iso3");
        definitions.properties("Country", "iso3", "iso2", "name", "region", "subregion", "unRegionalGroup");
        definitions.scalar("Country", "unMember", v -> "coalesce(" + v + ".unMember, false)");
        definitions.provenance("Country");
        definitions.scalar("Deployment", "id", v -> CypherTemplate.fill(
                "'DEPLOYMENT:' + ${d}.iso3 + ':' + toString(${d}.asOf)", "d", v));
        definitions.scalar("Deployment", "asOf", v -> "toString(" + v + ".asOf)");
        definitions.properties("Deployment", "total", "women", "troops", "police", "experts");
        definitions.provenance("Deployment");

        definitions.root("countries", RootProjection.keyset("Country", "iso3", CountryProjections::filters),
                "region", "subregion", "unMember");
        definitions.root("country", RootProjection.byKey("Country", "iso3", "iso3"), "iso3");
    }

    /** The filters of {@code Query.countries} that are given: each keeps the countries whose property equals it. */
    private static List<String> filters(FieldRegistry.Scope s, Map<String, Object> arguments) {
        List<String> filters = new ArrayList<>();
        for (String name : List.of("region", "subregion", "unMember")) {
            Object value = arguments.get(name);
            if (value != null) {
                filters.add(s.child() + "." + name + " = " + s.parameter(value));
            }
        }
        return filters;
    }
}
