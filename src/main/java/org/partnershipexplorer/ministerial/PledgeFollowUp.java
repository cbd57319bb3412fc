package org.partnershipexplorer.ministerial;

/**
 * What became of a set of pledges (one ministerial's, one pledger's, or both): how many were delivered, are in
 * progress, lapsed, or have no delivery reported, and how many training and capacity-building pledges the graph
 * links to a training or donation that delivered them.
 *
 * @param unknown                  status {@code pledged} or {@code unknown}: no source reports a delivery either way
 * @param trainingPledges          pledges of category TRAINING or CAPACITY_BUILDING
 * @param trainingPledgesDelivered of those, the ones whose {@code deliveredBy} names a training or donation in the graph
 * @param trainingDeliveryShare    the second over the first, to three decimals; null without such pledges
 */
public record PledgeFollowUp(int pledges, int delivered, int inProgress, int lapsed, int unknown, int trainingPledges,
        int trainingPledgesDelivered, Double trainingDeliveryShare) {

    static PledgeFollowUp of(int pledges, int delivered, int inProgress, int lapsed, int trainingPledges,
            int trainingPledgesDelivered) {
        Double share = trainingPledges == 0 ? null
                : Math.round(1000.0 * trainingPledgesDelivered / trainingPledges) / 1000.0;
        return new PledgeFollowUp(pledges, delivered, inProgress, lapsed, pledges - delivered - inProgress - lapsed,
                trainingPledges, trainingPledgesDelivered, share);
    }
}
