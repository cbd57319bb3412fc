package org.partnershipexplorer.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/** QUERY_TOO_COMPLEX errors: the message and the extensions both give the limit and the value. */
final class TooComplex {

    private TooComplex() {
    }

    /**
     * @param limit  the limit's name as configured (maxDepth...)
     * @param what   what was measured, in words ("depth", "aliases")
     * @param value  the value measured; text so that "more than" can be said when the parser stops counting
     */
    static GraphQLError error(String limit, String what, int max, Object value) {
        return error(limit, what, max, value, null);
    }

    /**
     * As above, with what to change (null: nothing to add), after the limit in the message and as {@code hint} in
     * the extensions.
     */
    static GraphQLError error(String limit, String what, int max, Object value, String hint) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", ErrorCode.QUERY_TOO_COMPLEX.name());
        extensions.put("limit", limit);
        extensions.put("max", max);
        extensions.put("value", value);
        if (hint != null) {
            extensions.put("hint", hint);
        }
        return GraphqlErrorBuilder.newError()
                .message("Query too complex: " + what + " " + value + " is over the limit of " + max
                        + " (explorer.limits." + kebab(limit) + ")" + (hint == null ? "" : ". " + hint))
                .extensions(extensions)
                .build();
    }

    private static String kebab(String name) {
        return name.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
    }
}
