package org.partnershipexplorer.partnership;

import graphql.schema.DataFetchingEnvironment;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.partnershipexplorer.graphql.Arguments;
import org.partnershipexplorer.graphql.Arguments.YearRange;
import org.partnershipexplorer.neo4j.CypherTemplate;
import org.partnershipexplorer.provenance.Confidence;

/**
 * The filters every partnership list takes: years (a partnership running {@code year..endYear} is kept when that
 * span overlaps the range), a programme, and confidence levels (null: all).
 */
public record PartnershipFilter(YearRange years, String program, List<Confidence> confidence) {

    public static final PartnershipFilter ALL = new PartnershipFilter(YearRange.ALL, null, null);

    /** Reads {@code years}, {@code program} and {@code confidence} where the field has them. */
    public static PartnershipFilter of(DataFetchingEnvironment env) {
        return of(env.getArguments());
    }

    /** As {@link #of(DataFetchingEnvironment)}, from a field's argument values. */
    public static PartnershipFilter of(Map<String, Object> arguments) {
        return new PartnershipFilter(Arguments.years(arguments, "years"), (String) arguments.get("program"),
                confidences(arguments));
    }

    /** The {@code confidence} argument; null or empty means every level. */
    public static List<Confidence> confidences(DataFetchingEnvironment env) {
        return confidences(env.getArguments());
    }

    @SuppressWarnings("unchecked")
    private static List<Confidence> confidences(Map<String, Object> arguments) {
        List<String> names = (List<String>) arguments.get("confidence");
        if (names == null || names.isEmpty()) {
            return null;
        }
        return names.stream().distinct().map(Confidence::valueOf).toList();
    }

    /**
     * Each condition of the filter over the relationship {@code ${r}}, reading its value from the map {@code ${p}} of
     * {@link #parameters()} under the same key: the one definition of what a filter keeps.
     */
    private static final Map<String, String> CONDITIONS = orderedConditions();

    private static Map<String, String> orderedConditions() {
        Map<String, String> conditions = new LinkedHashMap<>();
        conditions.put("from", "coalesce(${r}.endYear, ${r}.year) >= ${p}.from");
        conditions.put("to", "${r}.year <= ${p}.to");
        conditions.put("program", "${r}.program = ${p}.program");
        conditions.put("confidence", "${r}.confidence IN ${p}.confidence");
        return Collections.unmodifiableMap(conditions);
    }

    /**
     * The filter as a Cypher predicate over the relationship {@code r}, reading the map {@code p} of
     * {@link #parameters()}, each condition passed over when its value is null: for a statement that serves many
     * filters, such as a batch whose keys each carry their own.
     */
    static String where(String r, String p) {
        return String.join(" AND ", CONDITIONS.entrySet().stream()
                .map(c -> CypherTemplate.fill("(${p}." + c.getKey() + " IS NULL OR " + c.getValue() + ")", "r", r,
                        "p", p))
                .toList());
    }

    /**
     * Only the conditions this filter sets, over {@code r} and the map {@code p} of {@link #parameters()}; none when
     * it sets none. For a statement written for this one filter (a translated query): Neo4j then plans no condition
     * the client did not ask for, which made the first call of a partnership list about a quarter slower.
     */
    List<String> conditions(String r, String p) {
        Map<String, Object> values = parameters();
        return CONDITIONS.entrySet().stream()
                .filter(c -> values.get(c.getKey()) != null)
                .map(c -> CypherTemplate.fill(c.getValue(), "r", r, "p", p))
                .toList();
    }

    /** The parameters the Cypher filters read: from, to, program, confidence (stored values). */
    public Map<String, Object> parameters() {
        Map<String, Object> p = new HashMap<>();
        p.put("from", years.from());
        p.put("to", years.to());
        p.put("program", program);
        p.put("confidence", confidence == null ? null : confidence.stream().map(Confidence::stored).toList());
        return p;
    }
}
