package org.partnershipexplorer.partnership;

import graphql.schema.DataFetchingEnvironment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.partnershipexplorer.graphql.Arguments;
import org.partnershipexplorer.graphql.Arguments.YearRange;
import org.partnershipexplorer.provenance.Confidence;

/**
 * The filters every partnership list takes: years (a partnership running {@code year..endYear} is kept when that
 * span overlaps the range), a programme, and confidence levels (null: all).
 */
public record PartnershipFilter(YearRange years, String program, List<Confidence> confidence) {

    public static final PartnershipFilter ALL = new PartnershipFilter(YearRange.ALL, null, null);

    /** Reads {@code years}, {@code program} and {@code confidence} where the field has them. */
    public static PartnershipFilter of(DataFetchingEnvironment env) {
        return new PartnershipFilter(Arguments.years(env, "years"), env.getArgument("program"), confidences(env));
    }

    /** The {@code confidence} argument; null or empty means every level. */
    public static List<Confidence> confidences(DataFetchingEnvironment env) {
        List<String> names = env.getArgument("confidence");
        if (names == null || names.isEmpty()) {
            return null;
        }
        return names.stream().distinct().map(Confidence::valueOf).toList();
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
