package org.partnershipexplorer.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.partnershipexplorer.graphql.ApiException;
import org.partnershipexplorer.graphql.Arguments;
import org.partnershipexplorer.graphql.Arguments.YearRange;
import org.partnershipexplorer.provenance.Confidence;

/**
 * Which part of the network to return; the same filters whether asked over GraphQL or as an export URL.
 *
 * <ul>
 *   <li>{@code kinds}: the partnership kinds (TRAINING, DONATION); contributions come with {@code includeMissions}</li>
 *   <li>{@code years}: a partnership is kept when its years ({@code year}..{@code endYear}) overlap the range;
 *   a contribution when its year is inside it</li>
 *   <li>{@code confidence}: the confidences kept, on every edge</li>
 *   <li>{@code region}: an edge is kept when one of its countries is in that UN M49 region</li>
 *   <li>{@code mission}: a partnership is kept when one of its ends served in that mission in the years</li>
 *   <li>{@code center}, {@code depth}: only actors within {@code depth} partnership hops of the center (either
 *   direction, over the edges the kinds, years and confidence keep)</li>
 * </ul>
 */
public record NetworkSlice(Set<PartnershipKind> kinds, YearRange years, Set<Confidence> confidence, String region,
        String mission, String center, int depth, boolean includeMissions) {

    public static final int DEFAULT_DEPTH = 2;
    public static final int MAX_DEPTH = 6;

    /** The partnership kinds a slice may ask for; contributions are not a partnership (docs/api.md). */
    public enum PartnershipKind {
        TRAINING,
        DONATION;

        NetworkEdgeKind edgeKind() {
            return NetworkEdgeKind.valueOf(name());
        }
    }

    /** The HTTP query parameters an export takes, each with what it accepts (the 400 message quotes it). */
    static final Map<String, String> PARAMETERS = parameters();

    private static final Pattern YEARS = Pattern.compile("(\\d{4})?(?:(-)(\\d{4})?)?");

    public NetworkSlice {
        kinds = kinds.isEmpty() ? EnumSet.noneOf(PartnershipKind.class) : EnumSet.copyOf(kinds);
        confidence = confidence.isEmpty() ? EnumSet.noneOf(Confidence.class) : EnumSet.copyOf(confidence);
        if (depth < 1 || depth > MAX_DEPTH) {
            throw ApiException.badInput("depth", "must be between 1 and " + MAX_DEPTH + ", got " + depth);
        }
        region = named("region", region);
        mission = named("mission", mission);
        center = named("center", center);
    }

    /** The whole network: both kinds, all years, every confidence, no missions. */
    public static NetworkSlice all() {
        return new NetworkSlice(EnumSet.allOf(PartnershipKind.class), YearRange.ALL, EnumSet.allOf(Confidence.class),
                null, null, null, DEFAULT_DEPTH, false);
    }

    /**
     * The slice an export URL asks for: {@code kinds=TRAINING,DONATION}, {@code years=2015-2022} (or
     * {@code 2015}, {@code 2015-}, {@code -2022}), {@code confidence=VERIFIED,REPORTED}, {@code region},
     * {@code mission}, {@code center}, {@code depth}, {@code includeMissions=true}. A list may also be given as
     * repeated parameters. Unknown parameters are refused so that a typo does not silently widen the slice.
     */
    public static NetworkSlice fromQuery(Map<String, List<String>> query) {
        for (String name : query.keySet()) {
            if (!PARAMETERS.containsKey(name)) {
                throw ApiException.badInput(name, "unknown parameter; the parameters are " + PARAMETERS.keySet());
            }
        }
        Set<PartnershipKind> kinds = query.containsKey("kinds")
                ? enums("kinds", PartnershipKind.class, split(query.get("kinds")))
                : EnumSet.allOf(PartnershipKind.class);
        Set<Confidence> confidence = query.containsKey("confidence")
                ? enums("confidence", Confidence.class, split(query.get("confidence")))
                : EnumSet.allOf(Confidence.class);
        YearRange years = query.containsKey("years") ? years(single(query, "years")) : YearRange.ALL;
        int depth = DEFAULT_DEPTH;
        if (query.containsKey("depth")) {
            String text = single(query, "depth");
            try {
                depth = Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                throw ApiException.badInput("depth", "not a whole number: '" + text + "'");
            }
        }
        boolean includeMissions = false;
        if (query.containsKey("includeMissions")) {
            String text = single(query, "includeMissions").trim().toLowerCase(Locale.ROOT);
            if (!text.equals("true") && !text.equals("false")) {
                throw ApiException.badInput("includeMissions", "must be true or false, got '" + text + "'");
            }
            includeMissions = text.equals("true");
        }
        return new NetworkSlice(kinds, years, confidence, optional(query, "region"), optional(query, "mission"),
                optional(query, "center"), depth, includeMissions);
    }

    /** {@code 2015-2022}, {@code 2015} (that year only), {@code 2015-} or {@code -2022}. */
    static YearRange years(String text) {
        Matcher m = YEARS.matcher(text.trim());
        if (text.isBlank() || !m.matches()) {
            throw ApiException.badInput("years", "expected FROM-TO, FROM-, -TO or a single year (2015-2022), got '"
                    + text + "'");
        }
        Integer from = m.group(1) == null ? null : Arguments.year("years.from", Integer.parseInt(m.group(1)));
        Integer to;
        if (m.group(2) == null) {
            to = from;
        } else {
            to = m.group(3) == null ? null : Arguments.year("years.to", Integer.parseInt(m.group(3)));
        }
        if (from != null && to != null && from > to) {
            throw ApiException.badInput("years", "from (" + from + ") is after to (" + to + ")");
        }
        return new YearRange(from, to);
    }

    /** The stored relationship types of the partnership kinds asked for. */
    List<String> relationshipTypes() {
        return kinds.stream().map(k -> k.edgeKind().relationshipType()).toList();
    }

    /** The confidences as stored in the graph. */
    List<String> storedConfidence() {
        return confidence.stream().map(Confidence::stored).toList();
    }

    private static String named(String argument, String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.isEmpty()) {
            throw ApiException.badInput(argument, "must not be blank; leave it out to mean any");
        }
        return trimmed;
    }

    private static <E extends Enum<E>> Set<E> enums(String argument, Class<E> type, List<String> names) {
        Set<E> values = EnumSet.noneOf(type);
        for (String name : names) {
            try {
                values.add(Enum.valueOf(type, name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw ApiException.badInput(argument, "unknown value '" + name + "'; expected one of "
                        + Arrays.toString(type.getEnumConstants()));
            }
        }
        return values;
    }

    private static List<String> split(List<String> values) {
        List<String> parts = new ArrayList<>();
        for (String value : values) {
            for (String part : value.split(",", -1)) {
                if (!part.isBlank()) {
                    parts.add(part);
                }
            }
        }
        return parts;
    }

    private static String single(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        if (values.size() != 1) {
            throw ApiException.badInput(name, "given " + values.size() + " times; give it once");
        }
        return values.get(0);
    }

    private static String optional(Map<String, List<String>> query, String name) {
        return query.containsKey(name) ? single(query, name) : null;
    }

    private static Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("kinds", "TRAINING,DONATION");
        p.put("years", "FROM-TO");
        p.put("confidence", "VERIFIED,REPORTED,ESTIMATE,ILLUSTRATIVE");
        p.put("region", "a UN M49 region");
        p.put("mission", "a mission acronym");
        p.put("center", "an actor key");
        p.put("depth", "1.." + MAX_DEPTH);
        p.put("includeMissions", "true|false");
        return p;
    }
}
