package org.partnershipexplorer.seed;

import java.util.Map;

/**
 * A rule between two cells of one row, checked on their parsed values by the validator (every load and import) and
 * by every write, so that no way into the graph skips it.
 *
 * @param first  the first column
 * @param second the second column
 * @param kind   what must hold between them
 */
record RowRule(String first, String second, Kind kind) {

    enum Kind {
        /** second is not before first (an end and its start). */
        NOT_BEFORE,
        /** the two differ (the two ends of a partnership). */
        DIFFERENT,
        /** first is at most second (what was delivered and what was pledged). */
        AT_MOST
    }

    static RowRule notBefore(String earlier, String later) {
        return new RowRule(earlier, later, Kind.NOT_BEFORE);
    }

    static RowRule different(String one, String other) {
        return new RowRule(one, other, Kind.DIFFERENT);
    }

    static RowRule atMost(String smaller, String larger) {
        return new RowRule(smaller, larger, Kind.AT_MOST);
    }

    /** The column a broken rule is reported on. */
    String column() {
        return kind == Kind.AT_MOST ? first : second;
    }

    /** What is wrong with the row, or null; a rule with a cell absent holds. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    String problem(Map<String, Object> values) {
        Object a = values.get(first);
        Object b = values.get(second);
        if (a == null || b == null) {
            return null;
        }
        return switch (kind) {
            case NOT_BEFORE -> ((Comparable) b).compareTo(a) < 0 ? second + " " + b + " is before " + first + " " + a : null;
            case DIFFERENT -> a.equals(b) ? second + " '" + b + "' is also the " + first
                    + ": a partnership is between two different actors" : null;
            case AT_MOST -> ((Comparable) a).compareTo(b) > 0 ? first + " " + a + " is more than the " + second + " "
                    + b : null;
        };
    }
}
