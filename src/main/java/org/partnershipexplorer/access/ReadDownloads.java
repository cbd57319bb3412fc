package org.partnershipexplorer.access;

import java.util.List;

/**
 * The downloads of what GraphQL queries return (the network, the isolated contributors, the providers, an actor's
 * partners, the pledges): public reads that follow EXPLORER_QUERIES_REQUIRE_AUTH as queries do, and that the rate
 * limit counts with /graphql. Listed once, by the route templates' beginnings.
 */
public final class ReadDownloads {

    private static final List<String> TEMPLATE_PREFIXES = List.of("/export/network.", "/export/isolated.",
            "/export/providers.", "/export/partners.", "/export/pledges.");

    private ReadDownloads() {
    }

    public static boolean isReadDownload(String routeTemplate) {
        return TEMPLATE_PREFIXES.stream().anyMatch(routeTemplate::startsWith);
    }
}
