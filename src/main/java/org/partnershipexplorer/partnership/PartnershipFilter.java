package org.partnershipexplorer.partnership;

import graphql.schema.DataFetchingEnvironment;
import java.util.HashMap;
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
     * The filter as a Cypher predicate over the relationship {@code r}, reading the map {@code p} of
     * {@link #parameters()}: the one definition the batch statements and the projections share.
     */
    static String where(String r, String p) {
        return CypherTemplate.fill("""
                (${p}.from IS NULL OR coalesce(${r}.endYear, ${r}.year) >= ${p}.from) \
                AND (${p}.to IS NULL OR ${r}.year <= ${p}.to) \
                AND (${p}.program IS NULL OR ${r}.program = ${p}.program) \
                AND (${p}.confidence IS NULL OR ${r}.confidence IN ${p}.confidence)""", "r", r, "p", p);
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
