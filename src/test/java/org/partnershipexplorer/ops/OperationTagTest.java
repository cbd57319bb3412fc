package org.partnershipexplorer.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import graphql.language.OperationDefinition;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.partnershipexplorer.graphql.Operation;

@DisplayName("operation names in metric tags")
class OperationTagTest {

    private static Optional<Operation> of(String query, String operationName) {
        return Operation.of(query, operationName);
    }

    @Test
    @DisplayName("are the document's own names; a name the document does not define is (unknown)")
    void namesComeFromTheDocument() {
        assertEquals("b", OperationTag.name(of("query a { x } query b { y }", "b")));
        assertEquals("only", OperationTag.name(of("query only { x }", null)));
        assertEquals("(anonymous)", OperationTag.name(of("{ x }", null)));
        assertEquals("(unknown)", OperationTag.name(of("query a { x }", "invented")));
        assertEquals("(unknown)", OperationTag.name(of("query a { x } query b { y }", null)));
        assertEquals("(unknown)", OperationTag.name(of("{ x", null)));
        assertEquals(OperationDefinition.Operation.MUTATION, of("mutation m { x }", null).orElseThrow().type());
        assertEquals("mutation", OperationTag.type(of("mutation m { x }", null)));
    }

    @Test
    @DisplayName("stop growing past the configured number of distinct names: later ones are (other)")
    void distinctNamesAreBounded() {
        OperationTag tags = new OperationTag(2);
        assertEquals("a", tags.bounded(of("query a { x }", null)));
        assertEquals("b", tags.bounded(of("query b { x }", null)));
        assertEquals("(other)", tags.bounded(of("query c { x }", null)));
        assertEquals("a", tags.bounded(of("query a { y }", null)), "a name already seen keeps its tag");
        assertEquals("(anonymous)", tags.bounded(of("{ x }", null)), "the fixed tags do not count");
    }
}
