package org.partnershipexplorer.ministerial;

import org.neo4j.driver.types.MapAccessor;
import org.partnershipexplorer.neo4j.Rows;

/** The headline figures of a ministerial: as published by its organisers, or as counted from the graph. */
public record MinisterialFigures(Integer participants, Integer ministerialLevel, Integer organizations,
        Integer pledgers, Integer capabilityPledgers, Integer trainingPledgers, Integer medicalPledgers,
        Integer womenPledgers, Integer environmentPledgers, Integer technologyPledgers) {

    /** The published figures stored on the node ({@code reportedParticipants}...); absent ones stay null. */
    static MinisterialFigures reported(MapAccessor node) {
        return new MinisterialFigures(Rows.integer(node, "reportedParticipants"),
                Rows.integer(node, "reportedMinisterialLevel"), Rows.integer(node, "reportedOrganizations"),
                Rows.integer(node, "reportedPledgers"), Rows.integer(node, "reportedCapabilityPledgers"),
                Rows.integer(node, "reportedTrainingPledgers"), Rows.integer(node, "reportedMedicalPledgers"),
                Rows.integer(node, "reportedWomenPledgers"), Rows.integer(node, "reportedEnvironmentPledgers"),
                integerOrText(node, "reportedTechnologyPledgers"));
    }

    /** An extra seed column is kept as text by the loader; a number in it is read as one. */
    private static Integer integerOrText(MapAccessor node, String key) {
        Object value = node.get(key).asObject();
        if (value instanceof Number number) {
            return number.intValue();
        }
        if (value instanceof String text) {
            try {
                return Integer.valueOf(text.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
