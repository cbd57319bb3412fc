package org.partnershipexplorer.partnership;

import java.util.List;
import org.partnershipexplorer.actor.Actor;

/** The who-trains-whom tree from one actor. */
public record TrainingChains(Actor root, List<PartnershipPath> paths, List<ReachedActor> reached,
        boolean truncated) {

    /** An actor reached from the root, with the depth at which it is first reached. */
    public record ReachedActor(Actor actor, int depth) {
    }
}
