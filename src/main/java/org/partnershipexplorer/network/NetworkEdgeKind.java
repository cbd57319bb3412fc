package org.partnershipexplorer.network;

/** The GraphQL enum {@code NetworkEdgeKind}, with the relationship type each kind is stored as. */
public enum NetworkEdgeKind {
    TRAINING("TRAINS"),
    DONATION("DONATES_TO"),
    CONTRIBUTION("CONTRIBUTES_TO");

    private final String relationshipType;

    NetworkEdgeKind(String relationshipType) {
        this.relationshipType = relationshipType;
    }

    public String relationshipType() {
        return relationshipType;
    }
}
