package org.partnershipexplorer.analytics;

import java.util.List;

/** GraphQL {@code CutPoint}: an actor whose removal splits its component into {@code separates}. */
public record CutPoint(String actorId, List<Component> separates) {
}
