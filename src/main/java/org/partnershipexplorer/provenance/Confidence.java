package org.partnershipexplorer.provenance;

import java.util.Locale;

/** docs/graph-model.md's confidence vocabulary; stored in lower case in the graph, exposed as the GraphQL enum. */
public enum Confidence {
    VERIFIED,
    REPORTED,
    ESTIMATE,
    ILLUSTRATIVE;

    /** The stored value ("verified") as the enum. */
    public static Confidence of(String stored) {
        return valueOf(stored.toUpperCase(Locale.ROOT));
    }

    /** The value as stored in the graph and the seed files. */
    public String stored() {
        return name().toLowerCase(Locale.ROOT);
    }
}
