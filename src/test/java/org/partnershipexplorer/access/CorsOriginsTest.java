package org.partnershipexplorer.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("EXPLORER_CORS_ORIGINS: a list of origins, never a wildcard")
class CorsOriginsTest {

    @Test
    @DisplayName("blank is none; entries are trimmed, lower-cased and kept once, in order")
    void parsesTheList() {
        assertEquals(List.of(), CorsOrigins.parse(""));
        assertEquals(List.of(), CorsOrigins.parse(" , "));
        assertEquals(List.of("https://app.example.org", "http://localhost:5173"),
                CorsOrigins.parse(" https://App.Example.org ,http://localhost:5173,, https://app.example.org"));
    }

    @Test
    @DisplayName("a wildcard, a path, a trailing slash, another scheme or no scheme stops the start, naming the entry")
    void refusesWhatIsNoOrigin() {
        assertEquals("EXPLORER_CORS_ORIGINS (explorer.cors.origins): '*' is a wildcard; list each origin that may call "
                + "with credentials", message("https://app.example.org,*"));
        assertEquals("EXPLORER_CORS_ORIGINS (explorer.cors.origins): 'https://*.example.org' is a wildcard; list each "
                + "origin that may call with credentials", message("https://*.example.org"));
        assertEquals("EXPLORER_CORS_ORIGINS (explorer.cors.origins): 'https://app.example.org/' is not an origin: "
                + "browsers send scheme://host[:port] only, without a path or a trailing slash",
                message("https://app.example.org/"));
        assertEquals("EXPLORER_CORS_ORIGINS (explorer.cors.origins): 'https://app.example.org/graphql' is not an "
                + "origin: browsers send scheme://host[:port] only, without a path or a trailing slash",
                message("https://app.example.org/graphql"));
        assertEquals("EXPLORER_CORS_ORIGINS (explorer.cors.origins): 'ftp://app.example.org' is not an origin: it must "
                + "start with http:// or https://", message("ftp://app.example.org"));
        assertEquals("EXPLORER_CORS_ORIGINS (explorer.cors.origins): 'app.example.org' is not an origin: it must start "
                + "with http:// or https://", message("app.example.org"));
    }

    private static String message(String setting) {
        return assertThrows(IllegalArgumentException.class, () -> CorsOrigins.parse(setting)).getMessage();
    }
}
