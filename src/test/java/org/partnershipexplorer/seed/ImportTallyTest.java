package org.partnershipexplorer.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.partnershipexplorer.neo4j.ImportedCounts;
import org.partnershipexplorer.neo4j.ImportedCounts.Degree;

@DisplayName("the counts of an offline import, taken as its files are written")
class ImportTallyTest {

    @Test
    @DisplayName("nodes per label, relationships per type, squared degrees per label and direction, whole years")
    void countsWhatTheImporterIsHanded() {
        ImportTally tally = new ImportTally();
        tally.node("Country:Actor", "Actor", "FRA");
        tally.node("Country:Actor", "Actor", "SEN");
        tally.node("Organization:Actor", "Actor", "EU");
        tally.node("Mission", "Mission", "MINUSMA");
        // a relationship may name a node whose row comes later: the degrees meet the labels at the end
        tally.relationship("TRAINS", "Actor", "FRA", "Actor", "SEN", Map.of("year", 2019L));
        tally.relationship("TRAINS", "Actor", "FRA", "Actor", "SEN", Map.of("year", 2021L));
        tally.relationship("TRAINS", "Actor", "EU", "Actor", "SEN", Map.of("year", "2017"));
        tally.relationship("CONTRIBUTES_TO", "Actor", "SEN", "Mission", "MINUSMA", Map.of());
        tally.relationship("LOCATED_IN", "Mission", "MINUSMA", "Actor", "MLI", Map.of());
        tally.node("Country:Actor", "Actor", "MLI");

        ImportedCounts counts = tally.counts();

        assertEquals(Map.of("Country", 3L, "Organization", 1L, "Actor", 4L, "Mission", 1L), counts.labels());
        assertEquals(Map.of("TRAINS", 3L, "CONTRIBUTES_TO", 1L, "LOCATED_IN", 1L), counts.types());
        assertEquals(Map.ofEntries(
                // FRA trains twice (4), the EU once (1)
                Map.entry(new Degree("Actor", "TRAINS", true), 5L),
                Map.entry(new Degree("Country", "TRAINS", true), 4L),
                Map.entry(new Degree("Organization", "TRAINS", true), 1L),
                // SEN is trained three times
                Map.entry(new Degree("Actor", "TRAINS", false), 9L),
                Map.entry(new Degree("Country", "TRAINS", false), 9L),
                Map.entry(new Degree("Actor", "CONTRIBUTES_TO", true), 1L),
                Map.entry(new Degree("Country", "CONTRIBUTES_TO", true), 1L),
                Map.entry(new Degree("Mission", "CONTRIBUTES_TO", false), 1L),
                Map.entry(new Degree("Mission", "LOCATED_IN", true), 1L),
                Map.entry(new Degree("Actor", "LOCATED_IN", false), 1L),
                Map.entry(new Degree("Country", "LOCATED_IN", false), 1L)), counts.squares());
        // a year written as text is no year to the graph's reads
        assertEquals(List.of("TRAINS"), List.copyOf(counts.years().keySet()));
        assertEquals(List.of(2019, 2021), java.util.Arrays.stream(counts.years().get("TRAINS")).boxed().toList());
    }

    @Test
    @DisplayName("agrees with a store's totals only when every label's and type's total is the same")
    void agreesOnlyWithTheSameTotals() {
        ImportTally tally = new ImportTally();
        tally.node("Country:Actor", "Actor", "FRA");
        tally.node("Country:Actor", "Actor", "SEN");
        tally.relationship("TRAINS", "Actor", "FRA", "Actor", "SEN", Map.of());
        ImportedCounts counts = tally.counts();

        var same = new org.partnershipexplorer.neo4j.CountStore.Totals(
                Map.of("Country", 2L, "Actor", 2L, "Mission", 0L), Map.of("TRAINS", 1L, "DONATES_TO", 0L));
        var written = new org.partnershipexplorer.neo4j.CountStore.Totals(
                Map.of("Country", 2L, "Actor", 2L, "Mission", 0L), Map.of("TRAINS", 2L, "DONATES_TO", 0L));
        var added = new org.partnershipexplorer.neo4j.CountStore.Totals(
                Map.of("Country", 2L, "Actor", 2L, "Mission", 1L), Map.of("TRAINS", 1L));
        assertEquals(List.of(true, false, false),
                List.of(counts.agreeWith(same), counts.agreeWith(written), counts.agreeWith(added)));
    }
}
