package org.partnershipexplorer.mission;

import org.neo4j.driver.types.MapAccessor;
import org.partnershipexplorer.neo4j.Rows;
import org.partnershipexplorer.provenance.Confidence;

/** {@code (:Country)-[:CONTRIBUTES_TO]->(:Mission)} in one year; Geo-PKO sizes are estimates, not head counts. */
public record Contribution(String id, String iso3, String acronym, Integer year, Integer total, Integer troops,
        Integer police, Integer experts, Integer women, String asOf, Confidence confidence, String source) {

    static Contribution of(String iso3, String acronym, MapAccessor r) {
        Integer year = Rows.integer(r, "year");
        String id = Rows.text(r, "id");
        return new Contribution(id != null ? id : "CONTRIBUTION:" + iso3 + ":" + acronym + ":" + year,
                iso3, acronym, year, Rows.integer(r, "total"), Rows.integer(r, "troops"),
                Rows.integer(r, "police"), Rows.integer(r, "experts"), Rows.integer(r, "women"),
                Rows.date(r, "asOf"), Confidence.of(Rows.text(r, "confidence")), Rows.text(r, "source"));
    }
}
