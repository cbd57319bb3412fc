package org.partnershipexplorer.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partnershipexplorer.seed.SeedFixtures.census;
import static org.partnershipexplorer.seed.SeedFixtures.fixture;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.partnershipexplorer.neo4j.Cypher;
import org.partnershipexplorer.neo4j.GraphSchema;
import org.partnershipexplorer.support.TestNeo4j;

/**
 * A load into an empty store commits batch by batch, each node it creates tagged with its load id, and is still all
 * or nothing: these tests break it at its last batch, stop it as a dying process would, and start again.
 */
@DisplayName("A load in batches into an empty store")
class BulkLoadIT {

    private TestNeo4j.Instance neo4j;
    private Driver driver;
    private Cypher cypher;
    private SeedLoader loader;

    @BeforeAll
    static void tmpdir() {
        SeedFixtures.ensureTmpdir();
    }

    @BeforeEach
    void start() {
        neo4j = TestNeo4j.cleared();
        driver = neo4j.driver();
        cypher = neo4j.cypher();
        loader = new SeedLoader(cypher, new GraphSchema(cypher), new SimpleMeterRegistry());
    }

    @AfterEach
    void stop() {
        neo4j.close();
    }

    /**
     * The valid fixture, whose file {@code broken} cannot be read the {@code nth} time it is opened (for a load, the
     * second: the validation pass reads it, the writing pass fails on it, after every file before it was written and
     * committed).
     */
    private static SeedSource failingAt(String broken, int nth) {
        SeedSource valid = SeedSource.directory(fixture("valid"));
        return new SeedSource() {
            private int opened;

            @Override
            public Optional<InputStream> open(String fileName) {
                if (fileName.equals(broken) && ++opened == nth) {
                    throw new UncheckedIOException(new java.io.IOException(broken + " vanished during the load"));
                }
                return valid.open(fileName);
            }

            @Override
            public String describe() {
                return "the valid fixture, " + broken + " failing";
            }
        };
    }

    private long count(String query) {
        return driver.executableQuery(query).execute().records().get(0).get(0).asLong();
    }

    @Test
    @DisplayName("that fails at its last file leaves no node, no tag and no lock, and the next load writes the whole seed")
    void failureAtTheLastBatchLeavesNoTrace() {
        List<String> written = new ArrayList<>();
        SeedProgress progress = new SeedProgress() {
            @Override
            public void writing(String file, long rows, long total) {
                written.add(file + " " + rows + "/" + total);
            }
        };

        UncheckedIOException failed = assertThrows(UncheckedIOException.class,
                () -> loader.load(failingAt("attendance.csv", 2), true, null, progress));

        assertEquals("java.io.IOException: attendance.csv vanished during the load", failed.getMessage());
        // pledges.csv, the file before attendance.csv, was written and committed before the failure
        assertTrue(written.contains("pledges.csv 39/44"), written.toString());
        assertEquals(Map.of(), census(driver));
        assertEquals(0, count("MATCH (s:SeedState) RETURN count(s)"));

        loader.load(SeedSource.directory(fixture("valid")), true);

        assertEquals(SeedLoaderIT.FULL, census(driver));
        assertEquals(0, count("MATCH (n) WHERE n.loadId IS NOT NULL OR n:Loading RETURN count(n)"));
    }

    @Test
    @DisplayName("whose process died mid-load is removed by the next load, which then writes the whole seed")
    void interruptedLoadIsRemovedAtTheNextStart() {
        // a process that dies: its batches up to pledges.csv committed, it never removed them
        BulkLoad died = BulkLoad.begin(cypher).orElseThrow();
        assertThrows(UncheckedIOException.class, () -> SeedWriter.write(died, failingAt("attendance.csv", 1), true, null,
                SeedProgress.NONE, 44));
        // 10 actors, a programme, 4 missions, 2 ministerials, 2 deployments, 4 pledges
        assertEquals(23, count("MATCH (n:Loading {loadId: '" + died.loadId() + "'}) RETURN count(n)"));
        assertEquals(4, count("MATCH ()-[r:TRAINS]->() RETURN count(r)"));

        // meanwhile, its lock still fresh, a load into the store is refused and writes nothing
        LoadInProgressException refused = assertThrows(LoadInProgressException.class,
                () -> loader.load(SeedSource.directory(fixture("valid")), true));
        assertTrue(refused.getMessage().startsWith("Another load (" + died.loadId() + ") is writing into this store;"
                + " nothing was written."), refused.getMessage());
        assertEquals(4, count("MATCH ()-[r:TRAINS]->() RETURN count(r)"));

        assertEquals(Optional.of(died.loadId()), loader.cleanUpAbandoned(Duration.ZERO));
        assertEquals(Map.of(), census(driver));

        loader.load(SeedSource.directory(fixture("valid")), true);
        assertEquals(SeedLoaderIT.FULL, census(driver));
    }

    @Test
    @DisplayName("whose process died after writing everything is finished, not removed, by whoever finds it")
    void loadThatDiedWhileCommittingIsFinished() {
        BulkLoad died = BulkLoad.begin(cypher).orElseThrow();
        SeedWriter.write(died, SeedSource.directory(fixture("valid")), true, null, SeedProgress.NONE, 44);
        driver.executableQuery("MATCH (s:SeedState {id: 'bulk-load'}) SET s.status = 'committing'").execute();

        assertEquals(Optional.of(died.loadId()), loader.cleanUpAbandoned(Duration.ZERO));

        assertEquals(SeedLoaderIT.FULL, census(driver));
        assertEquals(0, count("MATCH (n) WHERE n.loadId IS NOT NULL RETURN count(n)"));
    }

    @Test
    @DisplayName("reports the rows written of the total after each batch, file by file")
    void reportsProgressAfterEachBatch() {
        List<String> written = new ArrayList<>();
        loader.load(SeedSource.directory(fixture("valid")), true, null, new SeedProgress() {
            @Override
            public void writing(String file, long rows, long total) {
                written.add(file + " " + rows + "/" + total);
            }
        });

        // each file of the fixture is smaller than a batch: one report at the end of each
        assertEquals(List.of("countries.csv 7/44", "organizations.csv 10/44", "programs.csv 11/44", "missions.csv 15/44",
                "ministerials.csv 17/44", "memberships.csv 24/44", "contributions.csv 27/44", "deployments.csv 29/44",
                "trainings.csv 33/44", "donations.csv 35/44", "pledges.csv 39/44", "attendance.csv 44/44"), written);
    }
}
