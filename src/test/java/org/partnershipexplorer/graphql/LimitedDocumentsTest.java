package org.partnershipexplorer.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.parser.Parser;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("documents parsed and validated once, then kept")
class LimitedDocumentsTest {

    private final QueryLimits limits = new QueryLimits(20000, 5000, 15, 200000, 10, 30, 262144);

    @Test
    @DisplayName("the same text a second time is not parsed or validated again")
    void validDocumentIsKept() {
        var documents = new LimitedDocuments(limits);
        AtomicInteger validations = new AtomicInteger();
        Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate = input -> {
            validations.incrementAndGet();
            return new PreparsedDocumentEntry(Parser.parse(input.getQuery()));
        };

        var first = documents.getDocumentAsync(input("{ countries { totalCount } }"), parseAndValidate).join();
        var second = documents.getDocumentAsync(input("{ countries { totalCount } }"), parseAndValidate).join();
        documents.getDocumentAsync(input("{ missions { totalCount } }"), parseAndValidate).join();

        assertSame(first, second);
        assertEquals(2, validations.get());
    }

    @Test
    @DisplayName("a document that failed validation is checked again each time, so a flood of bad ones fills nothing")
    void invalidDocumentIsNotKept() {
        var documents = new LimitedDocuments(limits);
        AtomicInteger validations = new AtomicInteger();
        Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate = input -> {
            validations.incrementAndGet();
            return new PreparsedDocumentEntry(List.of(ValidationError.newValidationError()
                    .validationErrorType(ValidationErrorType.FieldUndefined).description("no such field").build()));
        };

        var entry = documents.getDocumentAsync(input("{ nope }"), parseAndValidate).join();
        documents.getDocumentAsync(input("{ nope }"), parseAndValidate).join();

        assertTrue(entry.hasErrors());
        assertEquals(2, validations.get());
    }

    private static ExecutionInput input(String query) {
        return ExecutionInput.newExecutionInput(query).build();
    }
}
