package org.partnershipexplorer.partnership;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.partnershipexplorer.graphql.Arguments;
import org.partnershipexplorer.graphql.FieldRegistry;
import org.partnershipexplorer.graphql.FieldRegistry.RootProjection;
import org.partnershipexplorer.graphql.Projections;
import org.partnershipexplorer.neo4j.CypherTemplate;

/**
 * Trainings, donations and programmes fetched inside an enclosing statement, and their scalars translated (see
 * Translator): the same filters, order and values as the batch statements of {@link PartnershipRepository} and the
 * records read them, so every way gives the same answer.
 */
@Singleton
final class PartnershipProjections implements Projections {

    @Override
    public void define(FieldRegistry.Definitions definitions) {
        definitions.type("Training", new FieldRegistry.TypeProjection(v -> "type(" + v + ") = 'TRAINS'",
                (v, selected) -> relationship(v, selected, "id", "year", "program", "confidence"),
                row -> Training.of(row.get("r"), row.get("provider").asString(), row.get("recipient").asString())));
        definitions.type("Donation", new FieldRegistry.TypeProjection(v -> "type(" + v + ") = 'DONATES_TO'",
                (v, selected) -> relationship(v, selected, "id", "year", "item", "program", "confidence"),
                row -> Donation.of(row.get("r"), row.get("provider").asString(), row.get("recipient").asString())));
        definitions.type("Program", new FieldRegistry.TypeProjection(v -> v + ":Program",
                (v, selected) -> FieldRegistry.properties(v, selected, "code", "confidence"), Program::of));

        definitions.key("Program", "Program", "code", p -> ((Program) p).code());

        for (String actor : new String[] {"Country", "Organization"}) {
            definitions.field(actor, "trains",
                    (s, args) -> partnerships(s, args, "(${parent})-[${child}:TRAINS]->(:Actor)"), FILTERS);
            definitions.field(actor, "trainedBy",
                    (s, args) -> partnerships(s, args, "(:Actor)-[${child}:TRAINS]->(${parent})"), FILTERS);
            definitions.field(actor, "donatesTo",
                    (s, args) -> partnerships(s, args, "(${parent})-[${child}:DONATES_TO]->(:Actor)"), FILTERS);
            definitions.field(actor, "receivesFrom",
                    (s, args) -> partnerships(s, args, "(:Actor)-[${child}:DONATES_TO]->(${parent})"), FILTERS);
            definitions.fieldByField(actor, "partners", "one entry per partner, summed up in its batch statement");
        }
        definitions.field("Program", "trainings", (s, args) -> programPartnerships(s, args, "TRAINS"), "years");
        definitions.field("Program", "donations", (s, args) -> programPartnerships(s, args, "DONATES_TO"), "years");
        for (String kind : new String[] {"Training", "Donation"}) {
            definitions.endpoint(kind, "provider", FieldRegistry.End.START);
            definitions.endpoint(kind, "recipient", FieldRegistry.End.END);
            definitions.endpoint(kind, "program", (s, args) -> s.cypher(
                    "COLLECT { MATCH (${child}:Program {code: ${parent}.program}) RETURN ${object} }[0]"));
        }
        definitions.endpoint("Training", "trainer", FieldRegistry.End.START);
        definitions.endpoint("Training", "trainee", FieldRegistry.End.END);
        definitions.endpoint("Donation", "donor", FieldRegistry.End.START);
        definitions.relationshipKey("Training", "TRAINS", t -> ((Training) t).id());
        definitions.relationshipKey("Donation", "DONATES_TO", d -> ((Donation) d).id());

        // translated scalars (see Translator), as Training.of, Donation.of and Program.of read them
        definitions.relationshipId("Training");
        definitions.scalar("Training", "kind", v -> "'TRAINING'");
        definitions.properties("Training", "year", "endYear", "topic", "trainees");
        definitions.provenance("Training");
        definitions.scalar("Donation", "kind", v -> "'DONATION'");
        definitions.relationshipId("Donation");
        definitions.properties("Donation", "item", "year", "endYear", "quantity", "valueUsd");
        definitions.provenance("Donation");
        definitions.scalar("Program", "id", v -> "'PROGRAM:' + " + v + ".code");
        definitions.properties("Program", "code", "name", "url");
        definitions.provenance("Program");

        definitions.root("program", RootProjection.byKey("Program", "code", "code"), "code");
        definitions.fieldByField("Query", "programs", "a page of programmes, read by its own statement");
        definitions.fieldByField("Query", "trainingChains", "paths walked from one actor, bounded by depth");
        definitions.fieldByField("Query", "path", "shortest paths between two actors");
    }

    /** What every partnership list of an actor takes. */
    private static final String[] FILTERS = {"years", "program", "confidence", "limit"};

    /** What {@link Training#of} and {@link Donation#of} read: the relationship's properties and its endpoints' keys. */
    private static String relationship(String v, java.util.Set<String> selected, String... always) {
        return CypherTemplate.fill("{r: ${row}, provider: startNode(${r}).id, recipient: endNode(${r}).id}",
                "row", FieldRegistry.properties(v, selected, always), "r", v);
    }

    /**
     * An actor's partnerships matching {@code pattern} (the relationship is the scope's child), filtered and
     * ordered as {@link PartnershipRepository#trains} does.
     */
    private static String partnerships(FieldRegistry.Scope s, Map<String, Object> arguments, String pattern) {
        Integer limit = PartnershipWiring.limit(arguments);
        PartnershipFilter filter = PartnershipFilter.of(arguments);
        String p = s.parameter(filter.parameters());
        return s.cypher("""
                COLLECT { MATCH ${pattern} ${where}
                  WITH ${child} ORDER BY ${child}.year, ${child}.id ${limit}
                  RETURN ${object} }""", "pattern", s.cypher(pattern),
                "where", CypherTemplate.where(filter.conditions(s.child(), p)),
                "limit", limit == null ? "" : "LIMIT " + s.parameter(limit));
    }

    /** A programme's partnerships of one kind, within the years given, oldest first. */
    private static String programPartnerships(FieldRegistry.Scope s, Map<String, Object> arguments, String type) {
        PartnershipFilter filter = new PartnershipFilter(Arguments.years(arguments, "years"), null, null);
        List<String> conditions = new ArrayList<>(List.of(s.cypher("${child}.program = ${parent}.code")));
        conditions.addAll(filter.conditions(s.child(), s.parameter(filter.parameters())));
        return s.cypher("""
                COLLECT { MATCH (:Actor)-[${child}:${type}]->(:Actor) ${where}
                  WITH ${child} ORDER BY ${child}.year, ${child}.id
                  RETURN ${object} }""", "type", type, "where", CypherTemplate.where(conditions));
    }
}
