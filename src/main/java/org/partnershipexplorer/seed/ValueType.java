package org.partnershipexplorer.seed;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a seed cell is read: each type turns a non-empty, {@linkplain #strip stripped} cell into the value stored in Neo4j, or rejects it
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
    /** A country's key (docs/graph-model.md, "Keys"): ISO 3166-1 alpha-3. */
    ISO3 {
        @Override
        Object parse(String cell) {
            return key(cell, ISO3_PATTERN, "an iso3", "three capital letters A-Z, such as KEN");
        }
    },
    /**
     * An organisation's or a programme's code, or a mission's acronym: these end up between the {@code :} of
     * relationship ids and in URLs of the page, so they hold nothing but capital letters, digits and single inner
     * hyphens or spaces ({@code CUNPK-AFRICA}, {@code UNOSOM II}).
     */
    CODE {
        @Override
        Object parse(String cell) {
            return key(cell, CODE_PATTERN, "a code", CODE_RULE);
        }
    },
    /** A cell that names an actor of either kind: an iso3 is a code too, so one pattern serves both. */
    ACTOR {
        @Override
        Object parse(String cell) {
            return key(cell, CODE_PATTERN, "an actor's key", "a country's iso3 or an organisation's code: " + CODE_RULE);
        }
    },
    /** A ministerial's or a pledge's id ({@code seoul-2021}, {@code seoul-2021-kor-helicopters}). */
    SLUG {
        @Override
        Object parse(String cell) {
            return key(cell, SLUG_PATTERN, "an id",
                    "lower-case letters a-z and digits, words joined by single hyphens, such as seoul-2021");
        }
    },
    /** Countries' iso3 keys separated by {@code ;} ({@code host_iso3}). */
    KEY_LIST {
        @Override
        Object parse(String cell) {
            return list(cell, ISO3);
        }
    },
    /** Ids separated by {@code ;} ({@code source_ids}), each of the {@link #SLUG} pattern. */
    SLUG_LIST {
        @Override
        Object parse(String cell) {
            return list(cell, SLUG);
        }
    },
    /**
     * Stable ids of trainings and donations separated by {@code ;} ({@code delivered_by}). A donation's item is free
     * text and may hold a {@code ;} itself, so a part that does not begin with a kind continues the id before it.
     */
    PARTNERSHIP_LIST {
        @Override
        Object parse(String cell) {
            List<String> ids = new ArrayList<>();
            for (String part : cell.split(";", -1)) {
                String stripped = strip(part);
                if (!ids.isEmpty() && !PARTNERSHIP_KINDS.matcher(stripped).lookingAt()) {
                    ids.set(ids.size() - 1, ids.get(ids.size() - 1) + ";" + part);
                } else if (!stripped.isEmpty()) {
                    ids.add(part);
                }
            }
            List<String> keys = new ArrayList<>();
            for (String id : ids) {
                String key = strip(id);
                String problem = keyCharacterProblem(key);
                if (problem != null) {
                    throw new IllegalArgumentException(problem);
                }
                if (!PARTNERSHIP_KINDS.matcher(key).lookingAt()) {
                    String shown = key.length() > SHOWN ? key.substring(0, SHOWN) + "..." : key;
                    throw new IllegalArgumentException("'" + shown + "' is not the id of a training or a donation"
                            + " (TRAINING:trainer:trainee:year[:program] or DONATION:donor:recipient:year:item)");
                }
                keys.add(key);
            }
            if (keys.size() != Set.copyOf(keys).size()) {
                throw new IllegalArgumentException("'" + cell + "' names a partnership twice");
            }
            // stored in one order whatever the file's, as the export writes it: an export imported again is the
            // same graph
            return keys.stream().sorted().toList();
        }
    };

    private static final Pattern PARTNERSHIP_KINDS = Pattern.compile("(?:TRAINING|DONATION):");

    /** The keys of a {@code ;}-separated cell, each checked as {@code element}, none twice. */
    private static List<String> list(String cell, ValueType element) {
        List<String> keys = Arrays.stream(cell.split(";")).map(ValueType::strip).filter(s -> !s.isEmpty())
                .map(key -> (String) element.parse(key)).toList();
        if (keys.size() != Set.copyOf(keys).size()) {
            throw new IllegalArgumentException("'" + cell + "' names a key twice");
        }
        return keys;
    }

    // Possessive quantifiers: a key is refused in one pass however long the text a hostile client sends.
    private static final Pattern ISO3_PATTERN = Pattern.compile("[A-Z]{3}");
    private static final Pattern CODE_PATTERN = Pattern.compile("[A-Z0-9]++(?:[ -][A-Z0-9]++)*+");
    private static final Pattern SLUG_PATTERN = Pattern.compile("[a-z0-9]++(?:-[a-z0-9]++)*+");
    private static final String CODE_RULE = "capital letters A-Z and digits, words joined by single hyphens or spaces, "
            + "such as CUNPK-AFRICA or UNOSOM II";
    /** How much of a refused key a message repeats: enough to recognise it, never a whole hostile payload. */
    private static final int SHOWN = 40;

    static final int MIN_YEAR = 1945;
    static final int MAX_YEAR = 2100;

    /**
     * The stored value of a non-empty, stripped cell.
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

    /**
     * A cell without the ordinary spaces around it (what a spreadsheet or a hand-typed CSV leaves). Control characters
     * are kept, not stripped as {@link String#trim} would: a key holding one is refused rather than read as another
     * key ({@code "KEN\u0000"} is not Kenya).
     */
    static String strip(String cell) {
        int start = 0;
        int end = cell.length();
        while (start < end && Character.isSpaceChar(cell.charAt(start))) {
            start++;
        }
        while (end > start && Character.isSpaceChar(cell.charAt(end - 1))) {
            end--;
        }
        return cell.substring(start, end);
    }

    /**
     * What is wrong with the characters of a key cell, or null: a key names one thing wherever it is written (a
     * Cypher parameter, a relationship id, a log line, a file), so it holds no control character anywhere.
     */
    static String keyCharacterProblem(String cell) {
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (Character.isISOControl(c)) {
                return "contains the control character U+%04X at position %d: keys may not hold one".formatted((int) c, i);
            }
        }
        return null;
    }

    private static String key(String cell, Pattern pattern, String what, String rule) {
        String problem = keyCharacterProblem(cell);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (!pattern.matcher(cell).matches()) {
            String shown = cell.length() > SHOWN ? cell.substring(0, SHOWN) + "..." : cell;
            throw new IllegalArgumentException("'" + shown + "' is not " + what + ": " + rule);
        }
        return cell;
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
