package org.partnershipexplorer.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Automatic persisted queries as Apollo's persisted-query link speaks them: a request may name its document by
 * {@code extensions.persistedQuery.sha256Hash} (version 1) instead of sending it. The first time a hash is unknown
 * the answer says so ({@link Lookup.Missing}) and the client sends the document with its hash, which is checked
 * and kept; from then on the hash alone is enough, also in a GET that a cache or CDN can serve.
 *
 * <p>The store is bounded by the characters it holds, like the parsed documents of {@link LimitedDocuments}, and
 * only a document whose SHA-256 is its hash is ever kept, so one client cannot make a hash answer another text.
 */
@Singleton
final class PersistedQueries {

    /** About 8 MB of query text (two bytes a character), whatever the number of documents. */
    static final long STORED_CHARACTERS = 4_000_000;
    static final String EXTENSION = "persistedQuery";
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    /** What a request's persisted-query extension comes to. */
    sealed interface Lookup {
        /** Run this request: it carries its document, given or found by its hash. */
        record Run(GraphQLRequest request) implements Lookup {
        }

        /** The hash is not stored: the client sends the document along with it. */
        record Missing(String sha256Hash) implements Lookup {
        }

        /** The service keeps no persisted queries (explorer.graphql.persisted-queries); send the document alone. */
        record NotSupported() implements Lookup {
        }
    }

    private final boolean enabled;
    private final int maxCharacters;
    private final Cache<String, String> documents = Caffeine.newBuilder()
            .maximumWeight(STORED_CHARACTERS)
            .weigher((String hash, String query) -> query.length())
            .build();

    PersistedQueries(@Value("${explorer.graphql.persisted-queries:true}") boolean enabled, QueryLimits limits) {
        this.enabled = enabled;
        this.maxCharacters = limits.maxCharacters();
    }

    /**
     * The request to run, or why there is none. An {@link IllegalArgumentException} says what is wrong with the
     * extension: not an object, another version, a hash that is not 64 hexadecimal digits or not the document's.
     */
    Lookup resolve(GraphQLRequest request) {
        Object extension = request.extensions().get(EXTENSION);
        if (extension == null) {
            if (request.query() == null) {
                throw new IllegalArgumentException("query must be a non-empty string");
            }
            return new Lookup.Run(request);
        }
        if (!enabled) {
            return new Lookup.NotSupported();
        }
        if (!(extension instanceof Map<?, ?> persisted)) {
            throw new IllegalArgumentException("extensions.persistedQuery must be an object");
        }
        if (!Integer.valueOf(1).equals(persisted.get("version"))) {
            throw new IllegalArgumentException("extensions.persistedQuery.version is " + persisted.get("version")
                    + "; only version 1 is supported");
        }
        if (!(persisted.get("sha256Hash") instanceof String given) || !SHA256_HEX.matcher(given).matches()) {
            throw new IllegalArgumentException(
                    "extensions.persistedQuery.sha256Hash must be the SHA-256 of the query as 64 hexadecimal digits");
        }
        String hash = given.toLowerCase(Locale.ROOT);
        if (request.query() == null) {
            String stored = documents.getIfPresent(hash);
            return stored == null ? new Lookup.Missing(hash) : new Lookup.Run(request.withQuery(stored));
        }
        String actual = sha256(request.query());
        if (!actual.equals(hash)) {
            throw new IllegalArgumentException("extensions.persistedQuery.sha256Hash is " + hash
                    + " but the SHA-256 of the query sent (UTF-8) is " + actual);
        }
        // a document over the limit is refused when it runs; keeping it would only crowd out good ones
        if (request.query().length() <= maxCharacters) {
            documents.put(hash, request.query());
        }
        return new Lookup.Run(request);
    }

    static String sha256(String query) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(query.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
