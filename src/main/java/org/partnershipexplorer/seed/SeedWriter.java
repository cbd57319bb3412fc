package org.partnershipexplorer.seed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.partnershipexplorer.neo4j.Cypher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pass 2 of a load: writes a validated seed inside one transaction, in batches of {@link #BATCH} rows a statement.
 *
 * <p>Every statement MERGEs on docs/graph-model.md's keys (relationships on their stable {@code id}) and replaces the
 * properties with the row's ({@code SET x = $props}), so a second load of the same seed leaves the same graph and
 * a cell emptied since the last load removes its property.
 */
final class SeedWriter {

    static final int BATCH = 2000;

    private static final Logger LOG = LoggerFactory.getLogger(SeedWriter.class);

    private final Cypher.Transaction tx;
    private final SeedSource source;
    private final boolean includeIllustrative;
    private final SeedLoader.Stamp stamp;
    private final SeedProgress progress;
    private final long total;
    private long writtenSoFar;

    private SeedWriter(Cypher.Transaction tx, SeedSource source, boolean includeIllustrative, SeedLoader.Stamp stamp,
            SeedProgress progress, long total) {
        this.tx = tx;
        this.source = source;
        this.includeIllustrative = includeIllustrative;
        this.stamp = stamp;
        this.progress = progress;
        this.total = total;
    }

    /** Writes every file of a seed that {@link SeedValidator} accepted. */
    static void write(Cypher.Transaction tx, SeedSource source, boolean includeIllustrative) {
        write(tx, source, includeIllustrative, null, SeedProgress.NONE, 0);
    }

    /**
     * As {@link #write(Cypher.Transaction, SeedSource, boolean)}, stamping rows that carry no {@code updated_by}
     * with who imports them, and reporting progress against the {@code total} rows to write.
     */
    static void write(Cypher.Transaction tx, SeedSource source, boolean includeIllustrative, SeedLoader.Stamp stamp,
            SeedProgress progress, long total) {
        SeedWriter writer = new SeedWriter(tx, source, includeIllustrative, stamp, progress, total);
        for (SeedFile file : SeedFile.values()) {
            Optional<SeedCsv> csv = SeedCsv.open(source, file.fileName);
            if (csv.isPresent()) {
                try (SeedCsv open = csv.get()) {
                    writer.write(file, open);
                }
            }
        }
    }

    private void write(SeedFile file, SeedCsv csv) {
        List<Column> present = file.columns.stream().filter(c -> csv.header().contains(c.name())).toList();
        Map<String, String> extras = extraColumns(file, csv.header());
        String statement = statement(file);
        List<Map<String, Object>> batch = new ArrayList<>(BATCH);
        long written = 0;
        for (SeedCsv.Row row = csv.next(); row != null; row = csv.next()) {
            if (!includeIllustrative && "illustrative".equalsIgnoreCase(row.get(Column.CONFIDENCE.name()))) {
                continue;
            }
            Map<String, Object> parameters = parameters(file, present, extras, row::get);
            if (stamp != null) {
                stamp.apply(props(parameters));
            }
            batch.add(parameters);
            if (batch.size() == BATCH) {
                tx.run(statement, Map.of("rows", batch));
                batch = new ArrayList<>(BATCH);
            }
            written++;
            writtenSoFar++;
            if (written % SeedValidator.PROGRESS_EVERY == 0) {
                LOG.info("Writing {}: {} rows", file.fileName, written);
            }
            if (writtenSoFar % SeedProgress.EVERY == 0) {
                progress.writing(file.fileName, writtenSoFar, total);
            }
        }
        if (!batch.isEmpty()) {
            tx.run(statement, Map.of("rows", batch));
        }
        progress.writing(file.fileName, writtenSoFar, total);
        LOG.info("Wrote {}: {} rows", file.fileName, written);
    }

    /**
     * One row as the statement reads it: {@code props} (the stored properties, absent cells left out),
     * {@code edge} (confidence and source, for the relationships a node row implies), and each endpoint column
     * under its camelCase name.
     */
    static Map<String, Object> parameters(SeedFile file, List<Column> present, Map<String, String> extras,
            Function<String, String> row) {
        Map<String, Object> props = new HashMap<>();
        Map<String, Object> parameters = new HashMap<>();
        for (Map.Entry<String, String> extra : extras.entrySet()) {
            String cell = row.apply(extra.getKey());
            if (!cell.isEmpty()) {
                props.put(extra.getValue(), cell);
            }
        }
        for (Column column : present) {
            String cell = row.apply(column.name());
            if (cell.isEmpty()) {
                continue;
            }
            Object value = column.type().parse(cell);
            if (column.stored()) {
                props.put(column.property(), value);
            }
            if (column.ref() != null) {
                parameters.put(column.property(), value);
            }
        }
        if (file == SeedFile.COUNTRIES || file == SeedFile.ORGANIZATIONS) {
            props.put("id", row.apply(file.keyColumns.get(0)));
        }
        if (file.relationshipKind != null) {
            props.put("id", relationshipId(file, row));
        }
        parameters.put("props", props);
        if (file.facts) {
            parameters.put("edge", Map.of("confidence", props.get("confidence"), "source", props.get("source")));
        }
        return parameters;
    }

    /** {@code TRAINING:KOR:VNM:2021:TPP}: the kind, then the key cells, an empty optional one left out. */
    static String relationshipId(SeedFile file, Function<String, String> row) {
        StringBuilder id = new StringBuilder(file.relationshipKind);
        for (String column : file.keyColumns) {
            String cell = row.apply(column);
            if (!cell.isEmpty()) {
                id.append(':').append(cell);
            }
        }
        return id.toString();
    }

    /** Extra columns to keep, as column name to property name; those whose name is taken are left out. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> props(Map<String, Object> parameters) {
        return (Map<String, Object>) parameters.get("props");
    }

    static Map<String, String> extraColumns(SeedFile file, List<String> header) {
        Map<String, String> extras = new LinkedHashMap<>();
        for (String name : header) {
            String property = Column.camelCase(name);
            if (file.column(name).isEmpty() && !property.isEmpty() && !file.storesProperty(property)
                    && !extras.containsValue(property)) {
                extras.put(name, property);
            }
        }
        return extras;
    }

    static String statement(SeedFile file) {
        return switch (file) {
            case SOURCES -> SOURCES;
            case COUNTRIES -> COUNTRIES;
            case ORGANIZATIONS -> ORGANIZATIONS;
            case PROGRAMS -> PROGRAMS;
            case MISSIONS -> MISSIONS;
            case MINISTERIALS -> MINISTERIALS;
            case MEMBERSHIPS -> MEMBERSHIPS;
            case CONTRIBUTIONS -> CONTRIBUTIONS;
            case DEPLOYMENTS -> DEPLOYMENTS;
            case TRAININGS -> TRAININGS;
            case DONATIONS -> DONATIONS;
            case PLEDGES -> PLEDGES;
            case ATTENDANCE -> ATTENDANCE;
        };
    }

    // Countries and organisations are also Actors with an id, so that every actor column resolves with one
    // index seek on Actor.id, whichever kind of actor it names.
    private static final String COUNTRIES = """
            UNWIND $rows AS row
            MERGE (n:Country {iso3: row.props.iso3})
            SET n = row.props, n:Actor
            """;

    private static final String ORGANIZATIONS = """
            UNWIND $rows AS row
            MERGE (n:Organization {code: row.props.code})
            SET n = row.props, n:Actor
            """;

    private static final String SOURCES = """
            UNWIND $rows AS row
            MERGE (n:Source {id: row.props.id})
            SET n = row.props
            """;

    private static final String PROGRAMS = """
            UNWIND $rows AS row
            MERGE (n:Program {code: row.props.code})
            SET n = row.props
            """;

    private static final String MISSIONS = withHosts("Mission", "acronym", "LOCATED_IN");

    private static final String MINISTERIALS = withHosts("Ministerial", "id", "HOSTED_BY");

    /**
     * A node merged on its key with its hosts (host_iso3): a host dropped since the last load loses its
     * relationship; the others are kept, not recreated.
     */
    private static String withHosts(String label, String key, String hostedBy) {
        return """
                UNWIND $rows AS row
                MERGE (m:%1$s {%2$s: row.props.%2$s})
                SET m = row.props
                WITH m, row, coalesce(row.hostIso3, []) AS hosts
                CALL (m, hosts) {
                  MATCH (m)-[old:%3$s]->(c:Country)
                  WHERE NOT c.iso3 IN hosts
                  DELETE old
                }
                CALL (m, hosts, row) {
                  UNWIND hosts AS host
                  MATCH (c:Country {iso3: host})
                  MERGE (m)-[r:%3$s]->(c)
                  SET r = row.edge
                }
                """.formatted(label, key, hostedBy);
    }

    private static final String MEMBERSHIPS =
            relationship(":Country {iso3: row.iso3}", "MEMBER_OF", ":Organization {code: row.organization}");

    private static final String CONTRIBUTIONS =
            relationship(":Country {iso3: row.iso3}", "CONTRIBUTES_TO", ":Mission {acronym: row.mission}");

    private static final String DEPLOYMENTS = """
            UNWIND $rows AS row
            MATCH (c:Country {iso3: row.iso3})
            MERGE (d:Deployment {iso3: row.props.iso3, asOf: row.props.asOf})
            SET d = row.props
            MERGE (c)-[r:REPORTED]->(d)
            SET r = row.edge
            """;

    private static final String TRAININGS =
            relationship(":Actor {id: row.trainer}", "TRAINS", ":Actor {id: row.trainee}");

    private static final String DONATIONS =
            relationship(":Actor {id: row.donor}", "DONATES_TO", ":Actor {id: row.recipient}");

    // The pledge's endpoints may change between loads: whatever the row no longer names is deleted first.
    private static final String PLEDGES = """
            UNWIND $rows AS row
            MATCH (pledger:Actor {id: row.pledger})
            MATCH (ministerial:Ministerial {id: row.ministerial})
            MERGE (p:Pledge {id: row.props.id})
            SET p = row.props
            WITH p, row, pledger, ministerial
            CALL (p, pledger) {
              MATCH (other)-[old:PLEDGED]->(p)
              WHERE other <> pledger
              DELETE old
            }
            CALL (p, ministerial) {
              MATCH (p)-[old:MADE_AT]->(other)
              WHERE other <> ministerial
              DELETE old
            }
            CALL (p, row) {
              MATCH (p)-[old:BENEFITS]->(other)
              WHERE row.beneficiary IS NULL OR other.id <> row.beneficiary
              DELETE old
            }
            CALL (p, row) {
              MATCH (p)-[old:SUPPORTS]->(other)
              WHERE row.mission IS NULL OR other.acronym <> row.mission
              DELETE old
            }
            MERGE (pledger)-[a:PLEDGED]->(p)
            SET a = row.edge
            MERGE (p)-[m:MADE_AT]->(ministerial)
            SET m = row.edge
            WITH p, row
            CALL (p, row) {
              MATCH (beneficiary:Actor {id: row.beneficiary})
              MERGE (p)-[b:BENEFITS]->(beneficiary)
              SET b = row.edge
            }
            CALL (p, row) {
              MATCH (mission:Mission {acronym: row.mission})
              MERGE (p)-[s:SUPPORTS]->(mission)
              SET s = row.edge
            }
            """;

    private static final String ATTENDANCE =
            relationship(":Actor {id: row.actor}", "ATTENDED", ":Ministerial {id: row.ministerial}");

    /** A relationship merged on its stable id between two nodes found by key, its properties replaced by the row's. */
    private static String relationship(String start, String type, String end) {
        return """
                UNWIND $rows AS row
                MATCH (a%s)
                MATCH (b%s)
                MERGE (a)-[r:%s {id: row.props.id}]->(b)
                SET r = row.props
                """.formatted(start, end, type);
    }
}
