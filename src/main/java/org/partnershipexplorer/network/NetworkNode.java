package org.partnershipexplorer.network;

import org.partnershipexplorer.provenance.Confidence;

/**
 * An actor ({@code KEN}, {@code EU}) or a mission ({@code mission:MINUSMA}) in a slice.
 *
 * @param personnel uniformed personnel from the newest dated UN total ({@code Deployment}), null when none
 */
public record NetworkNode(String id, NetworkNodeKind kind, String label, String region, Integer personnel,
        String personnelAsOf, Confidence confidence, String source) {

    /** The prefix that keeps mission ids apart from actor keys (docs/api.md). */
    public static final String MISSION_PREFIX = "mission:";
}
