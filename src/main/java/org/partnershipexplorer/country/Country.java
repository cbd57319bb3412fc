package org.partnershipexplorer.country;

import org.neo4j.driver.types.MapAccessor;
import org.partnershipexplorer.actor.Actor;
import org.partnershipexplorer.neo4j.Rows;
import org.partnershipexplorer.provenance.Confidence;

/** A {@code Country} node. */
public record Country(String iso3, String iso2, String name, String region, String subregion,
        String unRegionalGroup, boolean unMember, Confidence confidence, String source) implements Actor {

    @Override
    public String id() {
        return iso3;
    }

    public static Country of(MapAccessor node) {
        Boolean member = Rows.bool(node, "unMember");
        return new Country(Rows.text(node, "iso3"), Rows.text(node, "iso2"), Rows.text(node, "name"),
                Rows.text(node, "region"), Rows.text(node, "subregion"), Rows.text(node, "unRegionalGroup"),
                member != null && member, Confidence.of(Rows.text(node, "confidence")), Rows.text(node, "source"));
    }
}
