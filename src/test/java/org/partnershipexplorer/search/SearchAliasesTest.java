package org.partnershipexplorer.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("common names and short forms lead to the actor they mean")
class SearchAliasesTest {

    @Test
    @DisplayName("common names, short forms and old names give the key, whatever their case, accents or spaces")
    void aliasesGiveTheirKey() {
        assertEquals(List.of("KOR"), SearchAliases.keysFor("South Korea"));
        assertEquals(List.of("CIV"), SearchAliases.keysFor("Ivory Coast"));
        assertEquals(List.of("CIV"), SearchAliases.keysFor("Côte d'Ivoire"));
        assertEquals(List.of("COD"), SearchAliases.keysFor("DRC"));
        assertEquals(List.of("GBR"), SearchAliases.keysFor("UK"));
        assertEquals(List.of("GBR"), SearchAliases.keysFor("  britain "));
        assertEquals(List.of("USA"), SearchAliases.keysFor("US"));
        assertEquals(List.of("NLD"), SearchAliases.keysFor("Holland"));
    }

    @Test
    @DisplayName("a text that is only part of an alias, or no alias at all, names no key")
    void onlyWholeAliases() {
        assertEquals(List.of(), SearchAliases.keysFor("South"));
        assertEquals(List.of(), SearchAliases.keysFor("Kenya"));
        assertEquals(List.of(), SearchAliases.keysFor(""));
        assertEquals(List.of(), SearchAliases.keysFor(null));
    }

    @Test
    @DisplayName("normalising drops accents and case and makes every run of other characters one space")
    void normalise() {
        assertEquals("cote d ivoire", SearchAliases.normalise("Côte d’Ivoire"));
        assertEquals("sao tome and principe", SearchAliases.normalise(" São Tomé  and Príncipe!"));
    }
}
