package org.partnershipexplorer.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the warm-up's documents")
class WarmUpTest {

    @Test
    @DisplayName("a round asks a run of one to three fields, starting one field further each round")
    void aRoundAsksTheRunOfFieldsStartingAtItsNumber() {
        WarmUp.Shape page = WarmUp.SHAPES.get(0);
        assertEquals(List.of("name", "region subregion", "subregion unRegionalGroup unMember", "unRegionalGroup",
                        "unMember confidence", "confidence source name", "source", "name region"),
                IntStream.range(0, 8).mapToObj(page::selection).toList());
        assertEquals("query WarmUpPage { countries(first: 3) { totalCount"
                + " edges { cursor node { iso3 confidence source name } } pageInfo { hasNextPage } } }",
                page.document(5));
    }

    @Test
    @DisplayName("the first twenty-one rounds ask a hundred and five different documents")
    void theFirstRoundsNeverRepeatADocument() {
        assertEquals(105, IntStream.range(0, 21).boxed().flatMap(round -> WarmUp.documents(round).stream())
                .distinct().count());
        assertEquals(WarmUp.documents(0), WarmUp.documents(21));
    }
}
