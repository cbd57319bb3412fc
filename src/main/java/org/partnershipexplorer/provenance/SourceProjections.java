package org.partnershipexplorer.provenance;

import jakarta.inject.Singleton;
import java.util.List;
import org.partnershipexplorer.graphql.FieldRegistry;
import org.partnershipexplorer.graphql.FieldRegistry.RootProjection;
import org.partnershipexplorer.graphql.Projections;

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
            definitions.field(type, "sources", (s, args) -> """
                    COLLECT { UNWIND %s AS cited MATCH (%s:Source {id: cited}) RETURN %s }\
                    """.formatted(sourceIds(s.parent()), s.child(), s.object()));
        }
        definitions.loaded("Source", "trainings", (s, args) -> supported(s,
                "(:Actor)-[%s:TRAINS]->(:Actor)", "%1$s.year, %1$s.id"));
        definitions.loaded("Source", "donations", (s, args) -> supported(s,
                "(:Actor)-[%s:DONATES_TO]->(:Actor)", "%1$s.year, %1$s.id"));
        definitions.loaded("Source", "contributions", (s, args) -> supported(s,
                "(:Country)-[%s:CONTRIBUTES_TO]->(:Mission)", "%1$s.year, startNode(%1$s).iso3"));
        definitions.loaded("Source", "deployments", (s, args) -> supported(s,
                "(%s:Deployment)", "%1$s.asOf, %1$s.iso3"));
        definitions.loaded("Source", "programs", (s, args) -> supported(s, "(%s:Program)", "%1$s.code"));

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
        return "CASE WHEN %1$s.sourceIds IS :: STRING THEN split(%1$s.sourceIds, ';') ELSE coalesce(%1$s.sourceIds, [])"
                .formatted(fact) + " END";
    }

    /** The facts matching {@code pattern} (the fact's variable as {@code %s}) that cite the source, in order. */
    private static String supported(FieldRegistry.Scope s, String pattern, String order) {
        String fact = s.child();
        return """
                COLLECT { MATCH %s WHERE %s IN %s
                  WITH %s ORDER BY %s
                  RETURN %s }\
                """.formatted(pattern.formatted(fact), s.parent() + ".id", sourceIds(fact), fact,
                order.formatted(fact), s.object());
    }
}
