/**
 * Support analysis over the partnership graph of docs/api.md: isolated contributors and their support-need score,
 * centrality, components, critical providers, what-if withdrawals, partner suggestions, duplicate support.
 * The graph is read in one statement per computation and analysed in memory with JGraphT.
 */
package org.partnershipexplorer.analytics;
