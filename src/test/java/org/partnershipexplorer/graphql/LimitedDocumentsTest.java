package org.partnershipexplorer.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.ErrorType;
import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("documents parsed and validated once, then kept")
class LimitedDocumentsTest {

    private final QueryLimits limits = QueryLimits.defaults();

    private final LimitedDocuments documents = new LimitedDocuments(limits, DocumentCostTest.SCHEMA);
    private final AtomicInteger graphqlJavaParses = new AtomicInteger();

    /**
     * Stands in for graphql-java's own parse and validation, which the provider should call for a syntax error alone:
     * counts its calls and parses as that step does (a text that does not parse gives its InvalidSyntax error).
     */
    private final Function<ExecutionInput, PreparsedDocumentEntry> graphqlJava = input -> {
        graphqlJavaParses.incrementAndGet();
        var parsed = ParseAndValidate.parse(input);
        return parsed.isFailure() ? new PreparsedDocumentEntry(parsed.getSyntaxException().toInvalidSyntaxError())
                : new PreparsedDocumentEntry(parsed.getDocument());
    };

    @Test
    @DisplayName("a new text is parsed once, by the provider, and validated on that parse; the same text again is kept")
    void validDocumentIsKept() {
        var first = documents.getDocumentAsync(input("{ countries { totalCount } }"), graphqlJava).join();
        var second = documents.getDocumentAsync(input("{ countries { totalCount } }"), graphqlJava).join();
        var other = documents.getDocumentAsync(input("{ missions { totalCount } }"), graphqlJava).join();

        assertFalse(first.hasErrors());
        assertSame(first, second);
        assertNotSame(first, other);
        assertEquals("missions", ((Field) ((OperationDefinition) other.getDocument().getDefinitions().get(0))
                .getSelectionSet().getSelections().get(0)).getName());
        assertEquals(0, graphqlJavaParses.get());
    }

    @Test
    @DisplayName("a document that failed validation is checked again each time, so a flood of bad ones fills nothing")
    void invalidDocumentIsNotKept() {
        var entry = documents.getDocumentAsync(input("{ nope }"), graphqlJava).join();
        var again = documents.getDocumentAsync(input("{ nope }"), graphqlJava).join();

        assertNotSame(entry, again);
        for (var each : List.of(entry, again)) {
            assertEquals(1, each.getErrors().size());
            ValidationError error = (ValidationError) each.getErrors().get(0);
            assertEquals(ValidationErrorType.FieldUndefined, error.getValidationErrorType());
            assertEquals("Validation error (FieldUndefined@[nope]) : Field 'nope' in type 'Query' is undefined",
                    error.getMessage());
        }
        assertEquals(0, graphqlJavaParses.get());
    }

    @Test
    @DisplayName("a text that is not GraphQL is left to graphql-java, which reports the syntax error its usual way")
    void syntaxErrorIsGraphqlJavas() {
        var entry = documents.getDocumentAsync(input("{ countries { "), graphqlJava).join();

        assertEquals(1, graphqlJavaParses.get());
        assertEquals(1, entry.getErrors().size());
        assertEquals(ErrorType.InvalidSyntax, entry.getErrors().get(0).getErrorType());
    }

    @Test
    @DisplayName("a kept document is counted again with each request's variables: a bigger $first is refused")
    void keptDocumentIsCountedPerRequest() {
        String query = "query($n: Int) { countries(first: $n) { edges { node { trains { trainee { trains { trainee "
                + "{ trains { year } } } } } } } } }";

        var small = documents.getDocumentAsync(ExecutionInput.newExecutionInput(query)
                .variables(java.util.Map.of("n", 5)).build(), graphqlJava).join();
        var big = documents.getDocumentAsync(ExecutionInput.newExecutionInput(query)
                .variables(java.util.Map.of("n", 500)).build(), graphqlJava).join();

        assertTrue(!small.hasErrors());
        // trains { year } 11, trainee 12, trains 121, trainee 122, trains 1221, node 1222, edges 1223: 1 + 500 x 1223
        // the message then says which lists make it large (here, with no counts known, every list weighs 10)
        assertEquals("Query too complex: cost 611501 is over the limit of 200000 (explorer.limits.max-complexity). "
                + "The answer would hold about 611501 values, most of them from countries (500 rows) > trains (10 each) "
                + "> trains (10 each) > trains (10 each): ask for fewer rows (first, limit), narrow the lists (years), "
                + "or split the query", big.getErrors().get(0).getMessage());
    }

    private static ExecutionInput input(String query) {
        return ExecutionInput.newExecutionInput(query).build();
    }
}
