package org.partnershipexplorer.graphql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partnershipexplorer.neo4j.CountStore;

@DisplayName("the graph's counts kept beside an embedded store between runs")
class KeptCountsTest {

    private static final CountStore.Totals TOTALS = new CountStore.Totals(
            Map.of("Country", 197L, "Actor", 207L), Map.of("TRAINS", 545L, "DONATES_TO", 260L));

    private static Map<String, Long> squares() {
        Map<String, Long> squares = new HashMap<>();
        long n = 1;
        for (ListSizes.Follow follow : ListSizes.FOLLOWS) {
            squares.put(follow.field(), n++ * 100);
        }
        return squares;
    }

    @Test
    @DisplayName("written and read back for the same totals: the same sums of squares and years")
    void readBackForTheSameTotals(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(KeptCounts.FILE);
        new KeptCounts(TOTALS, Map.of("TRAINS", new int[] {1994, 2025}), squares()).write(file);

        KeptCounts kept = KeptCounts.read(file, TOTALS).orElseThrow();
        assertEquals(squares(), kept.squares());
        assertEquals(1, kept.spans().size());
        assertArrayEquals(new int[] {1994, 2025}, kept.spans().get("TRAINS"));
        assertEquals(false, Files.exists(dir.resolve(KeptCounts.FILE + ".next")));
    }

    @Test
    @DisplayName("ignored when the graph's totals moved, when it is missing, cut short or of another format")
    void ignoredUnlessItFits(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(KeptCounts.FILE);
        assertEquals(Optional.empty(), KeptCounts.read(file, TOTALS));

        new KeptCounts(TOTALS, Map.of(), squares()).write(file);
        CountStore.Totals oneMore = new CountStore.Totals(TOTALS.labels(),
                Map.of("TRAINS", 546L, "DONATES_TO", 260L));
        assertEquals(Optional.empty(), KeptCounts.read(file, oneMore));

        String written = Files.readString(file);
        Files.writeString(file, written.replace("format=1", "format=0"));
        assertEquals(Optional.empty(), KeptCounts.read(file, TOTALS));

        Files.writeString(file, written.replace("square.*.trains=", "square.*.trains=x"));
        assertEquals(Optional.empty(), KeptCounts.read(file, TOTALS));

        Files.writeString(file, written.lines().filter(l -> !l.startsWith("square.Mission.hosts"))
                .reduce("", (a, b) -> a + b + "\n"));
        assertEquals(Optional.empty(), KeptCounts.read(file, TOTALS));

        Files.writeString(file, written);
        assertEquals(squares(), KeptCounts.read(file, TOTALS).orElseThrow().squares());
    }
}
