/** Live updates: the change log in the graph, the feed every instance follows, and GraphQL subscriptions over WebSocket. */
package org.partnershipexplorer.subscription;
