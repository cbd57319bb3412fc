package org.partnershipexplorer.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.partnershipexplorer.support.ServiceTest;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("the warm-up after start")
class WarmUpIT implements ServiceTest {

    @Inject
    WarmUp warmUp;

    @Inject
    Translator translator;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("explorer.warm-up.enabled", "true", "explorer.warm-up.rounds", "7");
    }

    @Test
    @DisplayName("sends each generic shape once a round, and every request is answered by a statement of its own")
    void everyWarmUpRequestIsAnsweredByAStatementNotPlannedBefore() throws Exception {
        WarmUp.Outcome outcome = warmUp.outcome().get(180, TimeUnit.SECONDS);
        assertEquals(35, outcome.requests());
        assertEquals(35, outcome.answered());
        // every request a statement of its own, which Neo4j had not planned before (the documents alone differing
        // would not do: a field that is not translated, or fields the translation renders alike, would not show)
        assertEquals(35, translator.keptStatements().size());
    }
}
