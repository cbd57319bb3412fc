package org.partnershipexplorer.ministerial;

import org.neo4j.driver.types.Relationship;
import org.partnershipexplorer.neo4j.Rows;
import org.partnershipexplorer.provenance.Confidence;

/** {@code (actor)-[:ATTENDED]->(:Ministerial)}: who came, in what role, at what level. */
public record Attendance(String actorId, String ministerialId, AttendanceRole role, String level,
        Confidence confidence, String source) {

    /** Its stable id, as the graph stores it ({@code ATTENDANCE:USA:new-york-2015}). */
    public String id() {
        return "ATTENDANCE:" + actorId + ":" + ministerialId;
    }

    static Attendance of(String actorId, String ministerialId, Relationship r) {
        return new Attendance(actorId, ministerialId, AttendanceRole.of(Rows.text(r, "role")), Rows.text(r, "level"),
                Confidence.of(Rows.text(r, "confidence")), Rows.text(r, "source"));
    }
}
