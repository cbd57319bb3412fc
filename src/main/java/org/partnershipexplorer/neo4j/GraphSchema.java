package org.partnershipexplorer.neo4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.graphdb.schema.IndexDefinition;
import org.neo4j.graphdb.schema.IndexSetting;
import org.neo4j.graphdb.schema.Schema;
import org.partnershipexplorer.deadline.Deadline;
import org.partnershipexplorer.startup.StartupPhases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The constraints and indexes the graph relies on. Creating them is idempotent, so every instance runs it at start.
 *
 * <p>Besides the keys of docs/graph-model.md, every country and organisation also carries the label {@code Actor}
 * and a property {@code id} (its iso3 or code): one unique constraint then rejects an organisation code that
 * clashes with a country, and every "actor by key" lookup is a single index seek.
 */
@jakarta.inject.Singleton
public final class GraphSchema {

    private static final Logger LOG = LoggerFactory.getLogger(GraphSchema.class);

    /** Names every statement so that a reader of SHOW CONSTRAINTS recognises the service's own. */
    static final List<String> STATEMENTS = List.of(
            "CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE",
            "CREATE CONSTRAINT country_iso3 IF NOT EXISTS FOR (n:Country) REQUIRE n.iso3 IS UNIQUE",
            "CREATE CONSTRAINT organization_code IF NOT EXISTS FOR (n:Organization) REQUIRE n.code IS UNIQUE",
            "CREATE CONSTRAINT mission_acronym IF NOT EXISTS FOR (n:Mission) REQUIRE n.acronym IS UNIQUE",
            "CREATE CONSTRAINT program_code IF NOT EXISTS FOR (n:Program) REQUIRE n.code IS UNIQUE",
            "CREATE CONSTRAINT ministerial_id IF NOT EXISTS FOR (n:Ministerial) REQUIRE n.id IS UNIQUE",
            "CREATE CONSTRAINT pledge_id IF NOT EXISTS FOR (n:Pledge) REQUIRE n.id IS UNIQUE",
            "CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE",
            "CREATE CONSTRAINT deployment_key IF NOT EXISTS FOR (n:Deployment) REQUIRE (n.iso3, n.asOf) IS UNIQUE",
            "CREATE CONSTRAINT seed_state_id IF NOT EXISTS FOR (n:SeedState) REQUIRE n.id IS UNIQUE",
            // the change log that every instance follows (subscription/ChangeLog): its counter, the seek and order
            // of each poll, the pruning by age
            "CREATE CONSTRAINT change_log_id IF NOT EXISTS FOR (n:ChangeLog) REQUIRE n.id IS UNIQUE",
            "CREATE CONSTRAINT change_sequence IF NOT EXISTS FOR (n:Change) REQUIRE n.sequence IS UNIQUE",
            "CREATE INDEX change_at IF NOT EXISTS FOR (n:Change) ON (n.at)",
            "CREATE INDEX country_region IF NOT EXISTS FOR (n:Country) ON (n.region)",
            "CREATE INDEX contribution_year IF NOT EXISTS FOR ()-[r:CONTRIBUTES_TO]-() ON (r.year)",
            // A relationship row's stable id is its key, as a node's key is: unique, so that the database refuses a
            // second create of one key however the creates interleave. The index behind each one also spares a
            // load's MERGE on the id a scan of the type.
            "CREATE CONSTRAINT contribution_id_unique IF NOT EXISTS FOR ()-[r:CONTRIBUTES_TO]-() REQUIRE r.id IS UNIQUE",
            "CREATE CONSTRAINT trains_id_unique IF NOT EXISTS FOR ()-[r:TRAINS]-() REQUIRE r.id IS UNIQUE",
            "CREATE CONSTRAINT donates_id_unique IF NOT EXISTS FOR ()-[r:DONATES_TO]-() REQUIRE r.id IS UNIQUE",
            "CREATE CONSTRAINT member_of_id_unique IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() REQUIRE r.id IS UNIQUE",
            "CREATE CONSTRAINT attended_id_unique IF NOT EXISTS FOR ()-[r:ATTENDED]-() REQUIRE r.id IS UNIQUE",
            "CREATE INDEX trains_year IF NOT EXISTS FOR ()-[r:TRAINS]-() ON (r.year)",
            "CREATE INDEX donates_year IF NOT EXISTS FOR ()-[r:DONATES_TO]-() ON (r.year)",
            // the analytics' windowed reads find partnerships that began before a window and run into it here
            "CREATE INDEX trains_end_year IF NOT EXISTS FOR ()-[r:TRAINS]-() ON (r.endYear)",
            "CREATE INDEX donates_end_year IF NOT EXISTS FOR ()-[r:DONATES_TO]-() ON (r.endYear)",
            // Eventually consistent: a commit queues its index updates instead of refreshing Lucene's reader
            // itself. A strongly consistent full-text index made every write pay for a Lucene refresh (the soak
            // found it taking a third of the database's CPU and most of the kernel time); search may now lag a
            // write by a moment, and loads wait for the refresh (afterLoad) before they report done.
            """
            CREATE FULLTEXT INDEX search IF NOT EXISTS
            FOR (n:Country|Organization|Mission|Program) ON EACH [n.name, n.iso3, n.iso2, n.code, n.acronym]
            OPTIONS {indexConfig: {`fulltext.eventually_consistent`: true}}
            """);

