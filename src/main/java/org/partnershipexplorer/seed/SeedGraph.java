package org.partnershipexplorer.seed;

/**
 * The graph side of each seed file read back: which nodes or relationships hold its rows, and the endpoint keys
 * that are relationships in the graph but cells in the file. Export and single-row updates read through here,
 * so that what is read back is exactly what {@link SeedWriter} writes.
 *
 * <p>Each query returns {@code props} (the stored properties) and {@code ends} (endpoint columns to values; a
 * list for {@code host_iso3}). Labels and types are the contract's own constants; every value is a parameter.
 */
final class SeedGraph {

    private SeedGraph() {
    }

    /** Matches every row of a file, in key order. */
    static String all(SeedFile file) {
        return allMatch(file) + "\n" + returns(file) + "\n" + order(file);
    }

    /**
     * Matches the one row with the key in {@code $key} (key columns to parsed values) or, for relationship files,
     * the stable id in {@code $id}.
     */
    static String one(SeedFile file) {
        return oneMatch(file) + "\n" + returns(file);
    }

    /**
     * As {@link #one}, once the row's write lock is taken: the statement first writes the audit stamp
     * {@code $updatedBy} that the update writes anyway, which locks the node or relationship until the transaction
     * ends, and then reads it. What it reads is therefore what was last committed, and no other write can change
     * the row before this transaction's own write: a rule between a cell sent and a cell stored (an end year and
     * its start) is checked against the stored cell as it will stay.
     *
     * <p>No ORDER BY, as in {@link #one}: Neo4j 5.26's planner fails its own consistency check on a pledge's
     * {@code ORDER BY n.id} after the SET (a check that runs only with assertions on, as in the tests).
     */
    static String locked(SeedFile file) {
        return oneMatch(file) + "\nSET n.updatedBy = $updatedBy\n" + returns(file);
    }

    /** The MATCH of {@link #one}, binding the row's node or relationship to {@code n}, for a statement to go on. */
    static String match(SeedFile file) {
        return oneMatch(file);
    }

    private static String allMatch(SeedFile file) {
        return switch (file) {
            case SOURCES -> "MATCH (n:Source)";
            case COUNTRIES -> "MATCH (n:Country)";
            case ORGANIZATIONS -> "MATCH (n:Organization)";
            case PROGRAMS -> "MATCH (n:Program)";
            case MISSIONS -> "MATCH (n:Mission)";
            case MINISTERIALS -> "MATCH (n:Ministerial)";
            case MEMBERSHIPS -> "MATCH (a:Country)-[n:MEMBER_OF]->(b:Organization)";
            case CONTRIBUTIONS -> "MATCH (a:Country)-[n:CONTRIBUTES_TO]->(b:Mission)";
            case DEPLOYMENTS -> "MATCH (a:Country)-[:REPORTED]->(n:Deployment)";
            case TRAININGS -> "MATCH (a:Actor)-[n:TRAINS]->(b:Actor)";
            case DONATIONS -> "MATCH (a:Actor)-[n:DONATES_TO]->(b:Actor)";
            case PLEDGES -> "MATCH (n:Pledge)";
            case ATTENDANCE -> "MATCH (a:Actor)-[n:ATTENDED]->(b:Ministerial)";
        };
    }

    private static String oneMatch(SeedFile file) {
        return switch (file) {
            case SOURCES -> "MATCH (n:Source {id: $key.id})";
            case COUNTRIES -> "MATCH (n:Country {iso3: $key.iso3})";
            case ORGANIZATIONS -> "MATCH (n:Organization {code: $key.code})";
            case PROGRAMS -> "MATCH (n:Program {code: $key.code})";
            case MISSIONS -> "MATCH (n:Mission {acronym: $key.acronym})";
            case MINISTERIALS -> "MATCH (n:Ministerial {id: $key.id})";
            case MEMBERSHIPS -> "MATCH (a:Country)-[n:MEMBER_OF {id: $id}]->(b:Organization)";
            case CONTRIBUTIONS -> "MATCH (a:Country)-[n:CONTRIBUTES_TO {id: $id}]->(b:Mission)";
            case DEPLOYMENTS -> "MATCH (a:Country)-[:REPORTED]->(n:Deployment {iso3: $key.iso3, asOf: $key.as_of})";
            case TRAININGS -> "MATCH (a:Actor)-[n:TRAINS {id: $id}]->(b:Actor)";
            case DONATIONS -> "MATCH (a:Actor)-[n:DONATES_TO {id: $id}]->(b:Actor)";
            case PLEDGES -> "MATCH (n:Pledge {id: $key.id})";
            case ATTENDANCE -> "MATCH (a:Actor)-[n:ATTENDED {id: $id}]->(b:Ministerial)";
        };
    }

