package org.partnershipexplorer.neo4j;

import org.neo4j.driver.Value;
import org.neo4j.driver.types.MapAccessor;

/** Reading optional properties: an absent property is {@code null}, never a default that looks like data. */
public final class Rows {

    private Rows() {
    }

    public static String text(MapAccessor map, String key) {
        Value value = map.get(key);
        return value.isNull() ? null : value.asString();
    }

    public static Integer integer(MapAccessor map, String key) {
        Value value = map.get(key);
        return value.isNull() ? null : value.asInt();
    }

    public static Long whole(MapAccessor map, String key) {
        Value value = map.get(key);
        return value.isNull() ? null : value.asLong();
    }

    public static Boolean bool(MapAccessor map, String key) {
        Value value = map.get(key);
        return value.isNull() ? null : value.asBoolean();
    }

    /** A date stored as a Neo4j date (or, from older loads, as text), as ISO 8601 text. */
    public static String date(MapAccessor map, String key) {
        Value value = map.get(key);
        return value.isNull() ? null : value.asObject().toString();
    }
}
