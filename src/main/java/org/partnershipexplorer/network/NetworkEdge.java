package org.partnershipexplorer.network;

import org.partnershipexplorer.provenance.Confidence;

/**
 * A training or donation (provider to recipient) or a contribution (country to mission).
 *
 * @param id the relationship's stable {@code id} property ({@code TRAINING:JPN:KEN:2015:TPP})
 * @param label the programme or topic of a training, the item of a donation, the size of a contribution
 * @param sourceRef where the fact comes from (named so to keep it apart from {@code source}, the provider's id)
 */
public record NetworkEdge(String id, String source, String target, NetworkEdgeKind kind, Integer year, Integer endYear,
        String label, Confidence confidence, String sourceRef) {
}
