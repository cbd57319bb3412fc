package org.partnershipexplorer.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the persisted-query store: a document under its checked SHA-256, within the limits")
class PersistedQueriesTest {

    static final String QUERY = "{ __typename }";

    static PersistedQueries store(boolean enabled, int maxCharacters) {
        return new PersistedQueries(enabled, new QueryLimits(maxCharacters, 5000, 15, 200000, 10, 30, 262144, 2000,
                Duration.ofSeconds(10)));
    }

    static GraphQLRequest request(String query, String hash) {
        return new GraphQLRequest(query, null, Map.of(),
                Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash)));
    }

    @Test
    @DisplayName("the hash is the SHA-256 of the UTF-8 text, as 64 lower-case hex digits")
    void sha256() {
        // as printf '%s' '{ __typename }' | sha256sum prints them
        assertEquals("7f56e67dd21ab3f30d1ff8b7bed08893f0a0db86449836189b361dd1e56ddb4b", PersistedQueries.sha256(QUERY));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", PersistedQueries.sha256(""));
    }

    @Test
    @DisplayName("a document sent with its hash is found by the hash alone, whatever the case of its hex digits")
    void storedUnderItsHash() {
        PersistedQueries store = store(true, 20000);
        String hash = PersistedQueries.sha256(QUERY);
        assertEquals(new PersistedQueries.Lookup.Missing(hash), store.resolve(request(null, hash)));
        assertEquals(new PersistedQueries.Lookup.Run(request(QUERY, hash.toUpperCase())),
                store.resolve(request(QUERY, hash.toUpperCase())));
        assertEquals(new PersistedQueries.Lookup.Run(request(QUERY, hash)), store.resolve(request(null, hash)));
    }

    @Test
    @DisplayName("a document over maxCharacters is run (and refused there) but never kept")
    void oversizedNotKept() {
        PersistedQueries store = store(true, 5);
        String hash = PersistedQueries.sha256(QUERY);
        assertEquals(new PersistedQueries.Lookup.Run(request(QUERY, hash)), store.resolve(request(QUERY, hash)));
        assertEquals(new PersistedQueries.Lookup.Missing(hash), store.resolve(request(null, hash)));
    }

    @Test
    @DisplayName("switched off: any hash is NotSupported, also beside its query; a plain query runs")
    void switchedOff() {
        PersistedQueries store = store(false, 20000);
        String hash = PersistedQueries.sha256(QUERY);
        assertEquals(new PersistedQueries.Lookup.NotSupported(), store.resolve(request(QUERY, hash)));
        GraphQLRequest plain = new GraphQLRequest(QUERY, null, Map.of(), Map.of());
        assertEquals(new PersistedQueries.Lookup.Run(plain), store.resolve(plain));
    }

    @Test
    @DisplayName("an extension that is not an object: refused, saying so")
    void extensionNotAnObject() {
        GraphQLRequest request = new GraphQLRequest(QUERY, null, Map.of(), Map.of("persistedQuery", "abc"));
        assertEquals("extensions.persistedQuery must be an object",
                assertThrows(IllegalArgumentException.class, () -> store(true, 20000).resolve(request)).getMessage());
    }
}
