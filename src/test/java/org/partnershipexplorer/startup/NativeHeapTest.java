package org.partnershipexplorer.startup;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("giving the C heap's freed memory back once the start has finished")
class NativeHeapTest {

    @Test
    @DisplayName("on this JVM (17.0.9 or later, glibc) the trim runs and reports the resident size before and after")
    void trimReportsResidentSize() {
        String report = NativeHeap.trim().orElseThrow();

        // the JVM picks each size's unit by its magnitude: bytes under 100 KB, as when another trim just before left
        // little to give back
        String size = "\\d+[BKMG]";
        assertTrue(Pattern.matches("Trim native heap: RSS\\+Swap: " + size + "->" + size + " \\([+-]?" + size + "\\)",
                report), report);
    }
}
