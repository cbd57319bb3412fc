package org.partnershipexplorer.support;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The seed the tests assert exact values on: a copy of the bundled seed as it stood before the real data grew
 * (src/test/resources/frozen-seed/, illustrative rows included). It never changes with the data, so rankings, scores
 * and counts asserted on it stay true while graph-seed/ grows; only the tests of the bundled seed itself
 * (seed.BundledSeedIT) read graph-seed/.
 */
public final class FrozenSeed {

    private FrozenSeed() {
    }

    /** The folder, as the test classpath holds it. */
    public static Path directory() {
        try {
            return Path.of(FrozenSeed.class.getResource("/frozen-seed").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The application properties that seed a service with it, illustrative rows and all. */
    public static Map<String, String> properties() {
        return Map.of("explorer.seed.dir", directory().toString(), "explorer.seed.illustrative", "true");
    }
}
