package org.partnershipexplorer.graphql;

import graphql.schema.DataFetchingEnvironment;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Relay connections over key-ordered collections. A cursor is the key of the last node seen (a keyset), so
 * pages stay stable while data is inserted. It is encoded to keep clients from building cursors by hand.
 */
public final class Paging {

    public static final int DEFAULT_FIRST = 50;
    public static final int MAX_FIRST = 500;
    private static final String PREFIX = "k:";

    private Paging() {
    }

    /**
     * What a client asked for: {@code first} nodes after the key {@code afterKey} (null for the start), and whether
     * it selected {@code totalCount}: counting every match costs a scan that a client paging through a list rarely
     * needs, so it is only paid when asked for.
     */
    public record Request(int first, String afterKey, boolean withTotal) {

        /** Reads and checks {@code first} and {@code after}; the database is asked for one more to learn hasNextPage. */
        public static Request of(DataFetchingEnvironment env) {
            return of(env.getArguments(), env.getSelectionSet().contains("totalCount"));
        }

        /** As {@link #of(DataFetchingEnvironment)}, from a field's argument values. */
        public static Request of(Map<String, Object> arguments, boolean withTotal) {
            Integer first = (Integer) arguments.get("first");
            String after = (String) arguments.get("after");
            int n = first == null ? DEFAULT_FIRST : first;
            if (n < 0 || n > MAX_FIRST) {
                throw ApiException.badInput("first", "must be between 0 and " + MAX_FIRST + ", got " + n);
            }
            return new Request(n, after == null ? null : decode(after), withTotal);
        }

        public int limit() {
            return first + 1;
        }
    }

    public record PageInfo(boolean hasNextPage, String endCursor) {
    }

    public record Edge<T>(String cursor, T node) {
    }

    /** {@code totalCount} is null when the request did not select it ({@link Request#withTotal()}). */
    public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, Long totalCount) {
    }

    /** Builds a connection from up to {@code first + 1} rows fetched in key order. */
    /** A page from its rows' keys and objects, in key order ({@code first + 1} of them when there is a next page). */
    static <T> Connection<T> connection(Request request, List<String> keys, List<T> rows, Long totalCount) {
        boolean hasNext = rows.size() > request.first();
        List<Edge<T>> edges = new java.util.ArrayList<>();
        for (int i = 0; i < Math.min(request.first(), rows.size()); i++) {
            edges.add(new Edge<>(encode(keys.get(i)), rows.get(i)));
        }
        String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new Connection<>(edges, new PageInfo(hasNext, end), totalCount);
    }

    public static <T> Connection<T> connection(Request request, List<T> rows, Long totalCount, Function<T, String> key) {
        boolean hasNext = rows.size() > request.first();
        List<Edge<T>> edges = rows.stream()
                .limit(request.first())
                .map(row -> new Edge<>(encode(key.apply(row)), row))
                .toList();
        String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new Connection<>(edges, new PageInfo(hasNext, end), totalCount);
    }

    static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + key).getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String cursor) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith(PREFIX)) {
                return decoded.substring(PREFIX.length());
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw ApiException.badInput("after", "'" + abbreviate(cursor) + "' is not a cursor of this list");
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
