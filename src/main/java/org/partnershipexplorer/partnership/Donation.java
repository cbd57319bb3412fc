package org.partnershipexplorer.partnership;

import org.neo4j.driver.types.MapAccessor;
import org.partnershipexplorer.neo4j.Rows;
import org.partnershipexplorer.provenance.Confidence;

/** {@code (donor)-[:DONATES_TO]->(recipient)} of one item. */
public record Donation(String id, String donorId, String recipientId, String item, Integer year, Integer endYear,
        Integer quantity, Integer valueUsd, String programCode, Confidence confidence, String source)
        implements Partnership {

    @Override
    public PartnershipKind kind() {
        return PartnershipKind.DONATION;
    }

    @Override
    public String providerId() {
        return donorId;
    }

    public static Donation of(MapAccessor r, String donor, String recipient) {
        Integer year = Rows.integer(r, "year");
        String item = Rows.text(r, "item");
        String id = Rows.text(r, "id");
        return new Donation(id != null ? id : "DONATION:" + donor + ":" + recipient + ":" + year + ":" + item,
                donor, recipient, item, year, Rows.integer(r, "endYear"), Rows.integer(r, "quantity"),
                Rows.integer(r, "valueUsd"), Rows.text(r, "program"), Confidence.of(Rows.text(r, "confidence")),
                Rows.text(r, "source"));
    }
}
