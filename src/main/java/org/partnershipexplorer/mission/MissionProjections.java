package org.partnershipexplorer.mission;

import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import org.partnershipexplorer.graphql.Arguments;
import org.partnershipexplorer.graphql.Arguments.YearRange;
import org.partnershipexplorer.graphql.Prefetch;
import org.partnershipexplorer.graphql.Projections;

/** Missions, their hosts and contributions fetched inside an enclosing statement, as {@link MissionRepository} does. */
@Singleton
final class MissionProjections implements Projections {

    @Override
    public void define(Prefetch.Definitions definitions) {
        // Mission.active is read from endYear
        definitions.type("Mission", new Prefetch.TypeProjection(v -> v + ":Mission",
                (v, selected) -> Prefetch.properties(v, selected, "acronym", "startYear", "endYear", "confidence"),
                Mission::of));
        definitions.type("Contribution", new Prefetch.TypeProjection(v -> "type(" + v + ") = 'CONTRIBUTES_TO'",
                (v, selected) -> "{r: %s, iso3: startNode(%s).iso3, acronym: endNode(%2$s).acronym}"
                        .formatted(Prefetch.properties(v, selected, "id", "year", "confidence"), v),
                row -> Contribution.of(row.get("iso3").asString(), row.get("acronym").asString(), row.get("r"))));

        definitions.field("Country", "contributions", MissionProjections::countryContributions);
        definitions.field("Mission", "hosts", (s, args) -> """
                COLLECT { MATCH (%s)-[:LOCATED_IN]->(%s:Country) WITH %2$s ORDER BY %2$s.iso3 RETURN %s }\
                """.formatted(s.parent(), s.child(), s.object()));
        definitions.field("Contribution", "mission",
                (s, args) -> "COLLECT { WITH endNode(%s) AS %s RETURN %s }[0]".formatted(s.parent(), s.child(), s.object()));
        definitions.field("Contribution", "country",
                (s, args) -> "COLLECT { WITH startNode(%s) AS %s RETURN %s }[0]".formatted(s.parent(), s.child(), s.object()));
    }

    /** Country.contributions: the filters and order of {@link MissionRepository#contributionsOfCountries}. */
    private static String countryContributions(Prefetch.Scope s, Map<String, Object> arguments) {
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