    private static String returns(SeedFile file) {
        return switch (file) {
            case SOURCES, COUNTRIES, ORGANIZATIONS, PROGRAMS -> "RETURN properties(n) AS props, {} AS ends";
            case MISSIONS ->
                    "RETURN properties(n) AS props, {host_iso3: [(n)-[:LOCATED_IN]->(c:Country) | c.iso3]} AS ends";
            case MINISTERIALS ->
                    "RETURN properties(n) AS props, {host_iso3: [(n)-[:HOSTED_BY]->(c:Country) | c.iso3]} AS ends";
            case MEMBERSHIPS -> "RETURN properties(n) AS props, {iso3: a.iso3, organization: b.code} AS ends";
            case CONTRIBUTIONS -> "RETURN properties(n) AS props, {iso3: a.iso3, mission: b.acronym} AS ends";
            case DEPLOYMENTS -> "RETURN properties(n) AS props, {iso3: a.iso3} AS ends";
            case TRAININGS -> "RETURN properties(n) AS props, {trainer: a.id, trainee: b.id} AS ends";
            case DONATIONS -> "RETURN properties(n) AS props, {donor: a.id, recipient: b.id} AS ends";
            case PLEDGES -> """
                    RETURN properties(n) AS props, {
                      pledger: head([(a:Actor)-[:PLEDGED]->(n) | a.id]),
                      ministerial: head([(n)-[:MADE_AT]->(m:Ministerial) | m.id]),
                      beneficiary: head([(n)-[:BENEFITS]->(b:Actor) | b.id]),
                      mission: head([(n)-[:SUPPORTS]->(m:Mission) | m.acronym])
                    } AS ends""";
            case ATTENDANCE -> "RETURN properties(n) AS props, {actor: a.id, ministerial: b.id} AS ends";
        };
    }

    private static String order(SeedFile file) {
        return switch (file) {
            case COUNTRIES -> "ORDER BY n.iso3";
            case ORGANIZATIONS, PROGRAMS -> "ORDER BY n.code";
            case MISSIONS -> "ORDER BY n.acronym";
            case DEPLOYMENTS -> "ORDER BY n.iso3, n.asOf";
            case SOURCES, MINISTERIALS, MEMBERSHIPS, CONTRIBUTIONS, TRAININGS, DONATIONS, PLEDGES, ATTENDANCE ->
                    "ORDER BY n.id";
        };
    }

    /** Deletes a row's node (with its own relationships) or relationship: {@code $key} / {@code $id} as above. */
    static String delete(SeedFile file) {
        return oneMatch(file) + (file.relationshipKind != null ? "\nDELETE n" : "\nDETACH DELETE n");
    }

    /** Whether a row's node or relationship exists: {@code $key} / {@code $id} as in {@link #one(SeedFile)}. */
    static String exists(SeedFile file) {
        return oneMatch(file) + "\nRETURN count(*) AS found";
    }

    /**
     * Statement that checks one key a cell names, answering {@code found}. Keys of either actor kind resolve through
     * the {@code Actor} label, as the writer's statements do.
     */
    static String reference(Column.Ref ref) {
        return "RETURN " + exists(ref, "$key") + " AS found";
    }

    /**
     * Of the keys in {@code $keys} (a list for each kind of key, under the kind's name), those the graph holds,
     * each kind in a column of that name: one read for every key a seed names but does not define, each an index
     * seek.
     */
    static final String EXISTING = java.util.Arrays.stream(Column.Ref.values())
            .map(ref -> "[k IN $keys." + ref.name() + " WHERE " + exists(ref, "k") + "] AS " + ref.name())
            .collect(java.util.stream.Collectors.joining(",\n", "RETURN ", ""));

    /**
     * Whether the graph holds what a key of that kind names; {@code key} is a parameter or a variable. A
     * partnership is a relationship (a training or a donation) found by its id.
     */
    private static String exists(Column.Ref ref, String key) {
        return switch (ref) {
            case ACTOR -> "EXISTS { MATCH (n:Actor {id: " + key + "}) }";
            case COUNTRY -> "EXISTS { MATCH (n:Country {iso3: " + key + "}) }";
            case ORGANIZATION -> "EXISTS { MATCH (n:Organization {code: " + key + "}) }";
            case MISSION -> "EXISTS { MATCH (n:Mission {acronym: " + key + "}) }";
            case PROGRAM -> "EXISTS { MATCH (n:Program {code: " + key + "}) }";
            case MINISTERIAL -> "EXISTS { MATCH (n:Ministerial {id: " + key + "}) }";
            case SOURCE -> "EXISTS { MATCH (n:Source {id: " + key + "}) }";
            case PLEDGE -> "EXISTS { MATCH (n:Pledge {id: " + key + "}) }";
            case PARTNERSHIP -> "(EXISTS { MATCH ()-[:TRAINS {id: " + key + "}]->() }"
                    + " OR EXISTS { MATCH ()-[:DONATES_TO {id: " + key + "}]->() })";
        };
    }
}
