package org.partnershipexplorer.seed;

import java.io.PrintStream;

/**
 * A seed the {@code import} command asks to load, known before the application context starts: given to the context
 * as a singleton, so that an import into a brand-new embedded store can go through Neo4j's offline importer before
 * the server starts ({@link SeedImportOnNewStore}).
 *
 * @param source              the folder to load
 * @param includeIllustrative whether rows of confidence {@code illustrative} are loaded
 * @param stamp               who imports and when; null keeps the rows' own stamps (a restore)
 * @param progress            the rows' progress bar
 * @param importerOutput      where the importer's own phases and bars are shown
 */
public record SeedImportRequest(SeedSource source, boolean includeIllustrative, SeedLoader.Stamp stamp,
        SeedProgress progress, PrintStream importerOutput) {
}
