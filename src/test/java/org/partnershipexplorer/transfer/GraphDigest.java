package org.partnershipexplorer.transfer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;

/**
 * A graph as text a test can compare: counts per label and type, and a digest of every node and relationship with
 * all its properties (typed: a date is not its text), relationships by their endpoints' keys. Element ids, which
 * differ between databases, take no part.
 */
final class GraphDigest {

    private GraphDigest() {
    }

    static Map<String, Long> census(Driver driver) {
        Map<String, Long> counts = new TreeMap<>();
        driver.executableQuery("""
                MATCH (n) WHERE NOT (n:SeedState OR n:Change OR n:ChangeLog) UNWIND labels(n) AS label
                RETURN 'node ' + label AS name, count(*) AS count
                UNION ALL
                MATCH ()-[r]->()
                RETURN 'relationship ' + type(r) AS name, count(*) AS count
                """).execute().records().forEach(r -> counts.put(r.get("name").asString(), r.get("count").asLong()));
        return counts;
    }

    /** One line per node and relationship, sorted. */
    static List<String> lines(Driver driver) {
        List<String> lines = new ArrayList<>();
        driver.executableQuery("""
                MATCH (n) WHERE NOT (n:SeedState OR n:Change OR n:ChangeLog)
                RETURN labels(n) AS labels, properties(n) AS props
                """).execute().records()
                .forEach(r -> lines.add("node " + sorted(r.get("labels").asList(Value::asString)) + " " + canonical(r.get("props"))));
        driver.executableQuery("""
                MATCH (a)-[r]->(b)
                RETURN type(r) AS type, properties(r) AS props,
                       CASE WHEN a:Deployment THEN a.iso3 + '@' + toString(a.asOf) ELSE coalesce(a.id, a.acronym, a.code) END AS start,
                       CASE WHEN b:Deployment THEN b.iso3 + '@' + toString(b.asOf) ELSE coalesce(b.id, b.acronym, b.code) END AS end
                """).execute().records()
                .forEach(r -> lines.add("relationship " + r.get("type").asString() + " " + r.get("start").asString()
                        + "->" + r.get("end").asString() + " " + canonical(r.get("props"))));
        lines.sort(String::compareTo);
        return lines;
    }

    static String digest(Driver driver) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String line : lines(driver)) {
                sha.update(line.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> sorted(List<String> labels) {
        List<String> copy = new ArrayList<>(labels);
        copy.sort(String::compareTo);
        return copy;
    }

    /** Properties in key order, each value with its Neo4j type, so that 2021 and '2021' differ. */
    private static String canonical(Value props) {
        Map<String, String> sorted = new TreeMap<>();
        for (String key : props.keys()) {
            Value value = props.get(key);
            sorted.put(key, value.type().name() + ":" + value.asObject());
        }
        return sorted.toString();
    }
}
