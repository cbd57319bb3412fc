package org.partnershipexplorer.graphql;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Content negotiation of the GraphQL-over-HTTP specification, as docs/api.md states it. */
final class MediaTypes {

    static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    static final String JSON = "application/json";

    private MediaTypes() {
    }

    /**
     * The response type for an {@code Accept} header: {@link #GRAPHQL_RESPONSE} when the client names it,
     * {@link #JSON} when it names that, sends no header or only a wildcard, empty when it allows neither (406).
     *
     * <p>The specification's SHOULDs: a client that names no type may predate application/graphql-response+json
     * and expects application/json, with its status 200 for a request error.
     */
    static Optional<String> negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return Optional.of(JSON);
        }
        List<Range> ranges = new ArrayList<>();
        for (String part : accept.split(",")) {
            Range range = Range.parse(part);
            if (range != null && range.quality > 0) {
                ranges.add(range);
            }
        }
        // A stable sort keeps the client's order among equal qualities.
        ranges.sort(Comparator.comparingDouble((Range r) -> r.quality).reversed());
        for (Range range : ranges) {
            switch (range.type) {
                case GRAPHQL_RESPONSE -> {
                    return Optional.of(GRAPHQL_RESPONSE);
                }
                case JSON, "*/*", "application/*" -> {
                    return Optional.of(JSON);
                }
                default -> {
                    // not one of ours; look further
                }
            }
        }
        return Optional.empty();
    }

    /** True when a Content-Type header names application/json (with or without parameters such as charset). */
    static boolean isJson(String contentType) {
        return contentType != null && contentType.split(";")[0].trim().equalsIgnoreCase(JSON);
    }

    private record Range(String type, double quality) {
        static Range parse(String text) {
            String[] parts = text.trim().split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            if (type.isEmpty()) {
                return null;
            }
            double q = 1.0;
            for (int i = 1; i < parts.length; i++) {
                String[] kv = parts[i].trim().split("=", 2);
                if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("q")) {
                    try {
                        q = Double.parseDouble(kv[1].trim());
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            return new Range(type, q);
        }
    }
}
