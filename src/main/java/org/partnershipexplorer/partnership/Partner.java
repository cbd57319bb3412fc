package org.partnershipexplorer.partnership;

import java.util.List;

/** One partner of an actor, with the partnerships between them summed up; the partner is resolved by key. */
public record Partner(String actorId, Direction direction, List<PartnershipKind> kinds, int count, int firstYear,
        int lastYear) {
}
