package org.partnershipexplorer.search;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns what a user typed into a Lucene query for the full-text index. A full-text query string goes through
 * Lucene's query parser even when passed as a parameter, so user text is never handed over as syntax: it is cut
 * into words (letters and digits only, as the index's analyser cuts names), each word is escaped anyway, and the
 * query around the words is built here.
 *
 * <p>Each word asks for itself (boosted), for words it begins (a prefix) and, from three letters on, for words
 * one edit away (two from seven letters on), so "Kenia" finds Kenya.
 */
final class SearchQuery {

    /** Words beyond this many are ignored: a name is rarely longer, and each word widens the query. */
    static final int MAX_WORDS = 8;
    /** Longer words are cut: no name in the index has a longer word, and fuzzy matching costs grow with length. */
    static final int MAX_WORD_LENGTH = 40;

    private static final String SPECIAL = "+-&|!(){}[]^\"~*?:\\/";

    private SearchQuery() {
    }

    /** The Lucene query for a user's text, or empty when the text has no word to search for. */
    static Optional<String> of(String text) {
        List<String> words = words(text);
        if (words.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(words.stream().map(SearchQuery::clause).collect(Collectors.joining(" OR ")));
    }

    /** The words of a text: runs of letters and digits, lower-cased, each once, at most {@link #MAX_WORDS}. */
    static List<String> words(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty())
                .map(w -> w.toLowerCase(Locale.ROOT))
                .map(w -> w.length() > MAX_WORD_LENGTH ? w.substring(0, MAX_WORD_LENGTH) : w)
                .distinct()
                .limit(MAX_WORDS)
                .toList();
    }

    /** Escapes every character Lucene's classic query parser treats as syntax. */
    static String escape(String word) {
        StringBuilder escaped = new StringBuilder(word.length());
        for (char c : word.toCharArray()) {
            if (SPECIAL.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    private static String clause(String word) {
        String w = escape(word);
        StringBuilder clause = new StringBuilder("(").append(w).append("^4 ").append(w).append("*^2");
        if (word.length() >= 3) {
            clause.append(' ').append(w).append('~').append(word.length() >= 7 ? 2 : 1);
        }
        return clause.append(')').toString();
    }
}
