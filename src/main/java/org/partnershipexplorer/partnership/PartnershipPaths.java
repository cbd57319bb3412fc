package org.partnershipexplorer.partnership;

import java.util.List;

/** The shortest paths between two actors, cut at the server's limit ({@code truncated}). */
public record PartnershipPaths(List<PartnershipPath> paths, boolean truncated) {
}
