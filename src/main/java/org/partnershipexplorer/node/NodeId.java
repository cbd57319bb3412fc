package org.partnershipexplorer.node;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.partnershipexplorer.graphql.ApiException;

/**
 * A Node id read apart: which kind of object it names and the key its feature's loader takes. An id with a {@code :}
 * names its kind first ({@code MISSION:UNMISS}, {@code TRAINING:KOR:VNM:2021:TPP}); an id without one is a node key,
 * an actor's (capitals: a country's iso3 or an organisation's code, one namespace) or a ministerial's, pledge's or
 * source's (lower case, one namespace too: the loader and the writes refuse the same id for two of them). No key
 * pattern allows a {@code :}, so an id reads one way only (docs/graph-model.md, Keys).
 *
 * @param kind what the id names
 * @param key  what the kind's loader is given: the acronym or code after {@code MISSION:} or {@code PROGRAM:}, a
 *             deployment's iso3 and date, else the id itself
 */
record NodeId(Kind kind, String id, String key, String date) {

    enum Kind {
        /** A country or an organisation: its iso3 or code. */
        ACTOR,
        /** A ministerial, a pledge or a source: its id. */
        SLUG,
        MISSION, PROGRAM, MEMBERSHIP, DEPLOYMENT, CONTRIBUTION, TRAINING, DONATION, ATTENDANCE
    }

    /** Longer than any id the graph can hold (each key cell is at most 200 characters, an item 2000 at most). */
    static final int MAX_LENGTH = 4000;

    // possessive, as the write's own patterns: a hostile id is refused in one pass
    private static final Pattern CODE = Pattern.compile("[A-Z0-9]++(?:[ -][A-Z0-9]++)*+");
    private static final Pattern ISO3 = Pattern.compile("[A-Z]{3}");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]++(?:-[a-z0-9]++)*+");
    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
    private static final String SHAPES = "an iso3 or organisation code (KEN, EU), a ministerial, pledge or source id"
            + " (seoul-2021), or a kind and its key cells (MISSION:UNMISS, PROGRAM:TPP, MEMBERSHIP:KEN:AU,"
            + " DEPLOYMENT:KEN:2024-12-31, CONTRIBUTION:KEN:UNMISS:2021, TRAINING:KOR:VNM:2021[:program],"
            + " DONATION:JPN:KEN:2019:item, ATTENDANCE:KOR:seoul-2021)";

    /**
     * @throws ApiException BAD_USER_INPUT (argument {@code id}) when the text is no id of any kind: what was sent
     *                      could never name an object, which a client should hear rather than read as "gone"
     */
    static NodeId parse(String id) {
        if (id.length() > MAX_LENGTH) {
            throw malformed(id, "an id of " + id.length() + " characters; ids are at most " + MAX_LENGTH);
        }
        for (int i = 0; i < id.length(); i++) {
            if (Character.isISOControl(id.charAt(i))) {
                throw malformed(id, "contains the control character U+%04X at position %d".formatted((int) id.charAt(i), i));
            }
        }
        int colon = id.indexOf(':');
        if (colon < 0) {
            if (CODE.matcher(id).matches()) {
                return new NodeId(Kind.ACTOR, id, id, null);
            }
            if (SLUG.matcher(id).matches()) {
                return new NodeId(Kind.SLUG, id, id, null);
            }
            throw malformed(id, "not " + SHAPES);
        }
        Kind kind;
        try {
            kind = Kind.valueOf(id.substring(0, colon));
        } catch (IllegalArgumentException e) {
            kind = null;
        }
        if (kind == null || kind == Kind.ACTOR || kind == Kind.SLUG) {
            throw malformed(id, "'" + shown(id.substring(0, colon)) + "' is no kind of object; an id is " + SHAPES);
        }
        // a donation's item is free text and may hold ':' itself: it is everything after the year
        String[] cells = id.substring(colon + 1).split(":", kind == Kind.DONATION ? 4 : -1);
        boolean ok = switch (kind) {
            case MISSION, PROGRAM -> cells.length == 1 && CODE.matcher(cells[0]).matches();
            case MEMBERSHIP -> cells.length == 2 && ISO3.matcher(cells[0]).matches() && CODE.matcher(cells[1]).matches();
            case DEPLOYMENT -> cells.length == 2 && ISO3.matcher(cells[0]).matches() && isoDate(cells[1]);
            case CONTRIBUTION -> cells.length == 3 && ISO3.matcher(cells[0]).matches()
                    && CODE.matcher(cells[1]).matches() && YEAR.matcher(cells[2]).matches();
            case TRAINING -> (cells.length == 3 || cells.length == 4 && CODE.matcher(cells[3]).matches())
                    && CODE.matcher(cells[0]).matches() && CODE.matcher(cells[1]).matches()
                    && YEAR.matcher(cells[2]).matches();
            case DONATION -> cells.length == 4 && CODE.matcher(cells[0]).matches() && CODE.matcher(cells[1]).matches()
                    && YEAR.matcher(cells[2]).matches() && !cells[3].isBlank();
            case ATTENDANCE -> cells.length == 2 && CODE.matcher(cells[0]).matches() && SLUG.matcher(cells[1]).matches();
            default -> false;
        };
        if (!ok) {
            throw malformed(id, "not the id of a " + kind.name().toLowerCase(java.util.Locale.ROOT) + ": "
                    + SHAPES);
        }
        return switch (kind) {
            case MISSION, PROGRAM -> new NodeId(kind, id, cells[0], null);
            case DEPLOYMENT -> new NodeId(kind, id, cells[0], cells[1]);
            default -> new NodeId(kind, id, id, null);
        };
    }

    private static boolean isoDate(String text) {
        try {
            return LocalDate.parse(text).toString().equals(text);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static ApiException malformed(String id, String why) {
        return ApiException.badInput("id", "'" + shown(id) + "' is no id: " + why);
    }

    /** Enough of a refused id to recognise it, never a whole hostile payload. */
    private static String shown(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
    }
}
