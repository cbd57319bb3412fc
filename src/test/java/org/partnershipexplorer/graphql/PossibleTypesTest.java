package org.partnershipexplorer.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLUnionType;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The possibleTypes map docs/api.md gives clients (Apollo's InMemoryCache needs it to match fragments on
 * interfaces and unions) is the schema's: a type added to an interface or union without the document fails here.
 */
@DisplayName("docs/api.md's possibleTypes are the schema's interfaces and unions")
class PossibleTypesTest {

    @Test
    @DisplayName("every interface and union with exactly its object types, in name order")
    void documentedAsInTheSchema() throws Exception {
        GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(
                new SchemaParser().parse(Files.readString(Path.of("schema.graphqls"))));
        Map<String, List<String>> expected = new TreeMap<>();
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (type.getName().startsWith("__")) {
                continue;
            }
            if (type instanceof GraphQLInterfaceType face) {
                expected.put(face.getName(), schema.getImplementations(face).stream()
                        .map(GraphQLNamedType::getName).sorted().toList());
            } else if (type instanceof GraphQLUnionType union) {
                expected.put(union.getName(), union.getTypes().stream()
                        .map(GraphQLNamedType::getName).sorted().toList());
            }
        }
        String api = Files.readString(Path.of("docs/api.md"));
        String marker = "const possibleTypes = ";
        int start = api.indexOf(marker);
        assertTrue(start >= 0, "docs/api.md has no '" + marker + "'");
        int end = api.indexOf("};", start);
        Map<?, ?> documented = new ObjectMapper().readValue(api.substring(start + marker.length(), end + 1), Map.class);
        assertEquals(expected, new TreeMap<>(documented));
    }
}
