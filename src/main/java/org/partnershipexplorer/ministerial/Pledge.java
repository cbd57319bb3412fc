package org.partnershipexplorer.ministerial;

import org.neo4j.driver.types.MapAccessor;
import org.neo4j.driver.types.Node;
import org.partnershipexplorer.neo4j.Rows;
import org.partnershipexplorer.provenance.Confidence;

/** A {@code Pledge} made by an actor at a ministerial, with what has been delivered of it. */
public record Pledge(String id, String pledgerId, String ministerialId, String category, String description,
        Integer quantity, String unit, PledgeStatus status, Integer deliveredQuantity, Integer deliveredYear,
        String beneficiaryId, String missionAcronym, Confidence confidence, String source) {

    /** A row that returns {@code p}, {@code pledger}, {@code ministerial}, {@code beneficiary}, {@code mission}. */
    public static Pledge of(MapAccessor row) {
        Node p = row.get("p").asNode();
        return new Pledge(Rows.text(p, "id"), row.get("pledger").asString(), row.get("ministerial").asString(),
                Rows.text(p, "category"), Rows.text(p, "description"), Rows.integer(p, "quantity"),
                Rows.text(p, "unit"), PledgeStatus.of(Rows.text(p, "status")), Rows.integer(p, "deliveredQuantity"),
                Rows.integer(p, "deliveredYear"), Rows.text(row, "beneficiary"), Rows.text(row, "mission"),
                Confidence.of(Rows.text(p, "confidence")), Rows.text(p, "source"));
    }
}
