package org.partnershipexplorer.graphql;

import org.neo4j.cypherdsl.core.Cypher;
import org.neo4j.cypherdsl.core.Expression;
import org.neo4j.cypherdsl.core.Parameter;
import org.neo4j.cypherdsl.core.Statement;
import org.neo4j.cypherdsl.core.renderer.Configuration;
import org.neo4j.cypherdsl.core.renderer.Renderer;

/**
 * What the three ways of answering a query share to compose their statements with Cypher-DSL: the root's
 * {@code MATCH}, the {@code CALL {}} and {@code COLLECT {}} subqueries, the map and list projections, the
 * {@code RETURN}, the {@code UNWIND} of a batch's keys are Cypher-DSL's; a field's own fragment, written by its
 * feature, goes in as raw Cypher with its child's object in the place its {@code ${object}} named.
 */
final class Composed {

    /** Where a fragment's {@code ${object}} stands: Cypher-DSL's placeholder for an expression in raw Cypher. */
    static final String OBJECT = "$E";

    // thread-safe; names are escaped only where they must be, so the statement in a log reads as the fragments do
    private static final Renderer RENDERER = Renderer.getRenderer(Configuration.newConfig()
            .alwaysEscapeNames(false).build());

    private Composed() {
    }

    static String render(Statement statement) {
        return RENDERER.render(statement);
    }

    /**
     * A feature's fragment as an expression of the statement: the raw Cypher, with {@code object} wherever the
     * fragment named it ({@link #OBJECT}, never a parameter's name: those are generated, {@code $p0}).
     */
    static Expression fragment(String cypher, Expression object) {
        int places = 0;
        for (int at = cypher.indexOf(OBJECT); at >= 0; at = cypher.indexOf(OBJECT, at + OBJECT.length())) {
            int next = at + OBJECT.length();
            if (next == cypher.length() || !Character.isLetterOrDigit(cypher.charAt(next))) {
                places++;
            }
        }
        if (places > 0 && object == null) {
            throw new IllegalStateException("a fragment names an object where there is none: " + cypher);
        }
        Expression[] objects = new Expression[places];
        java.util.Arrays.fill(objects, object);
        return Cypher.raw(cypher, (Object[]) objects);
    }

    /** The parameter a scope bound ({@code $p3}), as Cypher-DSL writes it. */
    static Parameter<?> parameter(String bound) {
        return Cypher.parameter(bound.substring(1));
    }
}
