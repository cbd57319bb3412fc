package org.partnershipexplorer.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import graphql.language.OperationDefinition;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the operation a request runs")
class OperationTest {

    @Test
    @DisplayName("a text seen before answers the operation kept for it, without parsing again")
    void sameTextAnswersTheKeptOperation() {
        String query = "query KeptOperation { country(iso3: \"KEN\") { name } }";
        Optional<Operation> first = Operation.of(query, null);
        assertEquals(Optional.of(new Operation("KeptOperation", OperationDefinition.Operation.QUERY, true)), first);
        assertSame(first, Operation.of(query, null));
    }

    @Test
    @DisplayName("the operation name is part of what is kept: one text, two operations")
    void operationNameChoosesAmongKeptOperations() {
        String query = "query Read { country(iso3: \"KEN\") { name } } mutation Write { a: __typename b: __typename }";
        assertEquals(Optional.of(new Operation("Read", OperationDefinition.Operation.QUERY, true)),
                Operation.of(query, "Read"));
        assertEquals(Optional.of(new Operation("Write", OperationDefinition.Operation.MUTATION, false)),
                Operation.of(query, "Write"));
        assertEquals(Optional.empty(), Operation.of(query, null));
    }

    @Test
    @DisplayName("a text that does not parse has no operation, asked once or twice")
    void unparsableTextHasNoOperation() {
        assertEquals(Optional.empty(), Operation.of("{ country(", null));
        assertEquals(Optional.empty(), Operation.of("{ country(", null));
    }
}
