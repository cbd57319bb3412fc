package org.partnershipexplorer.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.partnershipexplorer.graphql.DocumentCost.Figures;

@DisplayName("Counting a document's fields, depth and cost before validation")
class DocumentCostTest {

    static final GraphQLSchema SCHEMA = schema();
    private static final QueryLimits LIMITS = QueryLimits.defaults();

    private static GraphQLSchema schema() {
        try {
            return UnExecutableSchemaGenerator.makeUnExecutableSchema(
                    new SchemaParser().parse(Files.readString(Path.of("schema.graphqls"))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Figures figures(String document, Map<String, Object> variables) {
        return DocumentCost.of(Parser.parse(document), null, SCHEMA, LIMITS, variables);
    }

    @Test
    @DisplayName("each field costs 1 plus its children times its size: first, limit, their default, else the list weight")
    void costAsTheLimitsDefineIt() {
        // country: 1 + 1 x (name 1 + trains (1 + 10 x (year 1 + trainee (1 + 1 x id 1)))) = 1 + (1 + 31) = 33
        assertEquals(new Figures(6, 4, 33), figures("{ country(iso3: \"KEN\") { name trains { year trainee { id } } } }", Map.of()));
        // countries' first defaults to 50: 1 + 50 x (edges 1 + 1 x (node 1 + name 1)) = 151
        assertEquals(new Figures(4, 4, 151), figures("{ countries { edges { node { name } } } }", Map.of()));
        assertEquals(new Figures(4, 4, 10), figures("query($n: Int) { countries(first: $n) { edges { node { name } } } }",
                Map.of("n", 3)));
        assertEquals(new Figures(4, 4, 1501), figures("{ countries(first: 9999) { edges { node { name } } } }", Map.of()));
    }

    @Test
    @DisplayName("a fragment is counted once and reused: 70 levels of doubling saturate at Long.MAX_VALUE instead of wrapping")
    void fanOutSaturates() {
        StringBuilder document = new StringBuilder("query { ...F70 } fragment F0 on Query { __typename }");
        for (int i = 1; i <= 70; i++) {
            document.append(" fragment F").append(i).append(" on Query { ...F").append(i - 1).append(" ...F").append(i - 1).append(" }");
        }
        Figures figures = figures(document.toString(), Map.of());
        assertEquals(Long.MAX_VALUE, figures.fields());
        assertEquals(1, figures.depth());
        assertEquals(0, figures.cost());
        assertEquals(new Figures(1L << 29, 1, 0), figures(document.toString().replace("...F70 }", "...F29 }"), Map.of()));
    }

    @Test
    @DisplayName("sums and products saturate, and a spread of itself or of an unknown fragment counts nothing")
    void saturatingArithmetic() {
        assertEquals(Long.MAX_VALUE, DocumentCost.add(Long.MAX_VALUE - 1, 2));
        assertEquals(Long.MAX_VALUE, DocumentCost.multiply(1L << 40, 1L << 30));
        assertEquals(6, DocumentCost.multiply(2, 3));
        assertEquals(new Figures(2, 2, 1),
                figures("query { ...A } fragment A on Query { ...A statistics { __typename } }", Map.of()));
        assertEquals(Figures.NONE, figures("query { ...Missing }", Map.of()));
    }
}
