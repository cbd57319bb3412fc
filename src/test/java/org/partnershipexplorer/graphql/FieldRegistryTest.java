package org.partnershipexplorer.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.partnershipexplorer.graphql.FieldRegistry.RootProjection;
import org.partnershipexplorer.graphql.FieldRegistry.TypeProjection;

@DisplayName("the field definitions are held against the schema before the service starts")
class FieldRegistryTest {

    private static final GraphQLSchema SCHEMA = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse("""
            type Query { thing(key: ID!): Thing  things(first: Int, after: String, colour: String): ThingConnection! }
            type ThingConnection { edges: [ThingEdge!]! }
            type ThingEdge { node: Thing! }
            type Thing { key: ID!  name: String  parts(years: Int, limit: Int): [Thing!]!  score: Int }
            """), RuntimeWiring.newRuntimeWiring().build());

    private static final TypeProjection THING = new TypeProjection(v -> v + ":Thing",
            (v, selected) -> FieldRegistry.properties(v, selected, "key"), row -> row);

    @Test
    @DisplayName("definitions that handle every argument, with the other fields marked, pass")
    void completeDefinitionsPass() {
        FieldRegistry registry = new FieldRegistry(List.of(d -> {
            d.type("Thing", THING);
            d.properties("Thing", "key", "name");
            d.field("Thing", "parts", (s, args) -> "[]", "years", "limit");
            d.fieldByField("Thing", "score", "computed in memory");
            d.root("thing", RootProjection.byKey("Thing", "key", "key"), "key");
            d.root("things", RootProjection.keyset("Thing", "key", (s, args) -> List.of()), "colour");
        }));

        assertEquals(List.of(), registry.problems(SCHEMA));
    }

    @Test
    @DisplayName("an unhandled argument, an unknown one, a field neither defined nor marked and a missing root are each named")
    void everyMismatchIsNamed() {
        FieldRegistry registry = new FieldRegistry(List.of(d -> {
            d.type("Thing", THING);
            d.properties("Thing", "key", "name");
            d.field("Thing", "parts", (s, args) -> "[]", "years", "colours");
            d.root("thing", RootProjection.byKey("Thing", "key", "key"), "key");
        }));

        assertEquals(List.of(
                "Thing.parts: its definition does not handle the argument(s) [limit]",
                "Thing.parts: its definition handles argument(s) the schema does not give [colours]",
                "Thing.score: neither defined nor marked as answered field by field",
                "Query.things: neither defined nor marked as answered field by field"),
                registry.problems(SCHEMA));
    }

    @Test
    @DisplayName("a field defined twice is refused when the definitions are collected")
    void aFieldDefinedTwiceIsRefused() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> new FieldRegistry(List.of(
                d -> d.properties("Thing", "name"),
                d -> d.scalar("Thing", "name", v -> v + ".label"))));

        assertEquals("Thing.name is defined twice", refused.getMessage());
    }

    /** Things in key order, filtered by colour when {@code colour} is given. */
    private static RootProjection colouredThings() {
        return RootProjection.keyset("Thing", "key", (s, args) -> args.get("colour") == null ? List.of()
                : List.of(s.child() + ".colour = " + s.parameter(args.get("colour"))));
    }

    /** The whole statement of {@code root} for these arguments and page, its objects written as {@code object}. */
    private static String written(RootProjection root, Prefetch.Bindings bindings, String object,
            java.util.Map<String, Object> arguments, Paging.Request page) {
        return root.statement(bindings.scope(null, "t0", org.neo4j.cypherdsl.core.Cypher.raw(object)),
                bindings.scope(null, "t1", null), arguments, page);
    }

    @Test
    @DisplayName("a root's whole statement is written from its definition: the page, its filters and the count")
    void aRootStatementIsWrittenWhole() {
        RootProjection things = colouredThings();
        Prefetch.Bindings bindings = new Prefetch.Bindings("t", "p");

        String statement = written(things, bindings, "{n: t0 {.key}}", java.util.Map.of("colour", "red"),
                new Paging.Request(2, "b", true));

        assertEquals("RETURN COLLECT { MATCH (t0:Thing) WHERE (t0.key > $p0 AND t0.colour = $p1)"
                + " WITH t0 ORDER BY t0.key ASC LIMIT $p2 RETURN [t0.key, {n: t0 {.key}}] } AS rows,"
                + " COUNT { (t1:Thing) WHERE t1.colour = $p3 } AS total", statement);
        assertEquals(java.util.Map.of("p0", "b", "p1", "red", "p2", 3, "p3", "red"), bindings.parameters());
    }

    @Test
    @DisplayName("a filtered first page has no condition on the key; an unfiltered one walks the key from the start")
    void aFilteredFirstPageLeavesTheKeyToTheSort() {
        RootProjection things = colouredThings();

        Prefetch.Bindings filtered = new Prefetch.Bindings("t", "p");
        String red = written(things, filtered, "t0.key", java.util.Map.of("colour", "red"),
                new Paging.Request(2, null, false));
        Prefetch.Bindings unfiltered = new Prefetch.Bindings("t", "p");
        String all = written(things, unfiltered, "t0.key", java.util.Map.of(), new Paging.Request(2, null, false));

        assertEquals("RETURN COLLECT { MATCH (t0:Thing) WHERE t0.colour = $p0"
                + " WITH t0 ORDER BY t0.key ASC LIMIT $p1 RETURN [t0.key, t0.key] } AS rows, NULL AS total", red);
        assertEquals(java.util.Map.of("p0", "red", "p1", 3), filtered.parameters());
        assertEquals("RETURN COLLECT { MATCH (t0:Thing) WHERE t0.key > $p0"
                + " WITH t0 ORDER BY t0.key ASC LIMIT $p1 RETURN [t0.key, t0.key] } AS rows, NULL AS total", all);
        assertEquals(java.util.Map.of("p0", "", "p1", 3), unfiltered.parameters());
    }

    @Test
    @DisplayName("a root that finds one object by key returns it, or null, as object")
    void aRootByKeyIsWrittenWhole() {
        Prefetch.Bindings bindings = new Prefetch.Bindings("t", "p");

        String statement = written(RootProjection.byKey("Thing", "key", "key"), bindings, "{n: t0 {.key}}",
                java.util.Map.of("key", "a"), null);

        assertEquals("RETURN COLLECT { MATCH (t0:Thing {key: $p0}) RETURN {n: t0 {.key}} }[0] AS object", statement);
    }
}
