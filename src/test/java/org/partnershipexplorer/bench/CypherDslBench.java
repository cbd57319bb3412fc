package org.partnershipexplorer.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.neo4j.cypherdsl.core.Cypher;
import org.neo4j.cypherdsl.core.Expression;
import org.neo4j.cypherdsl.core.Node;
import org.neo4j.cypherdsl.core.Relationship;
import org.neo4j.cypherdsl.core.Statement;
import org.neo4j.cypherdsl.core.SymbolicName;
import org.neo4j.cypherdsl.core.renderer.Renderer;
import org.partnershipexplorer.neo4j.CypherTemplate;

/**
 * What writing the translated statement of the benchmark's nested query costs with Neo4j's Cypher-DSL, every fragment
 * included (the service composes only the statement around its fragments with it, see graphql/Composed), against
 * the named templates the projections use: the same statement (a page of countries, what each trains, the programme,
 * the trainee and a country trainee's contributions with their mission and its hosts, each level a {@code COLLECT {}}
 * subquery, the root in a {@code CALL {}}) composed and rendered both ways, many times, after a warm-up. Prints both
 * renderings once, so that what Cypher-DSL writes can be read, then the median (wall and CPU time of the thread) and
 * the 90th percentile per statement of rounds of 100.
 *
 * <p>Arguments: rounds (default 100). See README, "How a query runs", for the figures and the command.
 */
public final class CypherDslBench {

    private static final Renderer RENDERER = Renderer.getDefaultRenderer();

