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

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("explorer.warm-up.enabled", "true", "explorer.warm-up.rounds", "2");
    }

    @Test
    @DisplayName("sends each generic document the configured number of times, and every one is answered")
    void everyWarmUpRequestIsAnswered() throws Exception {
        WarmUp.Outcome outcome = warmUp.outcome().get(180, TimeUnit.SECONDS);
        assertEquals(8, outcome.requests());
        assertEquals(8, outcome.answered());
    }
}
