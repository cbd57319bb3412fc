package org.partnershipexplorer.partnership;

import java.util.List;
import org.partnershipexplorer.actor.Actor;

/** A path through the partnership graph: its actors in order and the partnership between each pair. */
public record PartnershipPath(int length, List<Actor> actors, List<Partnership> edges) {
}
