package org.partnershipexplorer.mission;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.partnershipexplorer.graphql.Arguments;
import org.partnershipexplorer.graphql.Arguments.YearRange;
import org.partnershipexplorer.graphql.FieldRegistry;
import org.partnershipexplorer.graphql.FieldRegistry.RootProjection;
import org.partnershipexplorer.graphql.Projections;
import org.partnershipexplorer.neo4j.CypherTemplate;

/**
 * Missions, their hosts and contributions fetched inside an enclosing statement, and translated (see Translator):
 * their scalars, {@code Query.missions} and {@code Query.mission}; the roots' statements are written from these
 * definitions whichever way a query runs (Prefetch, Translator).
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
                (v, selected) -> CypherTemplate.fill("{r: ${row}, iso3: startNode(${r}).iso3, acronym: endNode(${r}).acronym}",
                        "row", FieldRegistry.properties(v, selected, "id", "year", "confidence"), "r", v),
                row -> Contribution.of(row.get("iso3").asString(), row.get("acronym").asString(), row.get("r"))));

        definitions.key("Mission", "Mission", "acronym", m -> ((Mission) m).acronym());
        definitions.relationshipKey("Contribution", "CONTRIBUTES_TO", c -> ((Contribution) c).id());

        definitions.field("Country", "contributions", MissionProjections::countryContributions, "years", "mission");
        definitions.field("Mission", "hosts", (s, args) -> s.cypher("""
                COLLECT { MATCH (${parent})-[:LOCATED_IN]->(${child}:Country) WITH ${child} ORDER BY ${child}.iso3 \
                RETURN ${object} }"""));
        definitions.field("Country", "hostedMissions", (s, args) -> s.cypher("""
                COLLECT { MATCH (${child}:Mission)-[:LOCATED_IN]->(${parent}) WITH ${child} ORDER BY ${child}.acronym \
                RETURN ${object} }"""));
        definitions.field("Mission", "contributions", MissionProjections::missionContributions, "years");
        definitions.field("Mission", "contributors", MissionProjections::contributors, "year");
        definitions.endpoint("Contribution", "mission", FieldRegistry.End.END);
        definitions.endpoint("Contribution", "country", FieldRegistry.End.START);

        // translated (see Translator), as Mission.of, Contribution.of and MissionRepository read them
        definitions.properties("Mission", "acronym", "name", "location", "startYear", "endYear");
        definitions.scalar("Mission", "id", v -> "'MISSION:' + " + v + ".acronym");
        definitions.scalar("Mission", "active", v -> "(" + v + ".endYear IS NULL)");
        definitions.provenance("Mission");
        definitions.relationshipId("Contribution");
        definitions.properties("Contribution", "year", "total", "troops", "police", "experts", "women");
        definitions.scalar("Contribution", "asOf", v -> "toString(" + v + ".asOf)");
        definitions.provenance("Contribution");
        definitions.root("missions", RootProjection.keyset("Mission", "acronym", MissionProjections::activeIn),
                "activeIn");
        definitions.root("mission", RootProjection.byKey("Mission", "acronym", "acronym"), "acronym");
    }

    /** Query.missions' activeIn, checked: the missions that ran at some point of that year; none when not given. */
    private static List<String> activeIn(FieldRegistry.Scope s, Map<String, Object> arguments) {
        Integer year = (Integer) arguments.get("activeIn");
        if (year == null) {
            return List.of();
        }
        String p = s.parameter(Arguments.year("activeIn", year));
        return List.of(s.cypher("${child}.startYear <= ${year} AND coalesce(${child}.endYear, 9999) >= ${year}",
                "year", p));
    }

    /** Mission.contributions: within the years given, by year, then by country. */
    private static String missionContributions(FieldRegistry.Scope s, Map<String, Object> arguments) {
        return s.cypher("""
                COLLECT { MATCH (:Country)-[${child}:CONTRIBUTES_TO]->(${parent}) ${where}
                  WITH ${child} ORDER BY ${child}.year, startNode(${child}).iso3
                  RETURN ${object} }""", "where",
                CypherTemplate.where(withinYears(s, Arguments.years(arguments, "years"))));
    }

    /** Mission.contributors: the countries that served in it (in the year given), each once, in iso3 order. */
    private static String contributors(FieldRegistry.Scope s, Map<String, Object> arguments) {
        Integer year = (Integer) arguments.get("year");
        String r = s.variable();
        return s.cypher("""
                COLLECT { MATCH (${child}:Country)-[${r}:CONTRIBUTES_TO]->(${parent}) ${where}
                  WITH DISTINCT ${child} ORDER BY ${child}.iso3
                  RETURN ${object} }""", "r", r, "where", CypherTemplate.where(year == null ? List.of()
                        : List.of(r + ".year = " + s.parameter(Arguments.year("year", year)))));
    }

    /** Country.contributions: within the years and the mission given, by year, then by mission. */
    private static String countryContributions(FieldRegistry.Scope s, Map<String, Object> arguments) {
        String mission = (String) arguments.get("mission");
        List<String> conditions = new ArrayList<>(withinYears(s, Arguments.years(arguments, "years")));
        if (mission != null) {
            conditions.add(s.cypher("endNode(${child}).acronym = " + s.parameter(mission)));
        }
        return s.cypher("""
                COLLECT { MATCH (${parent})-[${child}:CONTRIBUTES_TO]->(:Mission) ${where}
                  WITH ${child} ORDER BY ${child}.year, endNode(${child}).acronym
                  RETURN ${object} }""", "where", CypherTemplate.where(conditions));
    }

    /** A contribution (the scope's child) within the years given: a condition for each end given. */
    private static List<String> withinYears(FieldRegistry.Scope s, YearRange years) {
        List<String> conditions = new ArrayList<>();
        if (years.from() != null) {
            conditions.add(s.cypher("${child}.year >= " + s.parameter(years.from())));
        }
        if (years.to() != null) {
            conditions.add(s.cypher("${child}.year <= " + s.parameter(years.to())));
        }
        return conditions;
    }
}
