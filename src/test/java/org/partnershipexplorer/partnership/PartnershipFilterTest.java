package org.partnershipexplorer.partnership;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.partnershipexplorer.graphql.Arguments.YearRange;
import org.partnershipexplorer.provenance.Confidence;

@DisplayName("a partnership filter as Cypher")
class PartnershipFilterTest {

    @Test
    @DisplayName("for a batch, every condition is written and passed over when its value is null")
    void batchConditionsAreGuarded() {
        assertEquals("(key.from IS NULL OR coalesce(r.endYear, r.year) >= key.from)"
                        + " AND (key.to IS NULL OR r.year <= key.to)"
                        + " AND (key.program IS NULL OR r.program = key.program)"
                        + " AND (key.confidence IS NULL OR r.confidence IN key.confidence)",
                PartnershipFilter.where("r", "key"));
    }

    @Test
    @DisplayName("for one filter, only the conditions it sets are written")
    void oneFilterWritesOnlyItsConditions() {
        PartnershipFilter filter = new PartnershipFilter(new YearRange(2015, null), null,
                List.of(Confidence.REPORTED));
        assertEquals(List.of("coalesce(t.endYear, t.year) >= $p1.from", "t.confidence IN $p1.confidence"),
                filter.conditions("t", "$p1"));
    }

    @Test
    @DisplayName("a filter that sets nothing keeps every partnership")
    void noArgumentsKeepEverything() {
        assertEquals(List.of(), PartnershipFilter.ALL.conditions("t", "$p1"));
        assertEquals(List.of(), PartnershipFilter.of(Map.of()).conditions("t", "$p1"));
    }

    @Test
    @DisplayName("every argument given becomes its condition")
    void everyArgumentGiven() {
        PartnershipFilter filter = new PartnershipFilter(new YearRange(2010, 2020), "TPP",
                List.of(Confidence.VERIFIED, Confidence.REPORTED));
        assertEquals(List.of("coalesce(t.endYear, t.year) >= $p.from", "t.year <= $p.to", "t.program = $p.program",
                "t.confidence IN $p.confidence"), filter.conditions("t", "$p"));
    }
}
