package org.partnershipexplorer.partnership;

import java.util.Arrays;
import java.util.List;

/** docs/api.md's one enum for training and donation partnerships, with the relationship type each is stored as. */
public enum PartnershipKind {
    TRAINING("TRAINS"),
    DONATION("DONATES_TO");

    /** The relationship type; a constant, never a caller's text. */
    public final String relationshipType;

    PartnershipKind(String relationshipType) {
        this.relationshipType = relationshipType;
    }

    /** The {@code kinds} argument: null or empty means both kinds. */
    public static List<PartnershipKind> of(List<String> names) {
        if (names == null || names.isEmpty()) {
            return List.of(values());
        }
        return names.stream().distinct().map(PartnershipKind::valueOf).toList();
    }

    public static List<String> relationshipTypes(List<PartnershipKind> kinds) {
        return kinds.stream().map(k -> k.relationshipType).toList();
    }

    static PartnershipKind ofRelationshipType(String type) {
        return Arrays.stream(values()).filter(k -> k.relationshipType.equals(type)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a partnership relationship: " + type));
    }
}
