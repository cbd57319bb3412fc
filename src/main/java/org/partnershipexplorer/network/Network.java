package org.partnershipexplorer.network;

import java.util.List;

/** A slice of the network: nodes by stable id, then edges by stable id, so that two reads compare equal. */
public record Network(List<NetworkNode> nodes, List<NetworkEdge> edges) {
}
