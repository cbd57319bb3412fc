package org.partnershipexplorer.organization;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neo4j.cypherdsl.core.Cypher;
import org.partnershipexplorer.graphql.FieldRegistry;
import org.partnershipexplorer.graphql.FieldRegistry.Key;
import org.partnershipexplorer.graphql.FieldRegistry.RootProjection;
import org.partnershipexplorer.graphql.Projections;
import org.partnershipexplorer.neo4j.CypherTemplate;

/**
 * Organisations and memberships fetched inside an enclosing statement (their keys and the properties the request
 * selects), and translated (see Translator): their scalars, {@code Country.memberships}, {@code Organization.members},
 * {@code Query.organizations} and {@code Query.organization}, as {@link OrganizationRepository} answers them.
 */
@Singleton
final class OrganizationProjections implements Projections {

    @Override
    public void define(FieldRegistry.Definitions definitions) {
        definitions.type("Organization", new FieldRegistry.TypeProjection(v -> v + ":Organization",
                (v, selected) -> FieldRegistry.properties(v, selected, "code", "confidence"), Organization::of));
        definitions.type("Membership", new FieldRegistry.TypeProjection(v -> "type(" + v + ") = 'MEMBER_OF'",
                (v, selected) -> CypherTemplate.fill("{r: ${row}, iso3: startNode(${r}).iso3, code: endNode(${r}).code}",
                        "row", FieldRegistry.properties(v, selected, "confidence"), "r", v),
                row -> Membership.of(row.get("iso3").asString(), row.get("code").asString(), row.get("r"))));

        definitions.key("Organization", "Organization", "code", o -> ((Organization) o).code());
        // (:Country {iso3: key.iso3})-[p:MEMBER_OF]->(:Organization {code: key.code})
        definitions.key("Membership", Cypher.node("Country").withProperties("iso3", Cypher.property(Key.KEY, "iso3"))
                        .relationshipTo(Cypher.node("Organization")
                                .withProperties("code", Cypher.property(Key.KEY, "code")), "MEMBER_OF")
                        .named(Key.PARENT),
                m -> Map.of("iso3", ((Membership) m).iso3(), "code", ((Membership) m).code()));

        definitions.field("Country", "memberships", (s, args) -> s.cypher("""
                COLLECT { MATCH (${parent})-[${child}:MEMBER_OF]->(:Organization)
                  WITH ${child} ORDER BY endNode(${child}).code
                  RETURN ${object} }"""));
        definitions.field("Organization", "members", (s, args) -> s.cypher("""
                COLLECT { MATCH (:Country)-[${child}:MEMBER_OF]->(${parent})
                  WITH ${child} ORDER BY startNode(${child}).iso3
                  RETURN ${object} }"""));
        definitions.endpoint("Membership", "country", FieldRegistry.End.START);
        definitions.endpoint("Membership", "organization", FieldRegistry.End.END);

        definitions.scalar("Organization", "id", v -> v + ".code");
        definitions.properties("Organization", "code", "name");
        definitions.scalar("Organization", "kind", v -> "toUpper(" + v + ".kind)");
        definitions.provenance("Organization");
        definitions.relationshipId("Membership");
        definitions.properties("Membership", "since");
        definitions.provenance("Membership");

        definitions.root("organizations", RootProjection.keyset("Organization", "code", OrganizationProjections::kind),
                "kind");
        definitions.root("organization", RootProjection.byKey("Organization", "code", "code"), "code");
    }

    /** Query.organizations' kind, stored in lower case, as {@link OrganizationRepository#page} applies it. */
    private static List<String> kind(FieldRegistry.Scope s, Map<String, Object> arguments) {
        Object kind = arguments.get("kind");
        return kind == null ? List.of()
                : List.of(s.child() + ".kind = " + s.parameter(kind.toString().toLowerCase(Locale.ROOT)));
    }
}
