package org.partnershipexplorer.partnership;

import org.neo4j.driver.types.MapAccessor;
import org.partnershipexplorer.neo4j.Rows;
import org.partnershipexplorer.provenance.Confidence;

/** {@code (trainer)-[:TRAINS]->(trainee)}; {@code trainees} is the number of people trained, where published. */
public record Training(String id, String trainerId, String traineeId, Integer year, Integer endYear, String programCode,
        String topic, Integer trainees, Confidence confidence, String source) implements Partnership {

    @Override
    public PartnershipKind kind() {
        return PartnershipKind.TRAINING;
    }

    @Override
    public String providerId() {
        return trainerId;
    }

    @Override
    public String recipientId() {
        return traineeId;
    }

    public static Training of(MapAccessor r, String trainer, String trainee) {
        Integer year = Rows.integer(r, "year");
        String program = Rows.text(r, "program");
        String id = Rows.text(r, "id");
        return new Training(id != null ? id
                : "TRAINING:" + trainer + ":" + trainee + ":" + year + (program == null ? "" : ":" + program),
                trainer, trainee, year, Rows.integer(r, "endYear"), program, Rows.text(r, "topic"),
                Rows.integer(r, "trainees"), Confidence.of(Rows.text(r, "confidence")), Rows.text(r, "source"));
    }
}
