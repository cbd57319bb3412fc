package org.partnershipexplorer.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import graphql.parser.Parser;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The cost with list sizes from the graph's counts, on a fixed set of counts: 190 countries and 10 organisations
 * (200 actors), 20 missions, 400 trainings (2 an actor), 3,800 contributions (20 a country, 190 a mission) over
 * 2001-2020, 20 mission hosts; the trainings all come from 10 actors (40 each), the contributions are spread evenly.
 */
@DisplayName("The cost estimate with list sizes from the graph's counts")
class ListSizesCostTest {

    static final ListSizes SIZES = ListSizes.of(
            Map.of("Actor", 200L, "Country", 190L, "Organization", 10L, "Mission", 20L, "Ministerial", 5L,
                    "Pledge", 50L, "Program", 8L, "Source", 100L),
            Map.of("TRAINS", 400L, "DONATES_TO", 200L, "CONTRIBUTES_TO", 3800L, "LOCATED_IN", 20L, "REPORTED", 1900L,
                    "MEMBER_OF", 380L, "PLEDGED", 50L, "MADE_AT", 50L, "ATTENDED", 100L),
            Map.of("TRAINS", new int[] {2001, 2020}, "CONTRIBUTES_TO", new int[] {2001, 2020}),
            // sums of squared degrees: 10 x 40^2, 190 x 20^2, 20 x 190^2, 20 x 1^2
            Map.of("*.trains", 16_000L, "Country.contributions", 76_000L, "Mission.contributors", 722_000L,
                    "Mission.contributions", 722_000L, "Mission.hosts", 20L));

    private static long cost(String document, Map<String, Object> variables) {
        return DocumentCost.of(Parser.parse(document), null, DocumentCostTest.SCHEMA, QueryLimits.defaults(), SIZES,
                variables).cost();
    }

    @Test
    @DisplayName("a page holds at most the nodes its label has: countries(first: 500) counts 190 rows, not 500")
    void pageCappedByTheLabelsCount() {
        // 1 + 190 x edges (1 + node (1 + iso3 1))
        assertEquals(571, cost("{ countries(first: 500) { edges { node { iso3 } } } }", Map.of()));
        // the default page (50) is below the count
        assertEquals(151, cost("{ countries { edges { node { iso3 } } } }", Map.of()));
    }

    @Test
    @DisplayName("a relationship list counts its average per parent; a years filter its share of the years")
    void averagesAndYears() {
        // country 1 + (trains 1 + 2 x year 1) + (contributions 1 + 20 x 5/20 years x year 1)
        assertEquals(10, cost("{ country(iso3: \"KEN\") { trains { year } contributions(years: {from: 2016, to: 2020}) "
                + "{ year } } }", Map.of()));
        // from a variable, open-ended: 2011-2020 is half the span, 10 rows
        assertEquals(12, cost("query($y: YearRange) { country(iso3: \"KEN\") { contributions(years: $y) { year } } }",
                Map.of("y", Map.of("from", 2011))));
        // a year outside the data keeps no rows, but a list is still counted once
        assertEquals(3, cost("{ country(iso3: \"KEN\") { contributions(years: {from: 1990, to: 1991}) { year } } }",
                Map.of()));
        // Mission.contributors(year:): 190 a mission over 20 years, 9.5 rounded up
        assertEquals(12, cost("{ mission(acronym: \"UNIFIL\") { contributors(year: 2010) { iso3 } } }", Map.of()));
    }

    @Test
    @DisplayName("limit caps a list below its average; a list the counts do not know keeps the list weight")
    void limitAndUnknownLists() {
        // trains(limit: 1): 1 row, not 2
        assertEquals(3, cost("{ country(iso3: \"KEN\") { trains(limit: 1) { year } } }", Map.of()));
        // sources: 10 (the list weight)
        assertEquals(12, cost("{ country(iso3: \"KEN\") { sources { id } } }", Map.of()));
    }

    @Test
    @DisplayName("a list below a list counts the degree-weighted mean: a trainee's trainings are the big trainers' 40")
    void hubsBelowAList() {
        // inner trains 1 + 40 x year 1 = 41 (16,000 / 400); trainee 42; outer trains 1 + 2 x 42 (400 / 200 actors)
        assertEquals(86, cost("{ country(iso3: \"KEN\") { trains { trainee { trains { year } } } } }", Map.of()));
    }

    @Test
    @DisplayName("the nested benchmark query over every country costs what its rows add up to")
    void nestedQuery() {
        String nested = """
                { countries(first: 500) { edges { node { iso3 trains { id year program { code }
                  trainee { id ... on Country { contributions(years: {from: 2015, to: 2021}) {
                    year mission { acronym hosts { iso3 } } } } } } } } } }""";
        // hosts 1 + 1 x 1 = 2; mission 1 + 1 + 2 = 4; contributions 1 + 6 x (1 + 4) = 31 (20 a country x 6 of the 20
        // years: the data ends in 2020); trainee 1 + 1 + 31 = 33; program 2; trains 1 + 2 x (1 + 1 + 2 + 33) = 75;
        // node 1 + 1 + 75 = 77; edges 78; countries 1 + 190 x 78
        assertEquals(14821, cost(nested, Map.of()));
    }

    @Test
    @DisplayName("a refused document is told which list to shrink")
    void costliestList() {
        String costly = "{ countries(first: 500) { edges { node { contributions { mission { contributors "
                + "{ contributions { year } } } } } } } }";
        assertEquals("countries (190 rows) > contributions (20 each) > contributors (190 each) > contributions (20 each)",
                DocumentCost.costliest(Parser.parse(costly), null, DocumentCostTest.SCHEMA, QueryLimits.defaults(),
                        SIZES, Map.of()));
        // countries 1 + 190 x edges (1 + node (1 + contributions (1 + 20 x mission (1 + contributors
        //   (1 + 190 x contributions (1 + 20 x year 1))))))
        assertEquals(15_170_171, cost(costly, Map.of()));
    }
}
