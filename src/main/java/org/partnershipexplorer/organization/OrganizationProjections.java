package org.partnershipexplorer.organization;

import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Map;
import org.partnershipexplorer.graphql.Prefetch;
import org.partnershipexplorer.graphql.Prefetch.RootProjection;
import org.partnershipexplorer.graphql.Projections;

/**
 * Organisations and memberships fetched inside an enclosing statement (their keys and the properties the request
 * selects), and translated (see Translator): their scalars, {@code Country.memberships}, {@code Organization.members},
 * {@code Query.organizations} and {@code Query.organization}, as {@link OrganizationRepository} answers them.
 */
@Singleton
final class OrganizationProjections implements Projections {

    @Override
    public void define(Prefetch.Definitions definitions) {
        definitions.type("Organization", new Prefetch.TypeProjection(v -> v + ":Organization",
                (v, selected) -> Prefetch.properties(v, selected, "code", "confidence"), Organization::of));
        definitions.type("Membership", new Prefetch.TypeProjection(v -> "type(" + v + ") = 'MEMBER_OF'",
                (v, selected) -> "{r: %s, iso3: startNode(%s).iso3, code: endNode(%2$s).code}"
                        .formatted(Prefetch.properties(v, selected, "confidence"), v),
                row -> Membership.of(row.get("iso3").asString(), row.get("code").asString(), row.get("r"))));

        definitions.field("Country", "memberships", (s, args) -> """
                COLLECT { MATCH (%s)-[%s:MEMBER_OF]->(:Organization)
                  WITH %2$s ORDER BY endNode(%2$s).code
                  RETURN %s }\
                """.formatted(s.parent(), s.child(), s.object()));
        definitions.field("Organization", "members", (s, args) -> """
                COLLECT { MATCH (:Country)-[%2$s:MEMBER_OF]->(%1$s)
                  WITH %2$s ORDER BY startNode(%2$s).iso3
                  RETURN %3$s }\
                """.formatted(s.parent(), s.child(), s.object()));
        definitions.field("Membership", "country", (s, args) -> "COLLECT { WITH startNode(%s) AS %s RETURN %s }[0]"
                .formatted(s.parent(), s.child(), s.object()));
        definitions.field("Membership", "organization", (s, args) -> "COLLECT { WITH endNode(%s) AS %s RETURN %s }[0]"
                .formatted(s.parent(), s.child(), s.object()));

        definitions.scalar("Organization", "id", v -> v + ".code");
        definitions.properties("Organization", "code", "name");
        definitions.scalar("Organization", "kind", v -> "toUpper(" + v + ".kind)");
        definitions.provenance("Organization");
        definitions.properties("Membership", "since");
        definitions.provenance("Membership");

        definitions.root("organizations", new RootProjection((s, arguments, page) -> """
                COLLECT { MATCH (%1$s:Organization) WHERE %1$s.code > %2$s%3$s
                  WITH %1$s ORDER BY %1$s.code LIMIT %4$s
                  RETURN [%1$s.code, %5$s] }\
                """.formatted(s.child(), s.parameter(page.afterKey() == null ? "" : page.afterKey()),
                kind(s, arguments, " AND "), s.parameter(page.limit()), s.object()),
                (s, arguments) -> "COUNT { MATCH (%s:Organization)%s }".formatted(s.child(),
                        kind(s, arguments, " WHERE "))));
        definitions.root("organization", new RootProjection((s, arguments, page) -> """
                COLLECT { MATCH (%s:Organization {code: %s}) RETURN %s }[0]\
                """.formatted(s.child(), s.parameter(arguments.get("code")), s.object()), null));
    }

    /** Query.organizations' kind, stored in lower case, after {@code joiner}; empty when not given. */
    private static String kind(Prefetch.Scope s, Map<String, Object> arguments, String joiner) {
        Object kind = arguments.get("kind");
        return kind == null ? ""
                : joiner + s.child() + ".kind = " + s.parameter(kind.toString().toLowerCase(Locale.ROOT));
    }
}
