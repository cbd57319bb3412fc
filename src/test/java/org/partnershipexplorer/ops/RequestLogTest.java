package org.partnershipexplorer.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("request log values")
class RequestLogTest {

    @Test
    @DisplayName("stay bare when they are one safe word, and are quoted and escaped otherwise")
    void logfmtQuoting() {
        assertEquals("countryProfile", RequestLog.value("countryProfile"));
        assertEquals("NOT_FOUND,INTERNAL", RequestLog.value("NOT_FOUND,INTERNAL"));
        assertEquals("\"\"", RequestLog.value(""));
        assertEquals("\"{\\\"iso3\\\":\\\"KOR\\\"}\"", RequestLog.value("{\"iso3\":\"KOR\"}"));
        assertEquals("\"a b\\nc=d\"", RequestLog.value("a b\nc=d"));
    }
}
