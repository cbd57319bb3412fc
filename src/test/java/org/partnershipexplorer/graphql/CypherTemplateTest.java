package org.partnershipexplorer.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.partnershipexplorer.neo4j.CypherTemplate;

@DisplayName("Cypher fragments are written with named placeholders")
class CypherTemplateTest {

    @Test
    @DisplayName("every placeholder is replaced by the value of its name, as often as it appears; Cypher's own $ and braces stay")
    void placeholdersAreFilledByName() {
        assertEquals("MATCH (t0)-[t1:TRAINS]->(:Actor {id: $p0}) WITH t1 ORDER BY t1.year",
                CypherTemplate.fill("MATCH (${parent})-[${r}:TRAINS]->(:Actor {id: $p0}) WITH ${r} ORDER BY ${r}.year",
                        Map.of("parent", "t0", "r", "t1")));
    }

    @Test
    @DisplayName("a placeholder that names no value is refused with its name, rather than left in the statement")
    void anUnknownNameIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> CypherTemplate.fill("RETURN ${object}", "child", "t1"));

        assertEquals("no value for ${object} in: RETURN ${object}", refused.getMessage());
    }

    @Test
    @DisplayName("a scope fills parent, child and object itself, and takes further names in pairs; the statement's"
            + " composition puts the child's object where the fragment names it")
    void aScopeFillsItsOwnNames() {
        Prefetch.Bindings bindings = new Prefetch.Bindings("t", "p");
        org.neo4j.cypherdsl.core.Expression object = org.neo4j.cypherdsl.core.Cypher.raw("[t1.year]");
        FieldRegistry.Scope scope = bindings.scope("t0", "t1", object);

        String fragment = scope.cypher("COLLECT { MATCH (${parent})-[${child}:TRAINS]->() WHERE ${child}.year > ${year} "
                + "RETURN ${object} }", "year", scope.parameter(2015));

        assertEquals("COLLECT { MATCH (t0)-[t1:TRAINS]->() WHERE t1.year > $p0 RETURN $E }", fragment);
        assertEquals("RETURN COLLECT { MATCH (t0)-[t1:TRAINS]->() WHERE t1.year > $p0 RETURN [t1.year] } AS v",
                Composed.render(org.neo4j.cypherdsl.core.Cypher.returning(Composed.fragment(fragment, object)
                        .as("v")).build()));
        assertEquals(Map.of("p0", 2015), bindings.parameters());
    }

    @Test
    @DisplayName("WHERE comes only with a condition, and several are joined by AND")
    void whereOnlyWithConditions() {
        assertEquals("", CypherTemplate.where(List.of()));
        assertEquals("WHERE t1.year >= $p0", CypherTemplate.where(List.of("t1.year >= $p0")));
        assertEquals("WHERE t1.year >= $p0 AND t1.year <= $p1",
                CypherTemplate.where(List.of("t1.year >= $p0", "t1.year <= $p1")));
    }
}
