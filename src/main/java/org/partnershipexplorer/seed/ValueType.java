package org.partnershipexplorer.seed;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How a seed cell is read: each type turns a non-empty, trimmed cell into the value stored in Neo4j, or rejects it
 * with the "what is wrong" part of a {@code file:line: column: what is wrong} report.
 */
enum ValueType {
    TEXT {
        @Override
        Object parse(String cell) {
            checkText(cell);
            return cell;
        }
    },
    /**
     * Counts, quantities and money: non-negative integers, stored as Neo4j integers, at most the API's {@code Int}
     * (a larger stored value could not be answered, and would fail every query that reads it).
     */
    COUNT {
        @Override
        Object parse(String cell) {
            long value = integer(cell);
            if (value < 0) {
                throw new IllegalArgumentException(cell + " is negative: counts are non-negative integers");
            }
            if (value > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(cell + " is too large: counts are at most " + Integer.MAX_VALUE
                        + " (the API's Int)");
            }
            return value;
        }
    },
    YEAR {
        @Override
        Object parse(String cell) {
            long year;
            try {
                year = Long.parseLong(cell);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + cell + "' is not a year");
            }
            if (year < MIN_YEAR || year > MAX_YEAR) {
                throw new IllegalArgumentException("year " + year + " is out of range " + MIN_YEAR + ".." + MAX_YEAR);
            }
            return year;
        }
    },
    /**
     * A date as a page gives it, to the year, the month or the day ({@code 2019}, {@code 2019-02},
     * {@code 2019-02-14}): kept as that text, since a year is not the first of January.
     */
    PARTIAL_DATE {
        @Override
        Object parse(String cell) {
            if (!cell.matches("\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?")) {
                throw new IllegalArgumentException("'" + cell + "' is not a year, a year and month, or an ISO date"
                        + " (2019, 2019-02, 2019-02-14)");
            }
            return cell;
        }
    },
    /** ISO 8601 calendar dates; a {@link LocalDate} parameter becomes a Neo4j {@code date}. */
    DATE {
        @Override
        Object parse(String cell) {
            try {
                return LocalDate.parse(cell);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + cell + "' is not an ISO date (yyyy-MM-dd)");
            }
        }
    },
    /** When a change was made ({@code updated_at}): ISO 8601 with an offset, stored as a Neo4j datetime. */
    DATETIME {
        @Override
        Object parse(String cell) {
            try {
                return OffsetDateTime.parse(cell);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + cell + "' is not an ISO date-time with offset (2024-05-01T10:15:30Z)");
            }
        }
    },
    BOOLEAN {
        @Override
        Object parse(String cell) {
            return switch (cell) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException("'" + cell + "' is not a boolean (true or false)");
            };
        }
    },
    CONFIDENCE {
        @Override
        Object parse(String cell) {
            return vocabulary(cell, "confidence", List.of("verified", "reported", "estimate", "illustrative"), false);
        }
    },
    ORGANIZATION_KIND {
        @Override
        Object parse(String cell) {
            return vocabulary(cell, "kind", List.of("un", "regional", "alliance", "other"), false);
        }
    },
    ATTENDANCE_ROLE {
        @Override
        Object parse(String cell) {
            return vocabulary(cell, "role", List.of("host", "co-chair", "participant"), false);
        }
    },
    PLEDGE_CATEGORY {
        @Override
        Object parse(String cell) {
            return vocabulary(cell, "category", List.of("CAPABILITY", "TRAINING", "CAPACITY_BUILDING", "MEDICAL",
                    "WOMEN", "ENVIRONMENT", "TECHNOLOGY", "FINANCIAL", "OTHER"), true);
        }
    },
    PLEDGE_STATUS {
        @Override
        Object parse(String cell) {
            return vocabulary(cell, "status", List.of("pledged", "in_progress", "delivered", "lapsed", "unknown"), false);
        }
    },
    /** A list of keys separated by {@code ;} ({@code host_iso3}, {@code source_ids}). */
    KEY_LIST {
        @Override
        Object parse(String cell) {
            List<String> keys = Arrays.stream(cell.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            if (keys.size() != Set.copyOf(keys).size()) {
                throw new IllegalArgumentException("'" + cell + "' names a key twice");
            }
            return keys;
        }
    };

    static final int MIN_YEAR = 1945;
    static final int MAX_YEAR = 2100;

    /**
     * The stored value of a non-empty, trimmed cell.
     *
     * @throws IllegalArgumentException whose message says what is wrong with the cell
     */
    abstract Object parse(String cell);

    /**
     * Text that Neo4j and every export format can carry: a NUL or an unpaired surrogate (possible in a GraphQL
     * string, never in a UTF-8 file) would be stored as something other than what was sent.
     */
    static void checkText(String cell) {
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == '\u0000') {
                throw new IllegalArgumentException("contains a NUL character at position " + i);
            }
            if (Character.isHighSurrogate(c) && i + 1 < cell.length() && Character.isLowSurrogate(cell.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("contains an unpaired surrogate at position " + i + " (not Unicode text)");
            }
        }
    }

    private static long integer(String cell) {
        try {
            return Long.parseLong(cell);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + cell + "' is not an integer");
        }
    }

    /** Vocabularies are matched ignoring case, and stored in the contract's spelling so that queries can rely on it. */
    private static String vocabulary(String cell, String what, List<String> values, boolean upper) {
        String canonical = upper ? cell.toUpperCase(Locale.ROOT) : cell.toLowerCase(Locale.ROOT);
        if (!values.contains(canonical)) {
            throw new IllegalArgumentException("unknown " + what + " '" + cell + "' (" + String.join(", ", values) + ")");
        }
        return canonical;
    }
}
