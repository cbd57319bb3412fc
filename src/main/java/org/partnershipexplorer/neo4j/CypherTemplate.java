package org.partnershipexplorer.neo4j;

import java.util.List;
import java.util.Map;

/**
 * Cypher text with named placeholders: {@code ${parent}} is replaced by the value named {@code parent}. The
 * projections write their fragments this way rather than with positional formats ({@code %2$s}), so a fragment
 * reads as the Cypher it becomes, and a name that is missing fails at once instead of shifting the others.
 * {@code ${} is never Cypher (a parameter is {@code $name}, a map {@code {key: value}}), so no fragment needs
 * escaping.
 *
 * <p>The statements around the fragments are composed with Cypher-DSL ({@code graphql/Composed}), which puts the
 * child's object where a fragment's {@code ${object}} stands: README, "How a query runs".
 */
public final class CypherTemplate {

    private CypherTemplate() {
    }

    /**
     * {@code template} with every {@code ${name}} replaced by {@code values.get(name)}.
     *
     * @throws IllegalArgumentException when a placeholder names no value, or is not closed
     */
    public static String fill(String template, Map<String, String> values) {
        StringBuilder filled = new StringBuilder(template.length() + 64);
        int from = 0;
        while (true) {
            int start = template.indexOf("${", from);
            if (start < 0) {
                return filled.append(template, from, template.length()).toString();
            }
            int end = template.indexOf('}', start);
            if (end < 0) {
                throw new IllegalArgumentException("a placeholder is not closed in: " + template);
            }
            String name = template.substring(start + 2, end);
            String value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("no value for ${" + name + "} in: " + template);
            }
            filled.append(template, from, start).append(value);
            from = end + 1;
        }
    }

    /** {@link #fill} with the values given as pairs: {@code fill(t, "r", "t1", "p", "$p0")}. */
    public static String fill(String template, String... namesAndValues) {
        return fill(template, pairs(namesAndValues));
    }

    /**
     * {@code WHERE} and the conditions joined by {@code AND}, or nothing when there are none: a fragment written for
     * the arguments a client gave holds a condition only for each of them, so that Neo4j plans nothing more.
     */
    public static String where(List<String> conditions) {
        return conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions);
    }

    /** The pairs {@code name, value, ...} as a map that may be added to. */
    public static Map<String, String> pairs(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        java.util.HashMap<String, String> values = new java.util.HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return values;
    }
}
