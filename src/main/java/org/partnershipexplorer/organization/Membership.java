package org.partnershipexplorer.organization;

import org.neo4j.driver.types.MapAccessor;
import org.partnershipexplorer.neo4j.Rows;
import org.partnershipexplorer.provenance.Confidence;

/** {@code (:Country)-[:MEMBER_OF]->(:Organization)}. */
public record Membership(String iso3, String code, Integer since, Confidence confidence, String source) {

    /** Its stable id, as the graph stores it and the seed's key cells make it ({@code MEMBERSHIP:KEN:AU}). */
    public String id() {
        return "MEMBERSHIP:" + iso3 + ":" + code;
    }

    /** From a MEMBER_OF relationship, or the map of its properties an enclosing statement projected. */
    static Membership of(String iso3, String code, MapAccessor relationship) {
        return new Membership(iso3, code, Rows.integer(relationship, "since"),
                Confidence.of(Rows.text(relationship, "confidence")), Rows.text(relationship, "source"));
    }
}
