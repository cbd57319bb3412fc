package org.partnershipexplorer.partnership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PathStatementsTest {

    @Test
    void trainingChainsSearchEveryDepthInABranchOfItsOwn() {
        assertEquals(List.of("1..1", "2..2", "3..3", "4..4", "5..5", "6..6"),
                all(PathRepository.CHAINS, "\\[:TRAINS\\*(\\d\\.\\.\\d)\\]"));
        assertEquals(List.of("1", "2", "3", "4", "5", "6"), all(PathRepository.CHAINS, "\\$depth >= (\\d)"));
        assertEquals(5, all(PathRepository.CHAINS, "(UNION ALL)").size());
        assertEquals(6, all(PathRepository.CHAINS, "(\\$from IS NULL OR coalesce\\(r\\.endYear, r\\.year\\) >= \\$from\\))")
                .size());
    }

    @Test
    void shortestPathsSearchOnlyTheLengthAskedFor() {
        assertEquals(List.of("1", "2", "3", "4", "5", "6"),
                all(PathRepository.SHORTEST, "\\[:TRAINS\\|DONATES_TO\\*\\.\\.(\\d)\\]"));
        assertEquals(List.of("1", "2", "3", "4", "5", "6"), all(PathRepository.SHORTEST, "\\$length = (\\d)"));
        assertEquals(5, all(PathRepository.SHORTEST, "(UNION ALL)").size());
    }

    @Test
    void statementsHaveNoPlaceholderLeft() {
        assertFalse(PathRepository.CHAINS.contains("${"), PathRepository.CHAINS);
        assertFalse(PathRepository.SHORTEST.contains("${"), PathRepository.SHORTEST);
    }

    private static List<String> all(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
