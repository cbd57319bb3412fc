package org.partnershipexplorer.neo4j;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Entity;
import org.neo4j.driver.types.MapAccessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reading stored properties as the API's types. An absent property is {@code null}, never a default that looks like
 * data. So is a stored value the type cannot carry: the import and the mutations refuse such values, but a store
 * written before they did, or by another tool straight into Neo4j, may hold a count beyond 32 bits, or text or a
 * fraction where a number belongs. One such value must not fail every query that reads its row: it is answered as
 * null (a non-null field then reports its own error at its own path) and logged, once, with the row's key.
 */
public final class Rows {

    private static final Logger LOG = LoggerFactory.getLogger(Rows.class);
    /** The properties already logged; bounded, so that a store full of them cannot fill the memory or the log. */
    private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();
    static final int MAX_LOGGED = 1000;
    /** The properties a row's key is read from, for the log: a relationship's stable id first. */
    private static final String[] KEYS = {"id", "iso3", "code", "acronym"};

    private Rows() {
    }

    public static String text(MapAccessor map, String key) {
        Value value = map.get(key);
        if (value.isNull()) {
            return null;
        }
        String text = text(value.asObject());
        if (text == null) {
            misfit(map, key, value, "String");
        }
        return text;
    }

    public static Integer integer(MapAccessor map, String key) {
        Value value = map.get(key);
        if (value.isNull()) {
            return null;
        }
        Integer integer = integer(value.asObject());
        if (integer == null) {
            misfit(map, key, value, "Int");
        }
        return integer;
    }

    public static Long whole(MapAccessor map, String key) {
        Value value = map.get(key);
        if (value.isNull()) {
            return null;
        }
        if (value.asObject() instanceof Long whole) {
            return whole;
        }
        misfit(map, key, value, "a whole number");
        return null;
    }

    public static Boolean bool(MapAccessor map, String key) {
        Value value = map.get(key);
        if (value.isNull()) {
            return null;
        }
        if (value.asObject() instanceof Boolean bool) {
            return bool;
        }
        misfit(map, key, value, "Boolean");
        return null;
    }

    /** A date stored as a Neo4j date (or, from older loads, as text), as ISO 8601 text. */
    public static String date(MapAccessor map, String key) {
        Value value = map.get(key);
        return value.isNull() ? null : value.asObject().toString();
    }

    /**
     * A value as the GraphQL {@code Int} carries it (32 bits), or null when it is none: a whole number out of range,
     * a fraction, text, a list. The one test of what fits, for the records and for a translated query alike.
     */
    public static Integer integer(Object value) {
        if (value instanceof Long whole && whole >= Integer.MIN_VALUE && whole <= Integer.MAX_VALUE) {
            return whole.intValue();
        }
        if (value instanceof Integer integer) {
            return integer;
        }
        return null;
    }

    /** A value as the GraphQL {@code String} carries it, or null when it is not text. */
    public static String text(Object value) {
        return value instanceof String text ? text : null;
    }

    private static void misfit(MapAccessor map, String key, Value value, String type) {
        String row = row(map);
        if (LOGGED.size() < MAX_LOGGED && LOGGED.add(row + "\u0000" + key)) {
            Object stored = value.asObject();
            String shown = String.valueOf(stored);
            LOG.warn("Stored value does not fit the API: {} of {} is {} {}, not {}; answered as null. Correct the row "
                    + "(an import or a mutation of it refuses such a value)", key, row,
                    value.type().name(), shown.length() > 80 ? shown.substring(0, 80) + "..." : shown, type);
        }
    }

    /** The row's key as a reader knows it ({@code TRAINING:USA:KEN:2019:GPOI}, {@code KEN}), else its element id. */
    private static String row(MapAccessor map) {
        for (String key : KEYS) {
            if (map.containsKey(key) && map.get(key).asObject() instanceof String text) {
                return text;
            }
        }
        return map instanceof Entity entity ? "element " + entity.elementId() : "a row without a key";
    }
}
