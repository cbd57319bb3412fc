package org.partnershipexplorer.bench;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/**
 * What the form of a statement costs Neo4j to plan the first time it sees it: the service's translation of two of the
 * peer comparison's questions (a page of countries in a region; a page of missions with their contributions of one
 * year) against the same question in plainer forms, down to the form @neo4j/graphql generates. Each form is run once
 * per round under a new name (a new text, so Neo4j plans it again), in a JVM and a Neo4j already warmed on other
 * shapes of the same kinds, so that what is left is the planning of that form; each round begins one form further
 * on; the median of the rounds is printed.
 *
 * <p>Run (after {@code mvn -q test-compile} and the classpath file of bench/README.md):
 * {@code java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
 * org.partnershipexplorer.bench.StatementFormBench [rounds] [forms]}; {@code forms}, a regular expression, keeps the
 * forms whose names contain a match
 */
public final class StatementFormBench {

    // The page's cursor condition and the COLLECT that wraps the page are the translation's; "map" returns the
    // peer's map projection instead of the translation's lists.
    private static final String REGION_ROWS = "MATCH (t0:Country) WHERE %s WITH t0 ORDER BY t0.iso3 ASC LIMIT $first "
            + "RETURN [t0.iso3, [[t0.iso3, t0.name]]]";
    private static final String CONTRIBUTIONS = "COLLECT { MATCH (:Country)-[t1:CONTRIBUTES_TO]->(t0) "
            + "WHERE t1.year >= $from AND t1.year <= $to WITH t1 ORDER BY t1.year, startNode(t1).iso3 "
            + "RETURN [coalesce(t1.id, 'CONTRIBUTION:' + startNode(t1).iso3 + ':' + endNode(t1).acronym + ':' + t1.year), "
            + "[t2 IN [startNode(t1)] | [t2.iso3]][0], t1.total] }";
    private static final String MISSION_ROWS = "MATCH (t0:Mission) %s WITH t0 ORDER BY t0.acronym ASC LIMIT $first "
            + "RETURN [t0.acronym, [[t0.acronym, t0.name, " + CONTRIBUTIONS + "]]]";

    static final Map<String, String> FORMS = forms();

