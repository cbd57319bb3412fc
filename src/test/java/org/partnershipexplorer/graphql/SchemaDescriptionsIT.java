package org.partnershipexplorer.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.partnershipexplorer.support.GraphQLClient;
import org.partnershipexplorer.support.ServiceTest;

/**
 * What code generators and GraphiQL show a client comes from introspection: only the schema's {@code "..."}
 * descriptions belong there, never the {@code #} comments that organise the file for its maintainers.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("introspection carries the schema's descriptions, not its # comments")
class SchemaDescriptionsIT implements ServiceTest {

    private static final String DESCRIPTIONS = """
            { __schema { description types { name description
                fields { name description args { name description } }
                inputFields { name description } enumValues { name description } } } }""";

    @Inject
    EmbeddedServer server;

    JsonNode schema() {
        var response = new GraphQLClient(server.getURI()).query(DESCRIPTIONS);
        assertEquals(200, response.status(), response.raw().body());
        return response.data().path("__schema");
    }

    @Test
    @DisplayName("the file's header is no description: the schema has none, and no type, field or value quotes it")
    void fileHeaderIsNoDescription() {
        JsonNode schema = schema();
        assertTrue(schema.path("description").isNull(), schema.path("description").toString());
        List<String> leaked = new ArrayList<>();
        collect(schema.path("types"), "", leaked);
        assertEquals(List.of(), leaked);
    }

    @Test
    @DisplayName("Mutation's description is the one written for clients, without the file's section banner")
    void mutationDescription() {
        JsonNode mutation = null;
        for (JsonNode type : schema().path("types")) {
            if (type.path("name").asText().equals("Mutation")) {
                mutation = type;
            }
        }
        assertEquals("Every mutation needs a bearer token with the role editor. Inputs mirror the seed columns in "
                + "camelCase and are\nchecked by the seed loader's rules: BAD_USER_INPUT names each bad field and "
                + "why, and nothing is written. create\nrefuses an existing key with CONFLICT, also when another "
                + "create of that key committed first; update changes only\nthe fields given (an explicit null "
                + "clears an optional field) and keeps the rest; with expectedUpdatedAt (the\nupdatedAt last read) "
                + "an update of a row changed since is refused with CONFLICT, naming the stored updatedAt; delete\n"
                + "refuses a node that others reference, listing them, unless cascade: true, which also deletes what "
                + "cannot exist\nwithout it (a country's deployments and pledges, a ministerial's pledges, a "
                + "programme's trainings and donations).\nEach mutation is one transaction.",
                mutation.path("description").asText());
    }

    /** Every description under a node that quotes a line of the file's comments, as "where: text". */
    private static void collect(JsonNode node, String where, List<String> leaked) {
        if (node.isArray()) {
            node.forEach(child -> collect(child, where, leaked));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        String here = where + "/" + node.path("name").asText();
        String description = node.path("description").asText("");
        for (String comment : List.of("Partnership Explorer: UN peacekeeping partnerships as a graph",
                "Conventions (actors, enums, paging, errors)", "-----", "README: minting a token")) {
            if (description.contains(comment)) {
                leaked.add(here + ": " + description);
            }
        }
        node.fields().forEachRemaining(field -> collect(field.getValue(), here, leaked));
    }
}