    /**
     * Plain indexes on the relationship ids that stores made before those ids were unique still hold: a constraint
     * cannot be created beside an index on the same property, so they are dropped first.
     */
    static final List<String> RETIRED = List.of("contribution_id", "trains_id", "donates_id", "member_of_id", "attended_id");

    private static final Set<String> CREATED_MEANWHILE = Set.of(
            "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists",
            "Neo.ClientError.Schema.IndexAlreadyExists",
            "Neo.ClientError.Schema.ConstraintAlreadyExists");

    private final Cypher cypher;
    private final StartupPhases phases;
    /** One wait for the indexes, in seconds: within the server's limit on a transaction (see awaitOnline). */
    private final long awaitSeconds;
    private final java.util.concurrent.atomic.AtomicLong awaitTurns = new java.util.concurrent.atomic.AtomicLong();
    /**
     * Set once this instance has seen every rule in place: start-up seeding and each load ask again, and a kept
     * store would otherwise pay a SHOW INDEXES each time it is asked within one start.
     */
    private volatile boolean ensured;

    /** The embedded server, to know whether this start created its store; null when not known (the tools' own). */
    private final Neo4jServer server;

    public GraphSchema(Cypher cypher) {
        this(cypher, null, 20, null);
    }

    @jakarta.inject.Inject
    GraphSchema(Cypher cypher, StartupPhases phases, Neo4jServer server) {
        this(cypher, phases, 20, server);
    }

    GraphSchema(Cypher cypher, StartupPhases phases, long awaitSeconds) {
        this(cypher, phases, awaitSeconds, null);
    }

    private GraphSchema(Cypher cypher, StartupPhases phases, long awaitSeconds, Neo4jServer server) {
        this.cypher = cypher;
        this.phases = phases;
        this.awaitSeconds = awaitSeconds;
        this.server = server;
    }

    /**
     * Runs at every start ({@link SchemaAtStart}), whatever EXPLORER_SEED says, so a graph loaded by other means still
     * gets its constraints; the time it took goes into the start's phases.
     */
    void ensureAtStart() {
        if (server != null) {
            // the first wait for the embedded server is its own phase ("Neo4j start"), not the schema's: timed inside
            // this one, it was counted twice, and the start's remainder (JVM, Micronaut, HTTP server) came out short
            server.awaitStarted();
        }
        long started = System.nanoTime();
        String found = ensureFound();
        if (phases != null) {
            phases.record("schema", java.time.Duration.ofNanos(System.nanoTime() - started), found);
        }
    }

    /**
     * Creates whatever is missing and waits until every index is online; once this instance has seen the schema in
     * place it does not look again.
     */
    public void ensure() {
        ensureFound();
    }

    /** What ensuring found: "in place", "created" or "already ensured". */
    private String ensureFound() {
        if (ensured) {
            return "already ensured";
        }
        // Every start of a kept store finds the schema in place: one read instead of a write per rule. A store this
        // start created holds none of it: the look, a cold start's first statement of its kind, is skipped.
        Found found = server != null && server.createdThisStart() ? Found.of(List.of(), names()) : foundAtStart();
        if (found.online() == STATEMENTS.size()) {
            LOG.info("Schema in place: {} constraints and indexes", STATEMENTS.size());
            ensured = true;
            return "in place";
        }
        create(found);
        ensured = true;
        return "created";
    }

