package org.partnershipexplorer.partnership;

import org.partnershipexplorer.provenance.Confidence;

/** The GraphQL {@code Partnership}: a provider gives a training or a donation to a recipient. */
public sealed interface Partnership permits Training, Donation {

    /** {@code KIND:source:target:year[:program or item]} (docs/api.md). */
    String id();

    PartnershipKind kind();

    String providerId();

    String recipientId();

    /** Null only for a stored year the API cannot carry (see Rows), which the field then reports at its path. */
    Integer year();

    Integer endYear();

    /** The programme's code, or null. */
    String programCode();

    Confidence confidence();

    String source();

    /** A TRAINS or DONATES_TO relationship as its record; the endpoints are given by key. */
    static Partnership of(org.neo4j.driver.types.Relationship relationship, String providerId, String recipientId) {
        return switch (PartnershipKind.ofRelationshipType(relationship.type())) {
            case TRAINING -> Training.of(relationship, providerId, recipientId);
            case DONATION -> Donation.of(relationship, providerId, recipientId);
        };
    }
}
