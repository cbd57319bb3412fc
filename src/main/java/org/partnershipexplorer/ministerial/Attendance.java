package org.partnershipexplorer.ministerial;

import org.neo4j.driver.types.Relationship;
import org.partnershipexplorer.neo4j.Rows;
import org.partnershipexplorer.provenance.Confidence;

/** {@code (actor)-[:ATTENDED]->(:Ministerial)}: who came, in what role, at what level. */
public record Attendance(String actorId, String ministerialId, AttendanceRole role, String level,
        Confidence confidence, String source) {

    static Attendance of(String actorId, String ministerialId, Relationship r) {
        return new Attendance(actorId, ministerialId, AttendanceRole.of(Rows.text(r, "role")), Rows.text(r, "level"),
                Confidence.of(Rows.text(r, "confidence")), Rows.text(r, "source"));
    }
}
