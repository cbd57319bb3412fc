package org.partnershipexplorer.seed;

import io.micronaut.context.ApplicationContext;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.summary.ProfiledPlan;
import org.partnershipexplorer.analytics.GeneratedSeed;
import org.partnershipexplorer.neo4j.Cypher;
import org.partnershipexplorer.neo4j.GraphSchema;

/**
 * What one batch of the loader's trainings statement costs in a warm process (not a test; bench/load-statement.sh
 * runs it, bench/ANALYTICS.md has the figures). Loads the generated world's actors and programmes, then runs rounds of
 * 10,000-row batches of trainings through each form of the statement named on the command line, printing each
 * batch's wall time and the process's CPU time, and the profile of the last batch of each form. A load of 100,000
 * relationships is mostly the JVM's warm-up; rounds here go on past it. Bounded: a fixed number of batches.
 */
public final class LoadStatementBench {

    /** The form the loader used before: the key in the CREATE's pattern, then again in the SET of every property. */
    private static final String KEYED = """
            UNWIND $rows AS row
            MATCH (a:Actor {id: row.trainer})
            MATCH (b:Actor {id: row.trainee})
            CREATE (a)-[r:TRAINS {id: row.props.id}]->(b)
            SET r = row.props
            """;
    /** No property at all: what the relationship itself costs. */
    private static final String BARE = """
            UNWIND $rows AS row
            MATCH (a:Actor {id: row.trainer})
            MATCH (b:Actor {id: row.trainee})
            CREATE (a)-[r:TRAINS]->(b)
            """;

    /** The range indexes on relationship years: they only speed reads up, so a load could build them after. */
    private static final List<String> YEAR_INDEXES = List.of("contribution_year", "trains_year", "donates_year",
            "trains_end_year", "donates_end_year");

    private LoadStatementBench() {
    }