    private void create(Found found) {
        // A store made before the search index became eventually consistent: the index is rebuilt once.
        if (found.searchOutdated()) {
            LOG.info("Rebuilding the full-text index 'search' as eventually consistent");
            cypher.write("DROP INDEX search IF EXISTS", Map.of(), r -> r);
        }
        for (String retired : found.retired()) {
            LOG.info("Replacing the index '{}' by a uniqueness constraint", retired);
            cypher.write("DROP INDEX " + retired + " IF EXISTS", Map.of(), r -> r);
        }
        try {
            // One schema transaction: a fresh store gets every rule in a single commit.
            cypher.inWriteTransaction(tx -> {
                STATEMENTS.forEach(statement -> tx.run(statement, Map.of()));
                return null;
            });
        } catch (ClientException e) {
            createOneByOne();
        }
        awaitOnline();
        LOG.info("Schema in place: {} constraints and indexes", STATEMENTS.size());
    }

    /**
     * Waits until every index is online, for as long as they are populating: over a store the offline importer has
     * just filled, population takes as long as the data (about 13 s for a million relationships on two cores), and one
     * wait must end within the server's limit on a transaction (30 s embedded), so the wait is taken in turns of
     * {@link #awaitSeconds} and repeated until every index is online. An index that failed ends it, with Neo4j's
     * reason.
     */
    private void awaitOnline() {
        for (int turn = 1; ; turn++) {
            try {
                cypher.write("CALL db.awaitIndexes($seconds)", Map.of("seconds", awaitSeconds), r -> r);
                return;
            } catch (RuntimeException e) {
                // the wait ran out (or failed): go on waiting unless an index failed; one that came online since the
                // wait ran out is found online by the next
                Found states = Found.of(cypher.write(INDEXES, Map.of(), GraphSchema::index), names());
                if (states.failed() > 0) {
                    throw e;
                }
                awaitTurns.incrementAndGet();
                LOG.info("{} indexes still populating after {} s", states.populating(), (long) turn * awaitSeconds);
            }
        }
    }

    /** How many waits for the indexes ran out while one was still populating (the tests' look at the loop). */
    long awaitTurns() {
        return awaitTurns.get();
    }

    /**
     * What a load waits for before it says it is done: the search index has taken in every committed write, so that
     * what it wrote can be found, and Neo4j has new samples of the indexes the load wrote to, so that what it wrote is
     * planned for.
     *
     * <p>Why the samples: Neo4j's planner estimates from its indexes' last samples, and samples an index again in the
     * background only some seconds after writes change it. In between, on a store loaded after its schema was created
     * empty, every index still says it holds nothing; the planner then started the service's nested statements from
     * an index seek on a partnership's year, and Neo4j 5.26 refused several of them while planning ("t1.year should
     * not appear non-cached", its insertCachedProperties phase), the README's Korea donations among them. After a
     * load into an empty store, {@code db.prepareForReplanning} samples the outdated indexes before it returns and
     * drops the plans made on the old samples. Into a store holding data the old samples are about right, and
     * dropping every plan would make each query's next call pay for planning again: the outdated indexes are only
     * queued for sampling. A server that refuses either procedure to the service's user is left to its background
     * sampling, and the log says so.
     *
     * @param intoEmptyStore whether the load wrote into a store that held no data
     */
    public void afterLoad(boolean intoEmptyStore) {
        cypher.write("CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()", Map.of(), r -> r);
        try {
            long started = System.nanoTime();
            cypher.write(intoEmptyStore ? "CALL db.prepareForReplanning()" : "CALL db.resampleOutdatedIndexes()",
                    Map.of(), r -> r);
            if (intoEmptyStore) {
                LOG.info("Sampled the indexes the load wrote to in {} ms", (System.nanoTime() - started) / 1_000_000);
            }
        } catch (ClientException e) {
            LOG.info("Neo4j refused to sample the indexes after the load ({}): it samples them in the background "
                    + "within seconds, and until then plans on what they held before", e.code());
        }
    }

    /** The slow path, when another instance created some rules at the same moment. */
    private void createOneByOne() {
        for (String statement : STATEMENTS) {
            try {
                cypher.write(statement, Map.of(), r -> r);
            } catch (ClientException e) {
                // IF NOT EXISTS is not atomic: two instances starting together on an empty database can both pass
                // the check, and the second create then fails although the rule it wanted is there.
                if (!CREATED_MEANWHILE.contains(e.code())) {
                    throw e;
                }
                LOG.debug("{} was created by another instance meanwhile", names().get(STATEMENTS.indexOf(statement)));
            }
        }
    }

