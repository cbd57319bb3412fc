package org.partnershipexplorer.neo4j;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.ClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nodes per label and relationships per type, read from Neo4j's count store: through the statistics procedure while
 * the server allows it, else through one statement of counts. The procedure reads every label's and type's count in
 * one call that a cold database plans at once, where a UNION of a part per label and type cost a start seconds of
 * CPU to plan a statement that runs once; it needs an admin where the server checks credentials, so a service
 * connected as a plain user is refused once and counts by the statement from then on. The cost limit's graph counts
 * and the seed loader's report read their totals here.
 */
public final class CountStore {

    private static final Logger LOG = LoggerFactory.getLogger(CountStore.class);

    static final String STATISTICS = "CALL db.stats.retrieve('GRAPH COUNTS') YIELD data RETURN data";

    /** Nodes per label and relationships per type, in the order the store was asked for them; zero for none. */
    public record Totals(Map<String, Long> labels, Map<String, Long> types) {
    }

    private final Cypher cypher;
    private final Duration timeout;
    private final List<String> labels;
    private final List<String> types;
    /** One round trip; each part reads the count store rather than scanning. */
    private final String statement;
    /** False once the server has refused the statistics procedure: it will refuse it again. */
    private volatile boolean statisticsAllowed = true;

    /**
     * @param labels, types fixed by the caller's code, never from input: they are spliced into the statement
     * @param timeout each read's own limit: callers read off any request, on a start that may plan slowly
     */
    public CountStore(Cypher cypher, Duration timeout, List<String> labels, List<String> types) {
        this.cypher = cypher;
        this.timeout = timeout;
        this.labels = List.copyOf(labels);
        this.types = List.copyOf(types);
        this.statement = Stream.concat(
                        this.labels.stream().map(l -> "MATCH (n:" + l + ") RETURN 'label' AS kind, '" + l
                                + "' AS name, count(n) AS n"),
                        this.types.stream().map(t -> "MATCH ()-[r:" + t + "]->() RETURN 'type' AS kind, '" + t
                                + "' AS name, count(r) AS n"))
                .collect(Collectors.joining("\nUNION ALL\n"));
    }

    /** The totals through the statistics procedure while it is allowed, else through the statement. */
    public Totals totals() {
        if (statisticsAllowed) {
            try {
                return fromStatistics();
            } catch (ClientException refused) {
                if (!refused.code().startsWith("Neo.ClientError.Security.")
                        && !refused.code().equals("Neo.ClientError.Procedure.ProcedureNotFound")) {
                    throw refused;
                }
                statisticsAllowed = false;
                LOG.info("Counting labels and types by a statement: Neo4j refused db.stats.retrieve ({})",
                        refused.code());
            }
        }
        return fromStatements();
    }

    /** The totals through {@code db.stats.retrieve('GRAPH COUNTS')}. */
    public Totals fromStatistics() {
        Map<String, Long> nodes = zeros(labels);
        Map<String, Long> relationships = zeros(types);
        cypher.inReadTransaction(timeout, tx -> tx.run(STATISTICS, Map.of(), r -> {
            for (Value node : r.get("data").get("nodes").values()) {
                // the entry without a label counts every node; a label never used has no entry (it stays zero)
                if (nodes.containsKey(node.get("label").asString(""))) {
                    nodes.put(node.get("label").asString(), node.get("count").asLong());
                }
            }
            for (Value relationship : r.get("data").get("relationships").values()) {
                // entries that name a start or an end label count a type between labels; the type's total has neither
                if (relationship.get("startLabel").isNull() && relationship.get("endLabel").isNull()
                        && relationships.containsKey(relationship.get("relationshipType").asString(""))) {
                    relationships.put(relationship.get("relationshipType").asString(),
                            relationship.get("count").asLong());
                }
            }
            return null;
        }));
        return totals(nodes, relationships);
    }

    /** The totals through one statement of counts (what a server that refuses the procedure is asked). */
    public Totals fromStatements() {
        Map<String, Long> nodes = zeros(labels);
        Map<String, Long> relationships = zeros(types);
        cypher.inReadTransaction(timeout, tx -> tx.run(statement, Map.of(),
                r -> (r.get("kind").asString().equals("label") ? nodes : relationships)
                        .put(r.get("name").asString(), r.get("n").asLong())));
        return totals(nodes, relationships);
    }

    private static Map<String, Long> zeros(List<String> names) {
        Map<String, Long> zeros = new LinkedHashMap<>();
        names.forEach(name -> zeros.put(name, 0L));
        return zeros;
    }

    private static Totals totals(Map<String, Long> nodes, Map<String, Long> relationships) {
        return new Totals(Collections.unmodifiableMap(nodes), Collections.unmodifiableMap(relationships));
    }
}
