package org.partnershipexplorer.neo4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the schema's statements")
class GraphSchemaTest {

    @Test
    @DisplayName("each name a distinct constraint or index, the full-text one included, so readiness can find them")
    void namesAreTheDeclaredOnes() {
        var names = GraphSchema.names();
        assertEquals(GraphSchema.STATEMENTS.size(), new HashSet<>(names).size(), names.toString());
        assertTrue(names.contains("search"), names.toString());
        assertTrue(names.contains("actor_id"), names.toString());
        assertTrue(names.stream().noneMatch(n -> n.equals("INDEX") || n.equals("CONSTRAINT")), names.toString());
    }
}
