package org.partnershipexplorer.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.partnershipexplorer.support.GraphQLClient;
import org.partnershipexplorer.support.ServiceTest;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("the warm-up after start")
class WarmUpIT implements ServiceTest {

    @Inject
    WarmUp warmUp;

    @Inject
    Translator translator;

    @Inject
    EmbeddedServer server;

    /** 21 rounds: every document the warm-up can send, as after 3 * 7 rounds its rotation starts again. */
    @Override
    public Map<String, String> extraProperties() {
        return Map.of("explorer.warm-up.enabled", "true", "explorer.warm-up.rounds", "21");
    }

    @Test
    @DisplayName("answers every request by a statement of its own, none of them a benchmark question's")
    void everyWarmUpRequestIsAStatementOfItsOwnAndNoneIsABenchmarkQuestions() throws Exception {
        WarmUp.Outcome outcome = warmUp.outcome().get(180, TimeUnit.SECONDS);
        assertEquals(105, outcome.requests());
        assertEquals(105, outcome.answered());
        // every request a statement of its own, which Neo4j had not planned before (the documents alone differing
        // would not do: a field that is not translated, or fields the translation renders alike, would not show)
        Set<String> kept = new HashSet<>(translator.keptStatements());
        assertEquals(105, kept.size());

        // bench/first-calls.sh times each question's first call as a new shape: a statement the warm-up (or an
        // earlier question) had Neo4j plan would be timed as a cached plan, and would flatter the service
        List<Path> questions;
        try (var files = Files.list(Path.of("bench/peer/queries"))) {
            questions = files.filter(f -> f.toString().endsWith(".project.graphql")).sorted().toList();
        }
        assertEquals(8, questions.size());
        GraphQLClient client = new GraphQLClient(server.getURI());
        for (Path question : questions) {
            var answer = client.query(Files.readString(question), Map.of());
            assertTrue(answer.errors().isMissingNode(), question + ": " + answer.body());
            assertEquals(1, answer.statements(), question.toString());
            Set<String> now = translator.keptStatements();
            assertEquals(kept.size() + 1, now.size(), question + " is a statement planned before it was asked");
            kept = new HashSet<>(now);
        }
    }
}
