package org.partnershipexplorer.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("events made from logged changes")
class EventsTest {

    static final OffsetDateTime AT = OffsetDateTime.parse("2026-12-05T20:15:01.405Z");

    static Change write(String kind, String key) {
        return new Change(42, Change.Source.WRITE, Change.Operation.UPDATED, kind, key, null, "alice", AT);
    }

    @Test
    @DisplayName("a donation whose item holds colons: provider, recipient and year from the id, the id kept whole")
    void donationIdWithColons() {
        Events.PartnershipChange change = Events.PartnershipChange.of(write("Donation", "DONATION:KOR:KEN:2021:a:b c"));

        assertEquals(new Events.PartnershipChange("42", Change.Operation.UPDATED, "DONATION", "DONATION:KOR:KEN:2021:a:b c",
                "KOR", "KEN", 2021, "alice", "2026-12-05T20:15:01.405Z"), change);
    }

    @Test
    @DisplayName("only trainings and donations written through the API are partnership changes")
    void whatIsAPartnershipChange() {
        assertTrue(write("Training", "TRAINING:KOR:VNM:2021").partnership());
        assertFalse(write("Country", "KEN").partnership());
        assertFalse(write("Contribution", "CONTRIBUTION:KEN:MINUSMA:2021").partnership());
        assertFalse(new Change(1, Change.Source.IMPORT, null, null, null, "trainings.csv", "bob", AT).partnership());
    }

    @Test
    @DisplayName("kinds and actor: empty or null let everything through; actor matches provider or recipient")
    void filters() {
        Events.PartnershipChange change = Events.PartnershipChange.of(write("Training", "TRAINING:KOR:VNM:2021:TPP"));

        assertTrue(change.matches(null, null));
        assertTrue(change.matches(List.of(), null));
        assertTrue(change.matches(List.of("TRAINING"), "VNM"));
        assertTrue(change.matches(List.of("DONATION", "TRAINING"), "KOR"));
        assertFalse(change.matches(List.of("DONATION"), null));
        assertFalse(change.matches(null, "KEN"));
    }

    @Test
    @DisplayName("a data change carries the write's operation, kind and key; an import its files and no kind")
    void dataChanges() {
        assertEquals(new Events.DataChange("42", Change.Source.WRITE, Change.Operation.UPDATED, "Country", "KEN", null,
                "alice", "2026-12-05T20:15:01.405Z"), Events.DataChange.of(write("Country", "KEN")));
        assertEquals(new Events.DataChange("7", Change.Source.IMPORT, null, null, null, "trainings.csv", "bob",
                "2026-12-05T20:15:01.405Z"), Events.DataChange.of(
                        new Change(7, Change.Source.IMPORT, null, null, null, "trainings.csv", "bob", AT)));
    }
}
