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
}
