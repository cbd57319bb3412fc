package org.partnershipexplorer.ministerial;

import org.neo4j.driver.types.MapAccessor;
import org.partnershipexplorer.neo4j.Rows;
import org.partnershipexplorer.provenance.Confidence;

/** A {@code Ministerial} node, with the figures its organisers published and its host country's iso3. */
public record Ministerial(String id, String name, String city, String startDate, String endDate, String hostIso3,
        MinisterialFigures reported, Confidence confidence, String source) {

    public static Ministerial of(MapAccessor node, String hostIso3) {
        return new Ministerial(Rows.text(node, "id"), Rows.text(node, "name"), Rows.text(node, "city"),
                Rows.date(node, "startDate"), Rows.date(node, "endDate"), hostIso3,
                MinisterialFigures.reported(node), Confidence.of(Rows.text(node, "confidence")),
                Rows.text(node, "source"));
    }
}
