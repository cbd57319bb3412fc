package org.partnershipexplorer.mission;

import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.partnershipexplorer.graphql.Arguments;
import org.partnershipexplorer.graphql.Arguments.YearRange;
import org.partnershipexplorer.graphql.FieldRegistry;
import org.partnershipexplorer.graphql.FieldRegistry.RootProjection;
import org.partnershipexplorer.graphql.Projections;

/**
 * Missions, their hosts and contributions fetched inside an enclosing statement, and translated (see Translator):
 * their scalars, {@code Query.missions} and {@code Query.mission}, as {@link MissionRepository} answers them.
 */
@Singleton
final class MissionProjections implements Projections {

    @Override
    public void define(FieldRegistry.Definitions definitions) {
        // Mission.active is read from endYear
        definitions.type("Mission", new FieldRegistry.TypeProjection(v -> v + ":Mission",
                (v, selected) -> FieldRegistry.properties(v, selected, "acronym", "startYear", "endYear", "confidence"),
                Mission::of));
        definitions.type("Contribution", new FieldRegistry.TypeProjection(v -> "type(" + v + ") = 'CONTRIBUTES_TO'",
                (v, selected) -> "{r: %s, iso3: startNode(%s).iso3, acronym: endNode(%2$s).acronym}"
                        .formatted(FieldRegistry.properties(v, selected, "id", "year", "confidence"), v),
                row -> Contribution.of(row.get("iso3").asString(), row.get("acronym").asString(), row.get("r"))));

        definitions.key("Mission", "Mission", "acronym", m -> ((Mission) m).acronym());
        definitions.relationshipKey("Contribution", "CONTRIBUTES_TO", c -> ((Contribution) c).id());

        definitions.field("Country", "contributions", MissionProjections::countryContributions, "years", "mission");
        definitions.field("Mission", "hosts", (s, args) -> """
                COLLECT { MATCH (%s)-[:LOCATED_IN]->(%s:Country) WITH %2$s ORDER BY %2$s.iso3 RETURN %s }\
                """.formatted(s.parent(), s.child(), s.object()));
        definitions.field("Country", "hostedMissions", (s, args) -> """
                COLLECT { MATCH (%s:Mission)-[:LOCATED_IN]->(%s) WITH %1$s ORDER BY %1$s.acronym RETURN %s }\
                """.formatted(s.child(), s.parent(), s.object()));
        definitions.field("Mission", "contributions", MissionProjections::missionContributions, "years");
        definitions.field("Mission", "contributors", MissionProjections::contributors, "year");
        definitions.endpoint("Contribution", "mission",
                (s, args) -> "COLLECT { WITH endNode(%s) AS %s RETURN %s }[0]".formatted(s.parent(), s.child(), s.object()));
        definitions.endpoint("Contribution", "country",
                (s, args) -> "COLLECT { WITH startNode(%s) AS %s RETURN %s }[0]".formatted(s.parent(), s.child(), s.object()));

        // translated (see Translator), as Mission.of, Contribution.of and MissionRepository read them
        definitions.properties("Mission", "acronym", "name", "location", "startYear", "endYear");
        definitions.scalar("Mission", "id", v -> "'MISSION:' + " + v + ".acronym");
        definitions.scalar("Mission", "active", v -> "(" + v + ".endYear IS NULL)");
        definitions.provenance("Mission");
        definitions.scalar("Contribution", "id", v -> """
                coalesce(%1$s.id, 'CONTRIBUTION:' + startNode(%1$s).iso3 + ':' + endNode(%1$s).acronym
                  + ':' + %1$s.year)\
                """.formatted(v));
        definitions.properties("Contribution", "year", "total", "troops", "police", "experts", "women");
        definitions.scalar("Contribution", "asOf", v -> "toString(" + v + ".asOf)");
        definitions.provenance("Contribution");
        definitions.root("missions", RootProjection.keyset("Mission", "acronym", MissionProjections::activeIn),
                "activeIn");
        definitions.root("mission", RootProjection.byKey("Mission", "acronym", "acronym"), "acronym");
    }

    /** Query.missions' activeIn, checked, as {@link MissionRepository#page} applies it; none when not given. */
    private static List<String> activeIn(FieldRegistry.Scope s, Map<String, Object> arguments) {
        Integer year = (Integer) arguments.get("activeIn");
        if (year == null) {
            return List.of();
        }
        String p = s.parameter(Arguments.year("activeIn", year));
        return List.of("%1$s.startYear <= %2$s AND coalesce(%1$s.endYear, 9999) >= %2$s".formatted(s.child(), p));
    }

    /** Mission.contributions: within the years given, by year, then by country. */
    private static String missionContributions(FieldRegistry.Scope s, Map<String, Object> arguments) {
        YearRange years = Arguments.years(arguments, "years");
        Map<String, Object> filter = new HashMap<>();
        filter.put("from", years.from());
        filter.put("to", years.to());
        String p = s.parameter(filter);
        return """
                COLLECT { MATCH (:Country)-[%2$s:CONTRIBUTES_TO]->(%1$s)
                  WHERE (%3$s.from IS NULL OR %2$s.year >= %3$s.from) AND (%3$s.to IS NULL OR %2$s.year <= %3$s.to)
                  WITH %2$s ORDER BY %2$s.year, startNode(%2$s).iso3
                  RETURN %4$s }\
                """.formatted(s.parent(), s.child(), p, s.object());
    }

    /** Mission.contributors: the countries that served in it (in the year given), each once, in iso3 order. */
    private static String contributors(FieldRegistry.Scope s, Map<String, Object> arguments) {
        Integer year = (Integer) arguments.get("year");
        String p = s.parameter(year == null ? null : Arguments.year("year", year));
        return """
                COLLECT { MATCH (%2$s:Country)-[%3$s:CONTRIBUTES_TO]->(%1$s) WHERE %4$s IS NULL OR %3$s.year = %4$s
                  WITH DISTINCT %2$s ORDER BY %2$s.iso3
                  RETURN %5$s }\
                """.formatted(s.parent(), s.child(), s.variable(), p, s.object());
    }

    /** Country.contributions: within the years and the mission given, by year, then by mission. */
    private static String countryContributions(FieldRegistry.Scope s, Map<String, Object> arguments) {
        YearRange years = Arguments.years(arguments, "years");
        Map<String, Object> filter = new HashMap<>();
        filter.put("from", years.from());
        filter.put("to", years.to());
        filter.put("mission", arguments.get("mission"));
        String p = s.parameter(filter);
        return """
                COLLECT { MATCH (%1$s)-[%2$s:CONTRIBUTES_TO]->(:Mission)
                  WHERE (%3$s.from IS NULL OR %2$s.year >= %3$s.from) AND (%3$s.to IS NULL OR %2$s.year <= %3$s.to)
                    AND (%3$s.mission IS NULL OR endNode(%2$s).acronym = %3$s.mission)
                  WITH %2$s ORDER BY %2$s.year, endNode(%2$s).acronym
                  RETURN %4$s }\
                """.formatted(s.parent(), s.child(), p, s.object());
    }
}
