package org.partnershipexplorer.mission;

import org.neo4j.driver.types.MapAccessor;
import org.partnershipexplorer.neo4j.Rows;
import org.partnershipexplorer.provenance.Confidence;

/** A {@code Mission} node; {@code endYear} is absent while it runs. */
public record Mission(String acronym, String name, String location, Integer startYear, Integer endYear,
        Confidence confidence, String source) {

    /** Its Node id: the kind first, as a relationship's id ({@code MISSION:UNMISS}), so no other key can equal it. */
    public String id() {
        return "MISSION:" + acronym;
    }

    public boolean active() {
        return endYear == null;
    }

    public static Mission of(MapAccessor node) {
        return new Mission(Rows.text(node, "acronym"), Rows.text(node, "name"), Rows.text(node, "location"),
                Rows.integer(node, "startYear"), Rows.integer(node, "endYear"),
                Confidence.of(Rows.text(node, "confidence")), Rows.text(node, "source"));
    }
}