    /**
     * Arguments: relationships of the generated world, batches a round, then forms: create, keyed, bare, deferred,
     * unconstrained.
     */
    public static void main(String[] args) throws Exception {
        int relationships = Integer.parseInt(args[0]);
        int perRound = Integer.parseInt(args[1]);
        Path seed = Path.of("target", "bench", "statement-seed-" + relationships);
        Path store = Path.of("target", "bench", "statement-store");
        deleteRecursively(seed);
        deleteRecursively(store);
        GeneratedSeed.write(seed, relationships);
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "micronaut.server.host", "127.0.0.1", "micronaut.server.port", "-1", "explorer.neo4j.uri", "",
                "explorer.neo4j.data-dir", store.toString(), "explorer.neo4j.bolt-port", "0",
                "explorer.seed.mode", "never", "explorer.warm-up", "false"))) {
            context.getBean(GraphSchema.class).ensure();
            SeedSource source = SeedSource.directory(seed);
            Driver driver = context.getBean(Driver.class);
            try (Session session = driver.session()) {
                for (SeedFile file : List.of(SeedFile.COUNTRIES, SeedFile.ORGANIZATIONS, SeedFile.PROGRAMS)) {
                    for (List<Map<String, Object>> rows : batches(source, file)) {
                        session.executeWrite(tx -> tx.run(SeedWriter.createStatement(file), Map.of("rows", rows))
                                .consume());
                    }
                }
                List<List<Map<String, Object>>> trainings = batches(source, SeedFile.TRAININGS);
                int next = 0;
                Cypher cypher = context.getBean(Cypher.class);
                for (int i = 2; i < args.length; i++) {
                    // deferred: without the range indexes on relationship years (what building them after the data,
                    // as Neo4j's importer does, would save a batch); unconstrained: without the id's uniqueness
                    // constraint too (a measure of what it costs: the constraint is what refuses a key written twice)
                    boolean deferred = args[i].equals("deferred") || args[i].equals("unconstrained");
                    if (deferred) {
                        for (String index : YEAR_INDEXES) {
                            session.run("DROP INDEX " + index + " IF EXISTS").consume();
                        }
                    }
                    if (args[i].equals("unconstrained")) {
                        session.run("DROP CONSTRAINT trains_id_unique IF EXISTS").consume();
                    }
                    String statement = switch (args[i]) {
                        case "create", "deferred", "unconstrained" -> SeedWriter.createStatement(SeedFile.TRAININGS);
                        case "keyed" -> KEYED;
                        case "bare" -> BARE;
                        default -> throw new IllegalArgumentException("unknown form " + args[i]);
                    };
                    for (int b = 0; b < perRound; b++, next++) {
                        List<Map<String, Object>> rows = fresh(trainings, next);
                        boolean last = b == perRound - 1;
                        long wall = System.nanoTime();
                        long cpu = processCpuNanos();
                        var summary = session.executeWrite(tx -> tx.run(last ? "PROFILE " + statement : statement,
                                Map.of("rows", rows)).consume());
                        System.out.printf(Locale.ROOT, "%s batch %d: %,d rows, %.0f ms wall, %.0f ms CPU, load average"
                                + " %.1f%n", args[i], next, rows.size(), (System.nanoTime() - wall) / 1e6,
                                (processCpuNanos() - cpu) / 1e6,
                                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                        if (last) {
                            System.out.print(plan(summary.profile(), "  "));
                        }
                    }
                    if (deferred) {
                        long wall = System.nanoTime();
                        long cpu = processCpuNanos();
                        session.run("CREATE CONSTRAINT trains_id_unique IF NOT EXISTS FOR ()-[r:TRAINS]-() "
                                + "REQUIRE r.id IS UNIQUE").consume();
                        // a schema that has not looked yet creates what is missing and waits until it is online
                        new GraphSchema(cypher).ensure();
                        System.out.printf(Locale.ROOT, "%s: indexes built over %,d relationships in %.0f ms wall, "
                                + "%.0f ms CPU%n", args[i], next * 10_000L, (System.nanoTime() - wall) / 1e6,
                                (processCpuNanos() - cpu) / 1e6);
                    }
                }
            }
        }
    }

    /** The {@code n}-th batch; past the file's end, its rows again under new ids, so that every batch is new rows. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> fresh(List<List<Map<String, Object>>> batches, int n) {
        int round = n / batches.size();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : batches.get(n % batches.size())) {
            Map<String, Object> copy = new HashMap<>(row);
            Map<String, Object> props = new HashMap<>((Map<String, Object>) row.get("props"));
            props.put("id", props.get("id") + ":" + round);
            copy.put("props", props);
            rows.add(copy);
        }
        return rows;
    }

    private static List<List<Map<String, Object>>> batches(SeedSource source, SeedFile file) {
        List<List<Map<String, Object>>> batches = new ArrayList<>();
        try (SeedCsv csv = SeedCsv.open(source, file.fileName).orElseThrow()) {
            List<Column> present = file.columns.stream().filter(c -> csv.header().contains(c.name())).toList();
            Map<String, String> extras = SeedWriter.extraColumns(file, csv.header());
            List<Map<String, Object>> batch = new ArrayList<>();
            for (SeedCsv.Row row = csv.next(); row != null; row = csv.next()) {
                batch.add(SeedWriter.parameters(file, present, extras, row::get));
                if (batch.size() == SeedWriter.BULK_BATCH) {
                    batches.add(batch);
                    batch = new ArrayList<>();
                }
            }
            if (!batch.isEmpty()) {
                batches.add(batch);
            }
        }
        return batches;
    }

    private static String plan(ProfiledPlan plan, String indent) {
        StringBuilder text = new StringBuilder(indent + plan.operatorType() + ": rows " + plan.records() + ", db hits "
                + plan.dbHits() + ", " + plan.arguments().get("Details") + "\n");
        plan.children().forEach(child -> text.append(plan(child, indent + "  ")));
        return text.toString();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
