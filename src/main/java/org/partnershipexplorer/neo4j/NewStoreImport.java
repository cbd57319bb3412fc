package org.partnershipexplorer.neo4j;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Fills an embedded store that has never been started, before the server starts on it: the one moment at which
 * Neo4j's offline importer may write it.
 *
 * <p>An interface here, implemented elsewhere (the seed package's import of a seed), so that this package starts the
 * server without knowing what a seed is: {@link Neo4jFactory} only says when the store is new and lets the beans of
 * this type fill it.
 */
public interface NewStoreImport {

    /**
     * Called on the thread that starts the embedded server, before it starts, when {@code home} holds no database,
     * ahead of {@link #beforeFirstStart}: may put a complete store in place, one this start would make itself (its
     * data and schema), which the server then starts on as on a kept store.
     *
     * @return whether it put a store in place; if not, it wrote nothing
     */
    default boolean restoreBeforeFirstStart(Path home) {
        return false;
    }

    /**
     * Called on the thread that starts the embedded server, before it starts, when {@code home} holds no database.
     * A failure stops the start; the implementation leaves the store as new as it found it.
     *
     * @return what it wrote into the store, counted, when it wrote anything
     */
    Optional<ImportedCounts> beforeFirstStart(Path home);

    /**
     * Called before the store is looked at, at every embedded start: removes what an import whose process was killed
     * left in {@code home}, so that the store counts as new again rather than as a half-written database.
     */
    default void recoverInterrupted(Path home) {
    }
}
