package org.partnershipexplorer.graphql;

import graphql.schema.DataFetchingEnvironment;
import java.util.Map;

/** Reading and checking the shared arguments of docs/api.md. */
public final class Arguments {

    public static final int MIN_YEAR = 1945;
    public static final int MAX_YEAR = 2100;

    private Arguments() {
    }

    /** An inclusive year range; {@code null} ends are open. */
    public record YearRange(Integer from, Integer to) {

        public static final YearRange ALL = new YearRange(null, null);

        public boolean contains(int year) {
            return (from == null || year >= from) && (to == null || year <= to);
        }
    }

    /** The {@code years} argument, checked: each end within 1945..2100 and from <= to. */
    public static YearRange years(DataFetchingEnvironment env, String name) {
        return years(env.getArguments(), name);
    }

    /** As {@link #years(DataFetchingEnvironment, String)}, from a field's argument values. */
    @SuppressWarnings("unchecked")
    public static YearRange years(Map<String, Object> arguments, String name) {
        Map<String, Object> value = (Map<String, Object>) arguments.get(name);
        if (value == null) {
            return YearRange.ALL;
        }
        Integer from = (Integer) value.get("from");
        Integer to = (Integer) value.get("to");
        if (from != null) {
            year(name + ".from", from);
        }
        if (to != null) {
            year(name + ".to", to);
        }
        if (from != null && to != null && from > to) {
            throw ApiException.badInput(name, "from (" + from + ") is after to (" + to + ")");
        }
        return new YearRange(from, to);
    }

    /** A single optional year argument, checked. */
    public static Integer optionalYear(DataFetchingEnvironment env, String name) {
        Integer value = env.getArgument(name);
        return value == null ? null : year(name, value);
    }

    public static int year(String name, int value) {
        if (value < MIN_YEAR || value > MAX_YEAR) {
            throw ApiException.badInput(name, "year must be between " + MIN_YEAR + " and " + MAX_YEAR + ", got " + value);
        }
        return value;
    }
}
