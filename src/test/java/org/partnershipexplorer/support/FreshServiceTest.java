package org.partnershipexplorer.support;

import io.micronaut.test.support.TestPropertyProvider;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Like {@link ServiceTest}, on a Neo4j of the test class's own holding the frozen seed ({@link FrozenSeed}): for tests
 * that write, so that the shared database the read tests assert exact seed values on stays as the seed made it. The
 * class's {@link #neo4j()} comes from {@link TestNeo4j#withFrozenSeed()} (a copy of a store seeded once per JVM), and
 * the properties still name the frozen seed, so that a service on an empty database loads it at start.
 * Needs {@code @TestInstance(PER_CLASS)}.
 *
 * <p>The database stops after the class's service, as in a real stop: stopped first, it left the service's change
 * feed retrying a read against it, and the service's close waited five seconds for that read in every class.
 */
@ExtendWith(FreshServiceTest.StopsAfterTheService.class)
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

    /**
     * Hands the class's database to JUnit's store for the class, which closes what it holds once every after-all
     * callback has run, the Micronaut extension's close of the application context among them.
     */
    final class StopsAfterTheService implements BeforeAllCallback {

        @Override
        public void beforeAll(ExtensionContext context) {
            FreshServiceTest test = (FreshServiceTest) context.getRequiredTestInstance();
            context.getStore(ExtensionContext.Namespace.create(StopsAfterTheService.class))
                    .put("neo4j", test.neo4j());
        }
    }
}