    /** True when every constraint and index above exists as declared and is online (readiness checks it). */
    public boolean inPlace() {
        return Found.of(cypher.read(Deadline.NONE, INDEXES, Map.of(), GraphSchema::index), names()).online()
                == STATEMENTS.size();
    }

    /**
     * The schema as found, for the start; embedded, through Neo4j's Java API. Otherwise SHOW INDEXES: the first
     * statement a cold JVM sends also pays for loading and compiling Cypher's planner, which on a busy machine took
     * longer than a request's query timeout and failed the start. It runs with a limit of its own, long enough for a
     * start on a machine shared with heavy builds (one such start took 49 s to start Neo4j and over 30 s, the server's
     * own transaction limit, for this statement).
     */
    private Found foundAtStart() {
        // embedded, the store's own schema, read without Cypher (Neo4jServer.readEmbedded)
        Optional<List<Index>> embedded = server == null ? Optional.empty()
                : server.readEmbedded(tx -> indexes(tx.schema()));
        // a write transaction: in a cluster it goes to the leader, which has every rule another instance created
        return Found.of(embedded.orElseGet(() -> cypher.inWriteTransaction(START_TIMEOUT,
                tx -> tx.run(INDEXES, Map.of(), GraphSchema::index))), names());
    }

    /**
     * The indexes as SHOW INDEXES lists them, read through Neo4j's Java API: the same names and states, the search
     * index's consistency setting, and for an index that backs a constraint the constraint's name, which is its own.
     */
    public static List<Index> indexes(Schema schema) {
        List<Index> indexes = new ArrayList<>();
        for (IndexDefinition index : schema.getIndexes()) {
            Object consistency = index.getIndexConfiguration().get(IndexSetting.fulltext_Eventually_Consistent());
            indexes.add(new Index(index.getName(), schema.getIndexState(index).name(), Boolean.TRUE.equals(consistency),
                    index.isConstraintIndex() ? index.getName() : null));
        }
        return indexes;
    }

    /**
     * What one look at the schema found: how many of the rules are in place and online, whether the search index is an
     * old, strongly consistent one, which retired plain indexes are still there, and how many indexes are populating
     * or failed.
     */
    record Found(long online, boolean searchOutdated, List<String> retired, long populating, long failed) {

        /** Judges the indexes SHOW INDEXES listed against the rules' {@code names}. */
        static Found of(List<Index> indexes, List<String> names) {
            long online = indexes.stream().filter(i -> names.contains(i.name()) && i.online()
                    && (!i.name().equals("search") || i.eventuallyConsistent())).count();
            boolean searchOutdated = indexes.stream()
                    .anyMatch(i -> i.name().equals("search") && !i.eventuallyConsistent());
            List<String> retired = indexes.stream()
                    .filter(i -> RETIRED.contains(i.name()) && i.owningConstraint() == null).map(Index::name).toList();
            long populating = indexes.stream().filter(i -> i.state().equals("POPULATING")).count();
            long failed = indexes.stream().filter(i -> i.state().equals("FAILED")).count();
            return new Found(online, searchOutdated, retired, populating, failed);
        }
    }

    /** One index as SHOW INDEXES lists it; {@code owningConstraint} null for a plain index. */
    public record Index(String name, String state, boolean eventuallyConsistent, String owningConstraint) {

        boolean online() {
            return state.equals("ONLINE");
        }
    }

    private static final java.time.Duration START_TIMEOUT = java.time.Duration.ofMinutes(5);

    // Every look at the schema (the start's, readiness's, the wait for population) is this one plain statement, judged
    // in Java: Neo4j plans it once, where three shapes with their counts and conditions in Cypher were three plans for
    // a cold start to make.
    private static final String INDEXES = "SHOW INDEXES YIELD name, state, options, owningConstraint";

    private static Index index(org.neo4j.driver.Record r) {
        return new Index(r.get("name").asString(), r.get("state").asString(),
                r.get("options").get("indexConfig").get("fulltext.eventually_consistent").asBoolean(false),
                r.get("owningConstraint").asString(null));
    }

    /** The name each statement gives (the word after CONSTRAINT or INDEX: "CREATE FULLTEXT INDEX search" too). */
    static List<String> names() {
        return STATEMENTS.stream().map(s -> {
            Matcher name = NAME.matcher(s);
            if (!name.find()) {
                throw new IllegalStateException("a schema statement without a name: " + s);
            }
            return name.group(1);
        }).toList();
    }

    private static final Pattern NAME = Pattern.compile("\\b(?:CONSTRAINT|INDEX)\\s+(\\w+)");
}
