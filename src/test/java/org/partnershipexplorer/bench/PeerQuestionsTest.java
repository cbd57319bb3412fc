package org.partnershipexplorer.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The peer comparison (bench/peer.sh) asks each question of the service in the service's schema: a schema change
 * that breaks one of them would otherwise show only as a failed benchmark run, long after the change.
 */
@DisplayName("the peer comparison's questions")
class PeerQuestionsTest {

    private static final Path QUESTIONS = Path.of("bench/peer/queries");

    @Test
    @DisplayName("each of the eight is a valid document in the service's schema and has the peer's twin")
    void validInTheSchemaWithATwin() throws Exception {
        GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(
                new SchemaParser().parse(Files.readString(Path.of("schema.graphqls"))));
        List<Path> questions;
        try (Stream<Path> files = Files.list(QUESTIONS)) {
            questions = files.filter(f -> f.toString().endsWith(".project.graphql")).sorted().toList();
        }
        assertEquals(List.of("lookup", "missions", "nested", "page", "receivesFrom", "region", "trainedBy",
                "trainsOne"), questions.stream().map(f -> f.getFileName().toString().replace(".project.graphql", ""))
                .toList());
        for (Path question : questions) {
            List<ValidationError> errors = new Validator().validateDocument(schema,
                    Parser.parse(Files.readString(question)), Locale.ROOT);
            assertEquals(List.of(), errors, question.toString());
            Path twin = question.resolveSibling(question.getFileName().toString().replace(".project.", ".peer."));
            assertTrue(Files.isRegularFile(twin), "no peer twin " + twin);
        }
    }
}
