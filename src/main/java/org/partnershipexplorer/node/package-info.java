/**
 * Global object identification: the {@code Node} interface every stored object implements, and {@code Query.node},
 * which finds any of them by its id, so that a client cache (Apollo, urql, Relay) can normalise and refetch them.
 */
package org.partnershipexplorer.node;
