package org.partnershipexplorer.support;

import io.micronaut.test.support.TestPropertyProvider;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/**
 * Like {@link ServiceTest}, on a Neo4j of the test class's own holding the frozen seed ({@link FrozenSeed}): for tests
 * that write, so that the shared database the read tests assert exact seed values on stays as the seed made it. The
 * class's {@link #neo4j()} comes from {@link TestNeo4j#withFrozenSeed()} (a copy of a store seeded once per JVM), and
 * the properties still name the frozen seed, so that a service on an empty database loads it at start.
 * Needs {@code @TestInstance(PER_CLASS)}.
 */
public interface FreshServiceTest extends TestPropertyProvider {

    /** The class's own database; started on first use. */
    TestNeo4j.Instance neo4j();

    @Override
    default Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(neo4j().properties());
        properties.put("explorer.seed.mode", "if-empty");
        properties.putAll(FrozenSeed.properties());
        properties.putAll(extraProperties());
        return properties;
    }

    default Map<String, String> extraProperties() {
        return Map.of();
    }

    @AfterAll
    default void closeNeo4j() {
        neo4j().close();
    }
}
