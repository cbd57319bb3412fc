package org.partnershipexplorer.support;

import io.micronaut.test.support.TestPropertyProvider;
import java.util.HashMap;
import java.util.Map;

/**
 * Points a {@code @MicronautTest} service at the test JVM's shared Neo4j, which holds the frozen seed
 * ({@link FrozenSeed}): embedded, from its start ({@link TestNeo4j#shared()}); in a container, loaded by whichever
 * test context starts first. Micronaut reads a TestPropertyProvider only
 * with {@code @TestInstance(PER_CLASS)} on the test class.
 */
public interface ServiceTest extends TestPropertyProvider {

    @Override
    default Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestNeo4j.shared().properties());
        properties.put("explorer.seed.mode", "if-empty");
        properties.putAll(FrozenSeed.properties());
        // any free port: application.yml's 8080 may be taken on a shared machine
        properties.put("micronaut.server.port", "-1");
        properties.putAll(extraProperties());
        return properties;
    }

    /** Properties a test class adds or overrides. */
    default Map<String, String> extraProperties() {
        return Map.of();
    }
}
