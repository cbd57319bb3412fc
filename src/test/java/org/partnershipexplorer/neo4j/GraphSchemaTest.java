package org.partnershipexplorer.neo4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
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

    @Test
    @DisplayName("a look at the indexes counts the rules online, sees an old search index and the retired plain ones, and what populates or failed")
    void foundJudgesTheListedIndexes() {
        List<String> names = List.of("actor_id", "trains_year", "search");
        var found = GraphSchema.Found.of(List.of(
                new GraphSchema.Index("actor_id", "ONLINE", false, "actor_id"),
                new GraphSchema.Index("trains_year", "POPULATING", false, null),
                new GraphSchema.Index("search", "ONLINE", false, null),
                new GraphSchema.Index("trains_id", "ONLINE", false, null),
                new GraphSchema.Index("donates_id", "ONLINE", false, "donates_id_unique"),
                new GraphSchema.Index("someone_elses", "FAILED", false, null)), names);
        assertEquals(new GraphSchema.Found(1, true, List.of("trains_id"), 1, 1), found);

        var inPlace = GraphSchema.Found.of(List.of(
                new GraphSchema.Index("actor_id", "ONLINE", false, "actor_id"),
                new GraphSchema.Index("trains_year", "ONLINE", false, null),
                new GraphSchema.Index("search", "ONLINE", true, null)), names);
        assertEquals(new GraphSchema.Found(3, false, List.of(), 0, 0), inPlace);
    }
}
