package org.partnershipexplorer.organization;

import org.neo4j.driver.Value;
import org.partnershipexplorer.neo4j.Rows;
import org.partnershipexplorer.provenance.Confidence;

/** {@code (:Country)-[:MEMBER_OF]->(:Organization)}. */
public record Membership(String iso3, String code, Integer since, Confidence confidence, String source) {

    static Membership of(String iso3, String code, Value relationship) {
        return new Membership(iso3, code, Rows.integer(relationship.asRelationship(), "since"),
                Confidence.of(Rows.text(relationship.asRelationship(), "confidence")),
                Rows.text(relationship.asRelationship(), "source"));
    }
}
