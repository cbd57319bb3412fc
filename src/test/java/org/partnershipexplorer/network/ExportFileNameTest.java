package org.partnershipexplorer.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.partnershipexplorer.graphql.Arguments.YearRange;
import org.partnershipexplorer.network.NetworkSlice.PartnershipKind;
import org.partnershipexplorer.provenance.Confidence;

@DisplayName("a download is named after its view and the day")
class ExportFileNameTest {

    private static final LocalDate DAY = LocalDate.of(2025, 3, 9);

    @Test
    @DisplayName("the whole network is partnerships-all-DATE")
    void wholeNetwork() {
        assertEquals("partnerships-all-2025-03-09.graphml",
                NetworkExportController.fileName(NetworkSlice.all(), DAY, ".graphml"));
    }

    @Test
    @DisplayName("each narrowing filter is named, in a fixed order: centre, region, mission, years, kinds, confidence")
    void filtersAreNamed() {
        NetworkSlice slice = new NetworkSlice(EnumSet.of(PartnershipKind.DONATION), new YearRange(2015, 2018),
                EnumSet.of(Confidence.VERIFIED, Confidence.REPORTED), "Africa", "MINUSMA", "KEN", 2, true);
        assertEquals("partnerships-around-ken-africa-minusma-2015-2018-donation-verified-reported-with-missions"
                + "-2025-03-09.nodes.csv", NetworkExportController.fileName(slice, DAY, ".nodes.csv"));
    }

    @Test
    @DisplayName("open year ranges say from or to; what a user typed keeps only letters, digits and dashes")
    void yearsAndOddText() {
        NetworkSlice from = NetworkSlice.fromQuery(Map.of("years", List.of("2015-"), "region", List.of("Asia \"x\"")));
        assertEquals("partnerships-asia-x-from-2015-2025-03-09.json",
                NetworkExportController.fileName(from, DAY, ".json"));
        NetworkSlice one = NetworkSlice.fromQuery(Map.of("years", List.of("2021")));
        assertEquals("partnerships-2021-2025-03-09.json", NetworkExportController.fileName(one, DAY, ".json"));
    }
}
