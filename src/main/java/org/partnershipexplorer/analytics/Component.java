package org.partnershipexplorer.analytics;

import java.util.List;

/** GraphQL {@code Component}: a connected set of actors, index 0 the largest; members in key order. */
public record Component(int index, int size, List<String> memberIds) {
}
