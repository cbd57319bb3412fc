package org.partnershipexplorer.provenance;

import jakarta.inject.Singleton;
import java.util.List;
import org.partnershipexplorer.graphql.FieldRegistry;
import org.partnershipexplorer.graphql.FieldRegistry.RootProjection;
import org.partnershipexplorer.graphql.Projections;
import org.partnershipexplorer.neo4j.CypherTemplate;

/**
 * Sources and what they support: {@code Query.sources}, {@code Query.source}, a source's fields, and
 * {@code sources} on every fact. A fact cites its sources by id ({@code sourceIds}, a list), so a page that
 * supports forty rows is stored once.
 */
@Singleton
final class SourceProjections implements Projections {

    /** Every type that implements {@code Sourced}: each answers {@code sources} with the one definition below. */
    static final List<String> SOURCED = List.of("Country", "Organization", "Membership", "Mission", "Contribution",
            "Deployment", "Training", "Donation", "Program", "Ministerial", "Attendance", "Pledge");

    @Override
    public void define(FieldRegistry.Definitions definitions) {
        definitions.type("Source", new FieldRegistry.TypeProjection(v -> v + ":Source",
                (v, selected) -> FieldRegistry.properties(v, selected, "id"), Source::of));
        definitions.key("Source", "Source", "id", s -> ((Source) s).id());
        definitions.properties("Source", "id", "url", "title", "publisher", "published");
        definitions.scalar("Source", "accessed", v -> "toString(" + v + ".accessed)");

        for (String type : SOURCED) {
            definitions.field(type, "sources", (s, args) -> s.cypher(
                    "COLLECT { UNWIND ${ids} AS cited MATCH (${child}:Source {id: cited}) RETURN ${object} }",
                    "ids", sourceIds(s.parent())));
        }
        definitions.loaded("Source", "trainings", (s, args) -> supported(s,
                "(:Actor)-[${child}:TRAINS]->(:Actor)", "${child}.year, ${child}.id"));
        definitions.loaded("Source", "donations", (s, args) -> supported(s,
                "(:Actor)-[${child}:DONATES_TO]->(:Actor)", "${child}.year, ${child}.id"));
        definitions.loaded("Source", "contributions", (s, args) -> supported(s,
                "(:Country)-[${child}:CONTRIBUTES_TO]->(:Mission)", "${child}.year, startNode(${child}).iso3"));
        definitions.loaded("Source", "deployments", (s, args) -> supported(s,
                "(${child}:Deployment)", "${child}.asOf, ${child}.iso3"));
        definitions.loaded("Source", "programs", (s, args) -> supported(s, "(${child}:Program)", "${child}.code"));

        // what a source supports is read by the loaders only: Neo4j 5.26's planner refused a page of sources with
        // these lists nested below it (insertCachedProperties), in a translated and in a fetched-ahead statement
        definitions.root("sources", RootProjection.keyset("Source", "id", (s, args) -> List.of()));
        definitions.root("source", RootProjection.byKey("Source", "id", "id"), "id");
    }

    /**
     * The ids a fact cites, as a list: a store written before the ids were a list holds them as one text
     * separated by {@code ;}, which reads the same until the next seed release rewrites it.
     */
    static String sourceIds(String fact) {
        return CypherTemplate.fill("CASE WHEN ${fact}.sourceIds IS :: STRING THEN split(${fact}.sourceIds, ';')"
                + " ELSE coalesce(${fact}.sourceIds, []) END", "fact", fact);
    }

    /** The facts matching {@code pattern} (the fact is the scope's child) that cite the source, in order. */
    private static String supported(FieldRegistry.Scope s, String pattern, String order) {
        return s.cypher("""
                COLLECT { MATCH ${pattern} WHERE ${parent}.id IN ${ids}
                  WITH ${child} ORDER BY ${order}
                  RETURN ${object} }""", "pattern", s.cypher(pattern), "ids", sourceIds(s.child()),
                "order", s.cypher(order));
    }
}