    private CypherDslBench() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        System.out.println("Cypher-DSL 2024.5.1 renders:\n" + dsl() + "\n");
        System.out.println("the named templates write:\n" + templates() + "\n");
        long sink = 0;
        for (int i = 0; i < 2_000; i++) {
            sink += dsl().length() + templates().length();
        }
        // CPU time of this thread as well as wall time: on a machine shared with other work, the wall time of a
        // round includes the time the thread waited for a core, its CPU time does not
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] dsl = new double[rounds];
        double[] dslCpu = new double[rounds];
        double[] text = new double[rounds];
        double[] textCpu = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            // alternate the two, so that a busy machine weighs on both alike
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                sink += dsl().length();
            }
            dsl[r] = (System.nanoTime() - start) / 1000.0 / 100.0;
            dslCpu[r] = (threads.getCurrentThreadCpuTime() - cpu) / 1000.0 / 100.0;
            cpu = threads.getCurrentThreadCpuTime();
            start = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                sink += templates().length();
            }
            text[r] = (System.nanoTime() - start) / 1000.0 / 100.0;
            textCpu[r] = (threads.getCurrentThreadCpuTime() - cpu) / 1000.0 / 100.0;
        }
        for (double[] figures : List.of(dsl, dslCpu, text, textCpu)) {
            Arrays.sort(figures);
        }
        System.out.printf("per statement, %d rounds of 100: Cypher-DSL median %.1f us (CPU %.1f us), p90 %.1f us;"
                + " named templates median %.1f us (CPU %.1f us), p90 %.1f us (%d)%n", rounds, dsl[rounds / 2],
                dslCpu[rounds / 2], dsl[rounds * 9 / 10], text[rounds / 2], textCpu[rounds / 2],
                text[rounds * 9 / 10], sink % 10);
    }

    /** The statement composed with Cypher-DSL and rendered. */
    static String dsl() {
        Node country = Cypher.node("Country").named("t0");
        Relationship trains = country.relationshipTo(Cypher.node("Actor"), "TRAINS").named("t1");
        Node program = Cypher.node("Program").named("t2")
                .withProperties("code", trains.property("program"));
        SymbolicName trainee = Cypher.name("t3");
        Node asCountry = Cypher.anyNode(trainee);
        Relationship contributes = asCountry.relationshipTo(Cypher.node("Mission"), "CONTRIBUTES_TO").named("t4");
        SymbolicName mission = Cypher.name("t5");
        Node host = Cypher.node("Country").named("t6");
        Expression filter = Cypher.parameter("p2");

        Statement hosts = Cypher.match(Cypher.anyNode(mission).relationshipTo(host, "LOCATED_IN"))
                .with(host).orderBy(host.property("iso3").ascending())
                .returning(Cypher.listOf(host.property("iso3"))).build();
        Statement missionOf = Cypher.with(Cypher.endNode(contributes).as(mission))
                .returning(Cypher.listOf(Cypher.property(mission, "acronym"), Cypher.collect(hosts))).build();
        Statement contributions = Cypher.match(contributes)
                .where(Cypher.isNull(Cypher.property(filter, "from"))
                        .or(contributes.property("year").gte(Cypher.property(filter, "from"))))
                .and(Cypher.isNull(Cypher.property(filter, "to"))
                        .or(contributes.property("year").lte(Cypher.property(filter, "to"))))
                .with(contributes)
                .orderBy(contributes.property("year").ascending(),
                        Cypher.property(Cypher.endNode(contributes), "acronym").ascending())
                .returning(Cypher.listOf(contributes.property("year"),
                        Cypher.valueAt(Cypher.collect(missionOf), 0))).build();
        Expression traineeValue = Cypher.caseExpression()
                .when(Cypher.hasLabelsOrType(trainee, "Country"))
                .then(Cypher.listOf(Cypher.literalOf(0), Cypher.property(trainee, "iso3"),
                        Cypher.collect(contributions)))
                .when(Cypher.hasLabelsOrType(trainee, "Organization"))
                .then(Cypher.listOf(Cypher.literalOf(1), Cypher.property(trainee, "code")));
        Statement programOf = Cypher.match(program).returning(Cypher.listOf(program.property("code"))).build();
        Expression filter1 = Cypher.parameter("p3");
        Statement trained = Cypher.match(trains)
                .where(Cypher.isNull(Cypher.property(filter1, "from"))
                        .or(Cypher.coalesce(trains.property("endYear"), trains.property("year"))
                                .gte(Cypher.property(filter1, "from"))))
                .and(Cypher.isNull(Cypher.property(filter1, "program"))
                        .or(trains.property("program").eq(Cypher.property(filter1, "program"))))
                .with(trains)
                .orderBy(trains.property("year").ascending(), trains.property("id").ascending())
                .returning(Cypher.listOf(trains.property("id"), trains.property("year"),
                        Cypher.valueAt(Cypher.collect(programOf), 0),
                        Cypher.valueAt(Cypher.listWith(trainee).in(Cypher.listOf(Cypher.endNode(trains)))
                                .returning(traineeValue), 0))).build();
        Statement page = Cypher.match(country)
                .where(country.property("iso3").gt(Cypher.parameter("p0")))
                .with(country).orderBy(country.property("iso3").ascending()).limit(Cypher.parameter("p1"))
                .returning(Cypher.listOf(country.property("iso3"),
                        Cypher.listOf(Cypher.listOf(country.property("iso3"), Cypher.collect(trained))))).build();
        Statement root = Cypher.call(Cypher.returning(
                        Cypher.listOf(Cypher.collect(page), Cypher.literalNull()).as("r0")).build())
                .returning(Cypher.listOf(Cypher.name("r0")).as("data")).build();
        return RENDERER.render(root);
    }

    /** The same statement from named templates, as the projections write it. */
    static String templates() {
        String hosts = CypherTemplate.fill("""
                COLLECT { MATCH (${parent})-[:LOCATED_IN]->(${child}:Country) WITH ${child} ORDER BY ${child}.iso3 \
                RETURN ${object} }""", Map.of("parent", "t5", "child", "t6", "object", "[t6.iso3]"));
        String missionOf = CypherTemplate.fill("COLLECT { WITH endNode(${parent}) AS ${child} RETURN ${object} }[0]",
                Map.of("parent", "t4", "child", "t5", "object", "[t5.acronym, " + hosts + "]"));
        String contributions = CypherTemplate.fill("""
                COLLECT { MATCH (${parent})-[${child}:CONTRIBUTES_TO]->(:Mission)
                  WHERE (${filter}.from IS NULL OR ${child}.year >= ${filter}.from) \
                AND (${filter}.to IS NULL OR ${child}.year <= ${filter}.to)
                  WITH ${child} ORDER BY ${child}.year, endNode(${child}).acronym
                  RETURN ${object} }""", Map.of("parent", "t3", "child", "t4", "filter", "$p2",
                "object", "[t4.year, " + missionOf + "]"));
        String trainee = "[t3 IN [endNode(t1)] | CASE WHEN t3:Country THEN [0, t3.iso3, " + contributions
                + "] WHEN t3:Organization THEN [1, t3.code] END][0]";
        String programOf = CypherTemplate.fill("COLLECT { MATCH (${child}:Program {code: ${parent}.program}) "
                + "RETURN ${object} }[0]", Map.of("parent", "t1", "child", "t2", "object", "[t2.code]"));
        String trained = CypherTemplate.fill("""
                COLLECT { MATCH (${parent})-[${child}:TRAINS]->(:Actor) \
                WHERE (${filter}.from IS NULL OR coalesce(${child}.endYear, ${child}.year) >= ${filter}.from) \
                AND (${filter}.program IS NULL OR ${child}.program = ${filter}.program)
                  WITH ${child} ORDER BY ${child}.year, ${child}.id
                  RETURN ${object} }""", Map.of("parent", "t0", "child", "t1", "filter", "$p3",
                "object", "[t1.id, t1.year, " + programOf + ", " + trainee + "]"));
        String page = CypherTemplate.fill("""
                COLLECT { MATCH (${child}:Country) WHERE ${child}.iso3 > ${after}
                  WITH ${child} ORDER BY ${child}.iso3 LIMIT ${limit}
                  RETURN [${child}.iso3, ${object}] }""", Map.of("child", "t0", "after", "$p0", "limit", "$p1",
                "object", "[[t0.iso3, " + trained + "]]"));
        return "CALL { RETURN [" + page + ", null] AS r0 }\nRETURN [r0] AS data";
    }
}
