package org.partnershipexplorer.analytics;

/**
 * GraphQL {@code ActorCentrality}. Degrees count relationships, partners count distinct actors; betweenness is the
 * raw (unnormalised) Brandes sum over provider-to-recipient shortest paths counted in hops; PageRank follows the
 * links weighted by their number of relationships.
 */
public record ActorCentrality(String actorId, int inDegree, int outDegree, int inPartners, int outPartners,
        double betweenness, double pageRank) {
}
