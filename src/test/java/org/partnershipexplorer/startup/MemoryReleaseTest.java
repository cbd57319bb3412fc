package org.partnershipexplorer.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the memory a start gives back")
class MemoryReleaseTest {

    @Test
    @DisplayName("on, as by default: a full collection, then the C heap's trim, each a line for the log")
    void onCollectsThenTrims() {
        List<String> done = new MemoryRelease(true).onceStarted();

        assertEquals(2, done.size(), done.toString());
        assertTrue(Pattern.matches("Full collection in \\d+ ms: heap committed \\d+ MB -> \\d+ MB, \\d+ MB used",
                done.get(0)), done.get(0));
        assertTrue(done.get(1).startsWith("Trim native heap: RSS+Swap: "), done.get(1));
    }

    @Test
    @DisplayName("off: neither, and nothing to log")
    void offDoesNothing() {
        assertEquals(List.of(), new MemoryRelease(false).onceStarted());
    }
}
