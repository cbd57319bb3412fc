package org.partnershipexplorer.startup;

/**
 * Published once while a service starts ({@link SettledGraph}), when the graph it will serve is in place: the schema
 * ensured and start-up seeding done (loaded, found loaded, or switched off; with start-up seeding off altogether,
 * when the HTTP server has started). Reads that answers depend on (the graph's counts, the change
 * log's position) begin here rather than when the HTTP server is up, so they run beside the server's own start. The
 * command-line tools never publish it: they seed nothing at start and serve no query.
 */
public record GraphSettled() {
}
