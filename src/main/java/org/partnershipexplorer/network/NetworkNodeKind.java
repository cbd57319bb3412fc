package org.partnershipexplorer.network;

/** The GraphQL enum {@code NetworkNodeKind}. */
public enum NetworkNodeKind {
    COUNTRY,
    ORGANIZATION,
    MISSION
}
