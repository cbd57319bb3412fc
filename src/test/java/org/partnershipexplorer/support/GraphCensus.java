package org.partnershipexplorer.support;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.neo4j.driver.Bookmark;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/**
 * A cheap fingerprint of a graph, by the test's own driver: nodes per label, relationships per type, and the newest
 * {@code updatedAt} of each (every write through the API stamps one, so a write that should not have happened shows).
 */
public final class GraphCensus {

    private GraphCensus() {
    }

    public static Map<String, Object> census(Driver driver) {
        Map<String, Object> counts = new TreeMap<>();
        driver.executableQuery("""
                MATCH (n) WHERE NOT (n:SeedState OR n:Change OR n:ChangeLog) UNWIND labels(n) AS label
                RETURN 'node ' + label AS name, toString(count(*)) AS value
                UNION ALL
                MATCH ()-[r]->()
                RETURN 'relationship ' + type(r) AS name, toString(count(*)) AS value
                UNION ALL
                MATCH (n) WHERE n.updatedAt IS NOT NULL
                RETURN 'newest node change' AS name, toString(max(n.updatedAt)) AS value
                UNION ALL
                MATCH ()-[r]->() WHERE r.updatedAt IS NOT NULL
                RETURN 'newest relationship change' AS name, toString(max(r.updatedAt)) AS value
                """).execute().records().forEach(r -> counts.put(r.get("name").asString(),
                        r.get("value").isNull() ? "" : r.get("value").asString()));
        return counts;
    }

    /**
     * The newest commit of the database as a read transaction's bookmark names it: Neo4j gives a read the bookmark
     * of the last transaction it has closed, so two equal marks mean that nothing was committed between them, by
     * anyone, and the graph cannot have changed. A constant read, where a census scans the whole graph.
     */
    public static Set<Bookmark> lastCommit(Driver driver) {
        try (Session session = driver.session()) {
            session.executeRead(tx -> tx.run("RETURN 1").consume());
            return session.lastBookmarks();
        }
    }
}
