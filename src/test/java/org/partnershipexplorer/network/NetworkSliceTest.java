package org.partnershipexplorer.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.partnershipexplorer.graphql.ApiException;
import org.partnershipexplorer.graphql.ErrorCode;
import org.partnershipexplorer.network.NetworkSlice.PartnershipKind;
import org.partnershipexplorer.provenance.Confidence;

@DisplayName("Export URL parameters")
class NetworkSliceTest {

    private static NetworkSlice parse(String... pairs) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            query.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return NetworkSlice.fromQuery(query);
    }

    private static String refusal(String... pairs) {
        ApiException e = assertThrows(ApiException.class, () -> parse(pairs));
        assertEquals(ErrorCode.BAD_USER_INPUT, e.code());
        return e.getMessage();
    }

    @Test
    @DisplayName("no parameter is the whole network: both kinds, all years and confidences, no missions")
    void defaults() {
        NetworkSlice slice = parse();
        assertEquals(EnumSet.allOf(PartnershipKind.class), slice.kinds());
        assertEquals(EnumSet.allOf(Confidence.class), slice.confidence());
        assertNull(slice.years().from());
        assertNull(slice.years().to());
        assertEquals(2, slice.depth());
        assertFalse(slice.includeMissions());
    }

    @Test
    @DisplayName("the example of the brief: kinds=TRAINING&years=2015-2022&region=Africa")
    void example() {
        NetworkSlice slice = parse("kinds", "TRAINING", "years", "2015-2022", "region", "Africa");
        assertEquals(EnumSet.of(PartnershipKind.TRAINING), slice.kinds());
        assertEquals(2015, slice.years().from());
        assertEquals(2022, slice.years().to());
        assertEquals("Africa", slice.region());
    }

    @Test
    @DisplayName("years may be one year, open at either end; lists may be comma separated or repeated, any case")
    void forms() {
        assertEquals(new org.partnershipexplorer.graphql.Arguments.YearRange(2021, 2021), NetworkSlice.years("2021"));
        assertEquals(new org.partnershipexplorer.graphql.Arguments.YearRange(2015, null), NetworkSlice.years("2015-"));
        assertEquals(new org.partnershipexplorer.graphql.Arguments.YearRange(null, 2018), NetworkSlice.years("-2018"));
        assertEquals(EnumSet.of(Confidence.VERIFIED, Confidence.REPORTED),
                parse("confidence", "verified,REPORTED").confidence());
        assertEquals(EnumSet.of(Confidence.VERIFIED, Confidence.ESTIMATE),
                parse("confidence", "VERIFIED", "confidence", "ESTIMATE").confidence());
        NetworkSlice centred = parse("center", "KEN", "depth", "3", "includeMissions", "true");
        assertEquals("KEN", centred.center());
        assertEquals(3, centred.depth());
        assertTrue(centred.includeMissions());
    }

    @Test
    @DisplayName("each bad parameter is refused with its name and the reason")
    void refusals() {
        assertEquals("years: expected FROM-TO, FROM-, -TO or a single year (2015-2022), got '2015..2022'",
                refusal("years", "2015..2022"));
        assertEquals("years: from (2022) is after to (2015)", refusal("years", "2022-2015"));
        assertEquals("years.from: year must be between 1945 and 2100, got 1900", refusal("years", "1900-2000"));
        assertEquals("kinds: unknown value 'TRAINNG'; expected one of [TRAINING, DONATION]",
                refusal("kinds", "TRAINNG"));
        assertEquals("confidence: unknown value 'SURE'; expected one of [VERIFIED, REPORTED, ESTIMATE, ILLUSTRATIVE]",
                refusal("confidence", "SURE"));
        assertEquals("depth: not a whole number: 'two'", refusal("depth", "two"));
        assertEquals("depth: must be between 1 and 6, got 9", refusal("depth", "9"));
        assertEquals("includeMissions: must be true or false, got 'yes'", refusal("includeMissions", "yes"));
        assertEquals("region: must not be blank; leave it out to mean any", refusal("region", " "));
        assertEquals("region: given 2 times; give it once", refusal("region", "Africa", "region", "Asia"));
        assertTrue(refusal("year", "2015").startsWith("year: unknown parameter; the parameters are [kinds, years,"));
    }
}
