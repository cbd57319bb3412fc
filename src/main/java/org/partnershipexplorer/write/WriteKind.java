package org.partnershipexplorer.write;

import java.util.List;
import org.partnershipexplorer.seed.SeedFile;

/**
 * The kinds a client can write, each with its seed file (whose columns its GraphQL input mirrors in camelCase) and,
 * for nodes that others point at, what deleting it involves.
 *
 * <p>{@code references} lists the relationships that block a plain delete ({@code $key}: the node's key);
 * {@code cascade} deletes what cannot exist without the node (its dependents), before the node itself is
 * detached and deleted. Both are null for kinds nothing else points at.
 */
enum WriteKind {
    COUNTRY("Country", SeedFile.COUNTRIES, """
            MATCH (n:Country {iso3: $key})-[r]-()
            RETURN type(r) AS what, count(r) AS count ORDER BY what""", """
            MATCH (n:Country {iso3: $key})
            OPTIONAL MATCH (n)-[:REPORTED]->(d:Deployment)
            OPTIONAL MATCH (n)-[:PLEDGED]->(p:Pledge)
            WITH collect(DISTINCT d) AS deployments, collect(DISTINCT p) AS pledges
            FOREACH (x IN deployments + pledges | DETACH DELETE x)
            RETURN size(deployments) AS deployments, size(pledges) AS pledges"""),
    ORGANIZATION("Organization", SeedFile.ORGANIZATIONS, """
            MATCH (n:Organization {code: $key})-[r]-()
            RETURN type(r) AS what, count(r) AS count ORDER BY what""", """
            MATCH (n:Organization {code: $key})
            OPTIONAL MATCH (n)-[:PLEDGED]->(p:Pledge)
            WITH collect(DISTINCT p) AS pledges
            FOREACH (x IN pledges | DETACH DELETE x)
            RETURN 0 AS deployments, size(pledges) AS pledges"""),
    MEMBERSHIP("Membership", SeedFile.MEMBERSHIPS, null, null),
    MISSION("Mission", SeedFile.MISSIONS, """
            MATCH (n:Mission {acronym: $key})-[r]-()
            WHERE NOT (type(r) = 'LOCATED_IN' AND startNode(r) = n)
            RETURN type(r) AS what, count(r) AS count ORDER BY what""", """
            RETURN 0 AS deployments, 0 AS pledges"""),
    PROGRAM("Program", SeedFile.PROGRAMS, """
            MATCH ()-[r:TRAINS|DONATES_TO]->()
            WHERE r.program = $key
            RETURN type(r) AS what, count(r) AS count ORDER BY what""", """
            OPTIONAL MATCH ()-[r:TRAINS|DONATES_TO]->()
            WHERE r.program = $key
            DELETE r
            RETURN 0 AS deployments, 0 AS pledges"""),
    CONTRIBUTION("Contribution", SeedFile.CONTRIBUTIONS, null, null),
    DEPLOYMENT("Deployment", SeedFile.DEPLOYMENTS, null, null),
    TRAINING("Training", SeedFile.TRAININGS, null, null),
    DONATION("Donation", SeedFile.DONATIONS, null, null),
    MINISTERIAL("Ministerial", SeedFile.MINISTERIALS, """
            MATCH (n:Ministerial {id: $key})-[r]-()
            WHERE NOT (type(r) = 'HOSTED_BY' AND startNode(r) = n)
            RETURN type(r) AS what, count(r) AS count ORDER BY what""", """
            MATCH (n:Ministerial {id: $key})
            OPTIONAL MATCH (p:Pledge)-[:MADE_AT]->(n)
            WITH collect(DISTINCT p) AS pledges
            FOREACH (x IN pledges | DETACH DELETE x)
            RETURN 0 AS deployments, size(pledges) AS pledges"""),
    // A pledge's relationships are its own row's: deleting it removes them, nothing else points at it.
    PLEDGE("Pledge", SeedFile.PLEDGES, null, null),
    ATTENDANCE("Attendance", SeedFile.ATTENDANCE, null, null);

    final String typeName;
    final SeedFile file;
    final String references;
    final String cascade;

    WriteKind(String typeName, SeedFile file, String references, String cascade) {
        this.typeName = typeName;
        this.file = file;
        this.references = references;
        this.cascade = cascade;
    }

    String create() {
        return "create" + typeName;
    }

    String update() {
        return "update" + typeName;
    }

    String delete() {
        return "delete" + typeName;
    }

    /** The key columns, as they are named in the delete arguments and inputs (camelCase). */
    List<String> keyColumns() {
        return file.keyColumnNames();
    }
}
