package org.partnershipexplorer.seed;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.neo4j.cypherdsl.core.Cypher;
import org.neo4j.cypherdsl.core.Expression;
import org.neo4j.cypherdsl.core.Node;
import org.neo4j.cypherdsl.core.Operation;
import org.neo4j.cypherdsl.core.PatternElement;
import org.neo4j.cypherdsl.core.Relationship;
import org.neo4j.cypherdsl.core.Statement;
import org.neo4j.cypherdsl.core.StatementBuilder;
import org.neo4j.cypherdsl.core.SymbolicName;
import org.neo4j.cypherdsl.core.renderer.Configuration;
import org.neo4j.cypherdsl.core.renderer.Renderer;
import org.partnershipexplorer.neo4j.Cypher.Transaction;
import org.partnershipexplorer.neo4j.CypherTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pass 2 of a load: writes a validated seed inside one transaction, in batches of {@link #BATCH} rows a statement;
 * or, into an empty store, as a {@link BulkLoad} of batches of {@link #BULK_BATCH} rows that each commit.
 *
 * <p>Every statement MERGEs on docs/graph-model.md's keys (relationships on their stable {@code id}) and replaces the
 * properties with the row's ({@code SET x = $props}), so a second load of the same seed leaves the same graph and
 * a cell emptied since the last load removes its property.
 */
final class SeedWriter {

    static final int BATCH = 2000;

    private static final Logger LOG = LoggerFactory.getLogger(SeedWriter.class);

    /**
     * Rows a statement of a load in batches ({@link BulkLoad}) takes: each batch is a transaction, and fewer, larger
     * ones spare round trips and commits while a batch's state stays a few megabytes of heap.
     */
    static final int BULK_BATCH = 10_000;

    /**
     * Where a batch of a file's rows goes: a statement run with {@code $rows} over Bolt, or the files of Neo4j's
     * offline importer ({@link ImporterFiles}).
     */
    @FunctionalInterface
    interface Sink {
        void run(SeedFile file, List<Map<String, Object>> rows);
    }

    private final Sink sink;
    private final int batchSize;
    private final SeedSource source;
    private final boolean includeIllustrative;
    private final SeedLoader.Stamp stamp;
    private final SeedProgress progress;
    private final long total;
    private long writtenSoFar;

    private SeedWriter(Sink sink, int batchSize, SeedSource source,
            boolean includeIllustrative, SeedLoader.Stamp stamp, SeedProgress progress, long total) {
        this.sink = sink;
        this.batchSize = batchSize;
        this.source = source;
        this.includeIllustrative = includeIllustrative;
        this.stamp = stamp;
        this.progress = progress;
        this.total = total;
    }

    /** Writes every file of a seed that {@link SeedValidator} accepted. */
    static void write(Transaction tx, SeedSource source, boolean includeIllustrative) {
        write(tx, source, includeIllustrative, null, SeedProgress.NONE, 0);
    }

    /**
     * As {@link #write(Transaction, SeedSource, boolean)}, stamping every row with who imports it and when
     * (a null stamp keeps the rows' own), and reporting progress against the {@code total} rows to write.
     */
    static void write(Transaction tx, SeedSource source, boolean includeIllustrative, SeedLoader.Stamp stamp,
            SeedProgress progress, long total) {
        // each file's statement rendered once, not once a batch
        Map<SeedFile, String> statements = new EnumMap<>(SeedFile.class);
        new SeedWriter((file, rows) -> tx.run(statements.computeIfAbsent(file, SeedWriter::statement),
                Map.of("rows", rows)), BATCH, source, includeIllustrative, stamp, progress, total).writeAll();
    }

    /**
     * Writes a validated seed into an empty store as {@code load}'s batches, each its own transaction: every row is
     * created (the store holds none of its keys) and every node tagged with the load's id ({@link BulkLoad}).
     */
    static void write(BulkLoad load, SeedSource source, boolean includeIllustrative, SeedLoader.Stamp stamp,
            SeedProgress progress, long total) {
        Map<String, Object> loadId = Map.of("loadId", load.loadId());
        Map<SeedFile, String> statements = new EnumMap<>(SeedFile.class);
        new SeedWriter((file, rows) -> load.batch(tx -> {
            Map<String, Object> parameters = new HashMap<>(loadId);
            parameters.put("rows", rows);
            tx.run(statements.computeIfAbsent(file, SeedWriter::bulkStatement), parameters);
        }), BULK_BATCH, source, includeIllustrative, stamp, progress, total).writeAll();
    }

    /**
     * Hands a validated seed's rows to {@code sink} as the Bolt forms write them: the same rows left out (illustrative
     * ones unless asked), the same stamp, the same {@link #parameters} of each row, so that what a row becomes is
     * defined once whichever way it goes into the store. Used by the offline import ({@link OfflineImport}).
     */
    static void write(Sink sink, SeedSource source, boolean includeIllustrative, SeedLoader.Stamp stamp,
            SeedProgress progress, long total) {
        new SeedWriter(sink, BULK_BATCH, source, includeIllustrative, stamp, progress, total).writeAll();
    }

    private void writeAll() {
        for (SeedFile file : SeedFile.values()) {
            Optional<SeedCsv> csv = SeedCsv.open(source, file.fileName);
            if (csv.isPresent()) {
                try (SeedCsv open = csv.get()) {
                    write(file, open);
                }
            }
        }
    }

    private void write(SeedFile file, SeedCsv csv) {
        List<Column> present = file.columns.stream().filter(c -> csv.header().contains(c.name())).toList();
        Map<String, String> extras = extraColumns(file, csv.header());
        List<Map<String, Object>> batch = new ArrayList<>(batchSize);
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
            written++;
            writtenSoFar++;
            if (batch.size() == batchSize) {
                sink.run(file, batch);
                batch = new ArrayList<>(batchSize);
                // after the batch, not before: the rows counted are written (in a load in batches, committed)
                progress.writing(file.fileName, writtenSoFar, total);
            }
            if (written % SeedValidator.PROGRESS_EVERY == 0) {
                LOG.info("Writing {}: {} rows", file.fileName, written);
            }
        }
        if (!batch.isEmpty()) {
            sink.run(file, batch);
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

    /** How a load writes the row's own node or relationship. */
    enum Write {
        /** Into a store that may hold the row's key: the row's properties replace those found. */
        MERGE,
        /**
         * Into a store that holds none of the row's keys: a key taken already, or meanwhile by a transaction that
         * committed first, breaks a uniqueness constraint ({@code GraphSchema}) instead of merging into it, so a
         * create never overwrites what another create wrote.
         */
        CREATE
    }

    /**
     * The load's statement: MERGE on the row's key, properties replaced by the row's. Countries and organisations are
     * also Actors with an id, so that every actor column resolves with one index seek on Actor.id, whichever kind of
     * actor it names. A mission's or a ministerial's hosts dropped since the last load lose their relationship, the
     * others are kept, not recreated; a pledge's endpoints may change between loads, and whatever the row no longer
     * names is deleted first.
     */
    static String statement(SeedFile file) {
        return statement(file, Write.MERGE);
    }

    /** The load's statement with CREATE where it MERGEs the row's own node or relationship; otherwise the same. */
    static String createStatement(SeedFile file) {
        return statement(file, Write.CREATE);
    }

    /**
     * Both forms of a file's statement come from this one definition: the pattern of the row's own node or
     * relationship, written by Cypher-DSL as a MERGE on its key or as a CREATE; what follows it (hosts, a pledge's
     * endpoints, a deployment's report) is the same text in both. A CREATE names no key in its pattern: the SET
     * that follows writes every property, the key among them, and a key in the pattern too would be written, and
     * checked against its uniqueness constraint, twice (bench/load-statement.sh: a fifth of a relationship's CPU, warm).
     */
    static String statement(SeedFile file, Write write) {
        return switch (file) {
            case SOURCES -> rowNode(write, "Source", "n", false, "id") + "\n";
            case COUNTRIES -> rowNode(write, "Country", "n", true, "iso3") + "\n";
            case ORGANIZATIONS -> rowNode(write, "Organization", "n", true, "code") + "\n";
            case PROGRAMS -> rowNode(write, "Program", "n", false, "code") + "\n";
            case MISSIONS -> rowNode(write, "Mission", "m", false, "acronym") + HOSTS_LOCATED_IN;
            case MINISTERIALS -> rowNode(write, "Ministerial", "m", false, "id") + HOSTS_HOSTED_BY;
            case MEMBERSHIPS -> rowRelationship(write, endpoint("a", "Country", "iso3", "iso3"),
                    endpoint("b", "Organization", "code", "organization"), "MEMBER_OF");
            case CONTRIBUTIONS -> rowRelationship(write, endpoint("a", "Country", "iso3", "iso3"),
                    endpoint("b", "Mission", "acronym", "mission"), "CONTRIBUTES_TO");
            case DEPLOYMENTS -> render(write(Cypher.unwind(ROWS).as(ROW)
                            .match(endpoint("c", "Country", "iso3", "iso3")), write,
                    rowNodePattern(write, "Deployment", "d", "iso3", "asOf"))
                    .set(Cypher.set(Cypher.name("d"), PROPS))
                    .build()) + DEPLOYMENT_REPORTED;
            case TRAININGS -> rowRelationship(write, endpoint("a", "Actor", "id", "trainer"),
                    endpoint("b", "Actor", "id", "trainee"), "TRAINS");
            case DONATIONS -> rowRelationship(write, endpoint("a", "Actor", "id", "donor"),
                    endpoint("b", "Actor", "id", "recipient"), "DONATES_TO");
            case PLEDGES -> render(write(Cypher.unwind(ROWS).as(ROW)
                            .match(endpoint("pledger", "Actor", "id", "pledger"))
                            .match(endpoint("ministerial", "Ministerial", "id", "ministerial")), write,
                    rowNodePattern(write, "Pledge", "p", "id"))
                    .set(Cypher.set(Cypher.name("p"), PROPS))
                    .build()) + PLEDGE_ENDS;
            case ATTENDANCE -> rowRelationship(write, endpoint("a", "Actor", "id", "actor"),
                    endpoint("b", "Ministerial", "id", "ministerial"), "ATTENDED");
        };
    }

    private static final SymbolicName ROW = Cypher.name("row");
    private static final Expression PROPS = Cypher.property(ROW, "props");
    private static final Expression ROWS = Cypher.parameter("rows");
    // names are escaped only where they must be, so that the statement in a log reads as the text below it
    private static final Renderer RENDERER = Renderer.getRenderer(Configuration.newConfig()
            .alwaysEscapeNames(false).build());

    /** {@code UNWIND $rows AS row MERGE (n:Label {key: row.props.key}) SET n = row.props}, or its CREATE. */
    private static String rowNode(Write write, String label, String variable, boolean actor, String key) {
        Node node = rowNodePattern(write, label, variable, key);
        Operation props = Cypher.set(node.getRequiredSymbolicName(), PROPS);
        return render(write(Cypher.unwind(ROWS).as(ROW), write, node)
                .set(actor ? new Expression[] {props, Cypher.setLabel(node, "Actor")} : new Expression[] {props})
                .build());
    }

    /** The row's own node: with its key for a MERGE, bare for a CREATE (the SET after it writes the key). */
    private static Node rowNodePattern(Write write, String label, String variable, String... key) {
        Node node = Cypher.node(label).named(variable);
        if (write == Write.CREATE) {
            return node;
        }
        Object[] properties = new Object[key.length * 2];
        for (int i = 0; i < key.length; i++) {
            properties[2 * i] = key[i];
            properties[2 * i + 1] = Cypher.property(PROPS, key[i]);
        }
        return node.withProperties(properties);
    }

    /** A node the row names by a column: {@code (a:Actor {id: row.trainer})}, one seek on a unique index. */
    private static Node endpoint(String variable, String label, String key, String column) {
        return Cypher.node(label).named(variable).withProperties(key, Cypher.property(ROW, column));
    }

    /**
     * {@code UNWIND $rows AS row MATCH (a ...) MATCH (b ...) MERGE (a)-[r:TYPE {id: row.props.id}]->(b)
     * SET r = row.props}, or its CREATE.
     */
    private static String rowRelationship(Write write, Node from, Node to, String type) {
        Relationship relationship = from.relationshipTo(to, type).named("r");
        if (write == Write.MERGE) {
            relationship = relationship.withProperties("id", Cypher.property(PROPS, "id"));
        }
        return render(write(Cypher.unwind(ROWS).as(ROW).match(from).match(to), write, relationship)
                .set(Cypher.set(relationship.getRequiredSymbolicName(), PROPS))
                .build()) + "\n";
    }

    // What follows the row's own node, the same in both forms: against a node just created, each MATCH finds nothing.
    // a mission's and a ministerial's hosts: the same statement over their own relationship type
    private static final String HOSTS = """

            WITH m, row, coalesce(row.hostIso3, []) AS hosts
            CALL (m, hosts) {
              MATCH (m)-[old:${type}]->(c:Country)
              WHERE NOT c.iso3 IN hosts
              DELETE old
            }
            CALL (m, hosts, row) {
              UNWIND hosts AS host
              MATCH (c:Country {iso3: host})
              MERGE (m)-[r:${type}]->(c)
              SET r = row.edge
            }
            """;
    private static final String HOSTS_LOCATED_IN = CypherTemplate.fill(HOSTS, "type", "LOCATED_IN");
    private static final String HOSTS_HOSTED_BY = CypherTemplate.fill(HOSTS, "type", "HOSTED_BY");
    private static final String DEPLOYMENT_REPORTED = """

            MERGE (c)-[r:REPORTED]->(d)
            SET r = row.edge
            """;
    private static final String PLEDGE_ENDS = """

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

    /** The one clause where the two forms differ. */
    private static StatementBuilder.OngoingUpdate write(StatementBuilder.OngoingReading reading, Write write,
            PatternElement element) {
        return write == Write.MERGE ? reading.merge(element) : reading.create(element);
    }

    private static String render(Statement statement) {
        return RENDERER.render(statement);
    }

    /**
     * The statement of a load in batches into an empty store ({@link BulkLoad}): CREATE where a load MERGEs (no key is
     * there to merge into, and a MERGE of a relationship between two busy actors reads every relationship they
     * share), and the node a row writes tagged with {@code $loadId}.
     */
    static String bulkStatement(SeedFile file) {
        String create = createStatement(file);
        return switch (file) {
            case SOURCES, COUNTRIES, ORGANIZATIONS, PROGRAMS -> create + BulkLoad.tag("n");
            case MISSIONS, MINISTERIALS -> create + BulkLoad.tag("m");
            case DEPLOYMENTS -> create + BulkLoad.tag("d");
            case PLEDGES -> create + BulkLoad.tag("p");
            case MEMBERSHIPS, CONTRIBUTIONS, TRAININGS, DONATIONS, ATTENDANCE -> create;
        };
    }

    /**
     * An update of one row, run once {@code SeedGraph.locked} has read it under its write lock: the row's node or
     * relationship gets only the properties in {@code $set} (a null removes one), so that what a concurrent update
     * of other fields wrote stays. With {@code ends}, the relationships a node row implies are also brought in line
     * with {@code $row} (the row as it now stands, in {@link #parameters} form), as a load would: its hosts or its
     * pledge's endpoints when the client sent them, and their confidence and source when it changed those.
     */
    static String update(SeedFile file, boolean ends) {
        String set = SeedGraph.match(file) + "\nSET n += $set\n";
        if (!ends) {
            return set;
        }
        return switch (file) {
            // the tails a load writes after the row's own node, so that an update and a load cannot drift apart
            case MISSIONS -> set + "WITH n AS m, $row AS row" + HOSTS_LOCATED_IN;
            case MINISTERIALS -> set + "WITH n AS m, $row AS row" + HOSTS_HOSTED_BY;
            case DEPLOYMENTS -> """
                    MATCH (a:Country)-[:REPORTED]->(n:Deployment {iso3: $key.iso3, asOf: $key.as_of})
                    SET n += $set
                    WITH n, $row AS row
                    MATCH (:Country)-[r:REPORTED]->(n)
                    SET r = row.edge
                    """;
            case PLEDGES -> set + """
                    WITH n AS p, $row AS row
                    MATCH (pledger:Actor {id: row.pledger})
                    MATCH (ministerial:Ministerial {id: row.ministerial})""" + PLEDGE_ENDS;
            default -> set;
        };
    }
}
