package org.partnershipexplorer.search;

/** One ranked hit: a Country, Organization, Mission or Program record, its score and its opaque cursor. */
public record SearchEdge(String cursor, double score, Object node) {
}
