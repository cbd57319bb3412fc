package org.partnershipexplorer.country;

import org.neo4j.driver.types.MapAccessor;
import org.partnershipexplorer.neo4j.Rows;
import org.partnershipexplorer.provenance.Confidence;

/** A country's published total of uniformed personnel on one date. */
public record Deployment(String iso3, String asOf, Integer total, Integer women, Integer troops, Integer police,
        Integer experts, Confidence confidence, String source) {

    /** Its Node id, the kind and its key cells ({@code DEPLOYMENT:KEN:2024-12-31}), as a relationship's id. */
    public String id() {
        return "DEPLOYMENT:" + iso3 + ":" + asOf;
    }

    public static Deployment of(MapAccessor node) {
        return new Deployment(Rows.text(node, "iso3"), Rows.date(node, "asOf"), Rows.integer(node, "total"),
                Rows.integer(node, "women"), Rows.integer(node, "troops"), Rows.integer(node, "police"),
                Rows.integer(node, "experts"), Confidence.of(Rows.text(node, "confidence")),
                Rows.text(node, "source"));
    }
}
