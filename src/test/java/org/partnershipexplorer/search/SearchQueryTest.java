package org.partnershipexplorer.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the Lucene query built from a user's text")
class SearchQueryTest {

    @Test
    @DisplayName("a word asks for itself, its prefix and, from three letters, words one edit away")
    void fuzzyAndPrefix() {
        assertEquals(Optional.of("(kenia^4 kenia*^2 kenia~1)"), SearchQuery.of("Kenia"));
        assertEquals(Optional.of("(un^4 un*^2)"), SearchQuery.of("UN"));
        assertEquals(Optional.of("(peacekeeping^4 peacekeeping*^2 peacekeeping~2)"),
                SearchQuery.of("peacekeeping"));
    }

    @Test
    @DisplayName("Lucene syntax never passes: operators become words, special characters separate words")
    void syntaxIsNeverPassedOn() {
        assertEquals(Optional.empty(), SearchQuery.of("("));
        assertEquals(Optional.empty(), SearchQuery.of("\""));
        assertEquals(Optional.empty(), SearchQuery.of("*"));
        assertEquals(Optional.empty(), SearchQuery.of("\\"));
        assertEquals(Optional.empty(), SearchQuery.of("   "));
        assertEquals(Optional.of("(ken^4 ken*^2 ken~1)"), SearchQuery.of("KEN~~"));
        assertEquals(Optional.of("(or^4 or*^2)"), SearchQuery.of("OR"));
        assertEquals(List.of("match", "n", "detach", "delete"), SearchQuery.words("' MATCH (n) DETACH DELETE n //"));
        assertEquals(List.of("côte", "d", "ivoire"), SearchQuery.words("Côte d'Ivoire"));
    }

    @Test
    @DisplayName("escape puts a backslash before each of Lucene's special characters")
    void escapesEverySpecialCharacter() {
        assertEquals("\\+\\-\\&\\|\\!\\(\\)\\{\\}\\[\\]\\^\\\"\\~\\*\\?\\:\\\\\\/",
                SearchQuery.escape("+-&|!(){}[]^\"~*?:\\/"));
        assertEquals("kenya", SearchQuery.escape("kenya"));
    }

    @Test
    @DisplayName("a long text is cut to 8 words of at most 40 letters")
    void longTextIsBounded() {
        List<String> words = SearchQuery.words("a b c d e f g h i j k " + "x".repeat(100));
        assertEquals(8, words.size());
        assertTrue(SearchQuery.words("y".repeat(100)).get(0).length() == 40);
    }
}