    private static Map<String, String> forms() {
        Map<String, String> forms = new LinkedHashMap<>();
        String regionKeyset = String.format(REGION_ROWS, "(t0.iso3 > $after AND t0.region = $region)");
        String regionPlain = String.format(REGION_ROWS, "t0.region = $region");
        forms.put("region: the translation (COLLECT around the page, cursor condition)",
                "RETURN [[COLLECT { " + regionKeyset + " }, NULL]] AS data");
        forms.put("region: plain MATCH, cursor condition", regionKeyset + " AS data");
        forms.put("region: COLLECT around the page, no cursor condition",
                "RETURN [[COLLECT { " + regionPlain + " }, NULL]] AS data");
        forms.put("region: plain MATCH, no cursor condition", regionPlain + " AS data");
        forms.put("region: plain MATCH, cursor condition, rows collected in RETURN",
                String.format(REGION_ROWS, "(t0.iso3 > $after AND t0.region = $region)").replace("RETURN [t0.iso3",
                        "RETURN [[collect([t0.iso3").replace("t0.name]]]", "t0.name]]]), NULL]]") + " AS data");
        forms.put("region: the translation of a page asked alone (rows collected in a WITH, lists)",
                regionPlain.replace("RETURN [t0.iso3", "WITH collect([t0.iso3").replace("t0.name]]]",
                        "t0.name]]]) AS rows RETURN [[rows, NULL]]") + " AS data");
        forms.put("region: a page asked alone as a record a row, objects as maps",
                regionPlain.replace("[[t0.iso3, t0.name]]", "[{iso3: t0.iso3, name: t0.name}]") + " AS data");
        // which part of the lone page's form costs the planning: its collect, the lists' nesting, or lists at all
        String regionPage = "MATCH (t0:Country) WHERE t0.region = $region WITH t0 ORDER BY t0.iso3 ASC LIMIT $first ";
        forms.put("region: a page asked alone, rows collected in RETURN, no wrapper",
                regionPage + "RETURN collect([t0.iso3, [[t0.iso3, t0.name]]]) AS data");
        forms.put("region: a page asked alone, rows collected, two levels of lists",
                regionPage + "RETURN collect([t0.iso3, [t0.iso3, t0.name]]) AS data");
        forms.put("region: a page asked alone, rows collected, one flat list",
                regionPage + "RETURN collect([t0.iso3, t0.iso3, t0.name]) AS data");
        forms.put("region: a page asked alone, map projections collected",
                regionPage + "RETURN collect(t0 {.iso3, .name}) AS data");
        // a lone page's rows as maps the reader could take apart by key, the cursor's key under a name no GraphQL
        // field can have. (Entries written out alone, t0 {iso3: t0.iso3, ...}, are not a form of their own: Neo4j
        // rewrites t0 {.iso3} to them and finds the plan of the form above in its cache, 12.7 ms.)
        forms.put("region: a page asked alone, map projections with the key and written entries collected",
                regionPage + "RETURN collect(t0 {`:key`: t0.iso3, iso3: t0.iso3, name: t0.name}) AS data");
        forms.put("region: a page asked alone, map literals with the key collected in a WITH, wrapped with the total",
                regionPage + "WITH collect({`:key`: t0.iso3, iso3: t0.iso3, name: t0.name}) AS rows "
                        + "RETURN [[rows, NULL]] AS data");
        forms.put("region: a page asked alone, map literals with the key collected",
                regionPage + "RETURN collect({`:key`: t0.iso3, iso3: t0.iso3, name: t0.name}) AS data");
        forms.put("region: a page asked alone, map projections with the key collected, wrapped with the total",
                regionPage + "RETURN [[collect(t0 {`:key`: t0.iso3, iso3: t0.iso3, name: t0.name}), NULL]] AS data");
        forms.put("region: a page asked alone, map literals with the key collected in RETURN, wrapped with the total",
                regionPage + "RETURN [[collect({`:key`: t0.iso3, iso3: t0.iso3, name: t0.name}), NULL]] AS data");
        String regionNow = regionPage + "RETURN collect({iso3: t0.iso3, name: t0.name}) AS data";
        forms.put("region: a page asked alone, map literals without the key collected", regionNow);
        // the same statement under Cypher's options for one query, each tried for a cheaper plan of a new text: the
        // interpreted runtime (no slotted pipeline to build), the planner's exhaustive search, no labels inferred
        for (String option : List.of("runtime=interpreted", "planner=dp", "inferSchemaParts=off")) {
            forms.put("region: the form above, CYPHER " + option, "CYPHER " + option + " " + regionNow);
        }
        forms.put("region: a page asked alone as a record a row, one flat list",
                regionPage + "RETURN [t0.iso3, t0.name] AS data");
        forms.put("region: the peer's form under the translation's names",
                regionPage + "RETURN t0 {.iso3, .name} AS data");
        forms.put("region: the peer's form (plain MATCH, map projection)", "MATCH (this:Country) WHERE "
                + "this.region = $region WITH * ORDER BY this.iso3 ASC LIMIT $first RETURN this { .iso3, .name } AS data");
        String missionsKeyset = String.format(MISSION_ROWS, "WHERE t0.acronym > $after");
        String missionsPlain = String.format(MISSION_ROWS, "");
        forms.put("missions: the translation (COLLECT around the page, cursor condition)",
                "RETURN [[COLLECT { " + missionsKeyset + " }, NULL]] AS data");
        forms.put("missions: plain MATCH, cursor condition", missionsKeyset + " AS data");
        forms.put("missions: plain MATCH, no cursor condition", missionsPlain + " AS data");
        forms.put("missions: plain MATCH, cursor condition, rows collected in RETURN", "MATCH (t0:Mission) "
                + "WHERE t0.acronym > $after WITH t0 ORDER BY t0.acronym ASC LIMIT $first RETURN [[collect([t0.acronym, "
                + "[[t0.acronym, t0.name, " + CONTRIBUTIONS + "]]]), NULL]] AS data");
        // the contributions' parts one at a time: their order, their computed id, the country read through startNode
        String unordered = CONTRIBUTIONS.replace(" WITH t1 ORDER BY t1.year, startNode(t1).iso3", "");
        String plainId = CONTRIBUTIONS.replace("coalesce(t1.id, 'CONTRIBUTION:' + startNode(t1).iso3 + ':' + "
                + "endNode(t1).acronym + ':' + t1.year)", "t1.id");
        String boundCountry = CONTRIBUTIONS.replace("MATCH (:Country)-[t1", "MATCH (t2:Country)-[t1")
                .replace("[t2 IN [startNode(t1)] | [t2.iso3]][0]", "[t2.iso3]")
                .replace("WITH t1 ORDER BY t1.year, startNode(t1).iso3", "WITH t1, t2 ORDER BY t1.year, t2.iso3");
        String asCall = "CALL (t0) { " + CONTRIBUTIONS.substring("COLLECT { ".length(), CONTRIBUTIONS.length() - 2)
                .replace("RETURN [coalesce", "RETURN collect([coalesce").replace("t1.total]", "t1.total]) AS c") + " }";
        forms.put("missions: contributions unordered", "RETURN [[COLLECT { "
                + missionsKeyset.replace(CONTRIBUTIONS, unordered) + " }, NULL]] AS data");
        forms.put("missions: contributions' stored id alone", "RETURN [[COLLECT { "
                + missionsKeyset.replace(CONTRIBUTIONS, plainId) + " }, NULL]] AS data");
        forms.put("missions: contributions' country bound in the pattern", "RETURN [[COLLECT { "
                + missionsKeyset.replace(CONTRIBUTIONS, boundCountry) + " }, NULL]] AS data");
        forms.put("missions: contributions in a CALL subquery", "RETURN [[COLLECT { MATCH (t0:Mission) "
                + "WHERE t0.acronym > $after WITH t0 ORDER BY t0.acronym ASC LIMIT $first " + asCall
                + " RETURN [t0.acronym, [[t0.acronym, t0.name, c]]] }, NULL]] AS data");
        String boundPlainId = boundCountry.replace("coalesce(t1.id, 'CONTRIBUTION:' + startNode(t1).iso3 + ':' + "
                + "endNode(t1).acronym + ':' + t1.year)", "t1.id");
        forms.put("missions: contributions' country bound, stored id", "RETURN [[COLLECT { "
                + missionsKeyset.replace(CONTRIBUTIONS, boundPlainId) + " }, NULL]] AS data");
        forms.put("missions: contributions' country bound, stored id, unordered", "RETURN [[COLLECT { "
                + missionsKeyset.replace(CONTRIBUTIONS, boundPlainId.replace(" WITH t1, t2 ORDER BY t1.year, t2.iso3",
                        "")) + " }, NULL]] AS data");
        String storedId = "coalesce(t1.id, 'CONTRIBUTION:' + startNode(t1).iso3 + ':' + endNode(t1).acronym + ':' + t1.year)";
        forms.put("missions: stored id, country inlined", "RETURN [[COLLECT { " + missionsKeyset.replace(CONTRIBUTIONS,
                CONTRIBUTIONS.replace(storedId, "t1.id").replace("[t2 IN [startNode(t1)] | [t2.iso3]][0]",
                        "[startNode(t1).iso3]")) + " }, NULL]] AS data");
        forms.put("missions: stored id, ordered by the bound country", "RETURN [[COLLECT { "
                + missionsKeyset.replace(CONTRIBUTIONS, CONTRIBUTIONS.replace(storedId, "t1.id")
                        .replace("MATCH (:Country)-[t1", "MATCH (c:Country)-[t1")
                        .replace("WITH t1 ORDER BY t1.year, startNode(t1).iso3", "WITH t1, c ORDER BY t1.year, c.iso3"))
                + " }, NULL]] AS data");
        forms.put("missions: the peer's form, contributions ordered", "MATCH (this:Mission) WITH * "
                + "ORDER BY this.acronym ASC LIMIT $first CALL (this) { MATCH (this)<-[this0:CONTRIBUTES_TO]-(this1:Country) "
                + "WHERE (this0.year >= $from AND this0.year <= $to) WITH this0, this1 ORDER BY this0.year, this1.iso3 "
                + "RETURN collect(this0 { .id, .total, country: this1 { .iso3 } }) AS var2 } "
                + "RETURN this { .acronym, .name, contributions: var2 } AS data");
        forms.put("missions: the peer's form (CALL subquery, map projection)", "MATCH (this:Mission) WITH * "
                + "ORDER BY this.acronym ASC LIMIT $first CALL (this) { MATCH (this)<-[this0:CONTRIBUTES_TO]-(this1:Country) "
                + "WHERE (this0.year >= $from AND this0.year <= $to) WITH collect({ node: this1, relationship: this0 }) "
                + "AS edges UNWIND edges AS edge WITH edge.node AS this1, edge.relationship AS this0 "
                + "RETURN collect(this0 { .id, .total, country: this1 { .iso3 } }) AS var2 } "
                + "RETURN this { .acronym, .name, contributions: var2 } AS data");
        return forms;
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        // a second argument keeps the forms whose names it finds (a regular expression), for a longer run of a few
        java.util.regex.Pattern only = java.util.regex.Pattern.compile(args.length > 1 ? args[1] : "");
        Map<String, Object> properties = new HashMap<>();
        properties.put("explorer.neo4j.uri", "");
        properties.put("explorer.neo4j.data-dir",
                Path.of("target", "bench", "forms-" + System.currentTimeMillis()).toAbsolutePath().toString());
        properties.put("explorer.neo4j.bolt-port", 0);
        properties.put("explorer.seed.mode", "if-empty");
        Map<String, Object> parameters = Map.of("after", "", "region", "Africa", "first", 101, "from", 2021, "to", 2021);
        try (ApplicationContext context = ApplicationContext.run(properties);
                Session session = context.getBean(Driver.class).session()) {
            // warm the JVM and the planner on other shapes of the same kinds, each text new to Neo4j
            for (int i = 0; i < 30; i++) {
                session.run("MATCH (c:Country) WHERE c.iso3 > $after WITH c ORDER BY c.iso3 LIMIT " + (i + 1)
                        + " RETURN c.name AS n" + i, parameters).list();
                session.run("RETURN [[COLLECT { MATCH (o:Organization) WHERE o.code > $after RETURN o.code }, NULL]] AS w"
                        + i, parameters).list();
                session.run("MATCH (m:Mission) WITH m ORDER BY m.acronym LIMIT " + (i + 1)
                        + " RETURN m { .acronym, x: COLLECT { MATCH (m)<-[r:CONTRIBUTES_TO]-() RETURN r.year } } AS z" + i,
                        parameters).list();
            }
            Map<String, List<Double>> firstRuns = new LinkedHashMap<>();
            List<String> names = List.copyOf(FORMS.keySet());
            for (int round = 0; round < rounds; round++) {
                // each round starts one form further on, so that no form is always the first after the warm-up
                List<Map.Entry<String, String>> order = new ArrayList<>(FORMS.entrySet().stream()
                        .filter(form -> only.matcher(form.getKey()).find()).toList());
                Collections.rotate(order, -round);
                for (Map.Entry<String, String> form : order) {
                    // a name of its own for every form in every round: Neo4j keeps a plan by the statement as it
                    // rewrites it, so two forms that differ only in an option Neo4j reads before the statement, or
                    // in what its rewriting removes, would otherwise share one plan within a round
                    String text = form.getValue()
                            .replace(" AS data", " AS data" + round + "_" + names.indexOf(form.getKey()));
                    long started = System.nanoTime();
                    session.run(text, parameters).list();
                    firstRuns.computeIfAbsent(form.getKey(), k -> new ArrayList<>())
                            .add((System.nanoTime() - started) / 1e6);
                }
            }
            System.out.println("| statement form | first run, median ms | fastest | slowest |");
            System.out.println("|---|---|---|---|");
            firstRuns.forEach((form, runs) -> {
                List<Double> sorted = new ArrayList<>(runs);
                Collections.sort(sorted);
                System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f |%n", form, sorted.get(sorted.size() / 2),
                        sorted.get(0), sorted.get(sorted.size() - 1));
            });
        }
    }
}
