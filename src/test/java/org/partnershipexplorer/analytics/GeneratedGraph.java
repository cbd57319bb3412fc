package org.partnershipexplorer.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/**
 * A reproducible random partnership world, loaded through Cypher: countries in five regions, a few organisations,
 * missions, contributions and dated UN totals every year, and TRAINS / DONATES_TO relationships whose providers are
 * skewed towards a few big ones (as in the real data). Used by AnalyticsGeneratedGraphIT and the benchmark.
 */
final class GeneratedGraph {

    static final List<String> REGIONS = List.of("Africa", "Americas", "Asia", "Europe", "Oceania");

    /** The size of the world; {@code seed} makes it reproducible. */
    record Spec(int countries, int organizations, int relationships, int firstYear, int lastYear, int missions,
            long seed) {
    }

    private GeneratedGraph() {
    }

    static String country(int i) {
        return String.format("C%03d", i);
    }

    /** Loads the world into an empty database; returns the number of partnership relationships created. */
    static int load(Driver driver, Spec spec) {
        Random random = new Random(spec.seed());
        try (Session session = driver.session()) {
            List<Map<String, Object>> countries = new ArrayList<>();
            for (int i = 0; i < spec.countries(); i++) {
                countries.add(Map.of("iso3", country(i), "region", REGIONS.get(i % REGIONS.size())));
            }
            session.executeWrite(tx -> tx.run("""
                    UNWIND $rows AS row
                    CREATE (:Country:Actor {iso3: row.iso3, id: row.iso3, name: 'Country ' + row.iso3,
                            region: row.region, unMember: true, confidence: 'illustrative', source: 'generated'})
                    """, Map.of("rows", countries)).consume());
            List<String> organizations = new ArrayList<>();
            for (int i = 0; i < spec.organizations(); i++) {
                organizations.add("ORG" + i);
            }
            session.executeWrite(tx -> tx.run("""
                    UNWIND $codes AS code
                    CREATE (:Organization:Actor {code: code, id: code, name: 'Organisation ' + code, kind: 'other',
                            confidence: 'illustrative', source: 'generated'})
                    """, Map.of("codes", organizations)).consume());
            List<String> missions = new ArrayList<>();
            for (int i = 0; i < spec.missions(); i++) {
                missions.add("M" + i);
            }
            session.executeWrite(tx -> tx.run("""
                    UNWIND $acronyms AS acronym
                    CREATE (:Mission {acronym: acronym, name: 'Mission ' + acronym, startYear: $first,
                            confidence: 'illustrative', source: 'generated'})
                    """, Map.of("acronyms", missions, "first", spec.firstYear())).consume());

            List<Map<String, Object>> contributions = new ArrayList<>();
            List<Map<String, Object>> totals = new ArrayList<>();
            for (int year = spec.firstYear(); year <= spec.lastYear(); year++) {
                for (int i = 0; i < spec.countries(); i++) {
                    if (random.nextDouble() < 0.6) {
                        int n = 1 + random.nextInt(3);
                        for (int k = 0; k < n; k++) {
                            contributions.add(Map.of("iso3", country(i), "year", year,
                                    "mission", missions.get(random.nextInt(missions.size()))));
                        }
                        if (random.nextDouble() < 0.5) {
                            totals.add(Map.of("iso3", country(i), "asOf", LocalDate.of(year, 6, 30),
                                    "total", 10 + random.nextInt(6000)));
                        }
                    }
                }
            }
            session.executeWrite(tx -> tx.run("""
                    UNWIND $rows AS row
                    MATCH (c:Country {iso3: row.iso3}), (m:Mission {acronym: row.mission})
                    MERGE (c)-[k:CONTRIBUTES_TO {year: row.year}]->(m)
                    ON CREATE SET k.id = 'CONTRIBUTION:' + row.iso3 + ':' + row.mission + ':' + row.year,
                                  k.confidence = 'illustrative', k.source = 'generated'
                    """, Map.of("rows", contributions)).consume());
            session.executeWrite(tx -> tx.run("""
                    UNWIND $rows AS row
                    MATCH (c:Country {iso3: row.iso3})
                    CREATE (c)-[:REPORTED]->(:Deployment {iso3: row.iso3, asOf: row.asOf, total: row.total,
                            confidence: 'illustrative', source: 'generated'})
                    """, Map.of("rows", totals)).consume());

            List<String> actors = new ArrayList<>();
            for (int i = 0; i < spec.countries(); i++) {
                actors.add(country(i));
            }
            actors.addAll(organizations);
            int big = Math.max(1, actors.size() / 10);
            List<Map<String, Object>> batch = new ArrayList<>();
            int created = 0;
            for (int i = 0; i < spec.relationships(); i++) {
                // half the relationships come from the first tenth of the actors: a few big providers
                String provider = random.nextBoolean() ? actors.get(random.nextInt(big))
                        : actors.get(random.nextInt(actors.size()));
                String recipient = country(random.nextInt(spec.countries()));
                int year = spec.firstYear() + random.nextInt(spec.lastYear() - spec.firstYear() + 1);
                Map<String, Object> row = new HashMap<>();
                row.put("provider", provider);
                row.put("recipient", recipient);
                row.put("year", year);
                row.put("endYear", random.nextDouble() < 0.2 ? year + 1 + random.nextInt(3) : null);
                row.put("training", random.nextDouble() < 0.7);
                row.put("n", i);
                batch.add(row);
                if (batch.size() == 5000 || i == spec.relationships() - 1) {
                    List<Map<String, Object>> rows = List.copyOf(batch);
                    session.executeWrite(tx -> tx.run("""
                            UNWIND $rows AS row
                            MATCH (a:Actor {id: row.provider}), (b:Actor {id: row.recipient})
                            FOREACH (_ IN CASE WHEN row.training THEN [1] ELSE [] END |
                              CREATE (a)-[:TRAINS {id: 'TRAINING:' + row.provider + ':' + row.recipient + ':' + row.year
                                      + ':P' + row.n, year: row.year, endYear: row.endYear, program: 'P' + row.n,
                                      topic: 'topic ' + (row.n % 7), confidence: 'illustrative', source: 'generated'}]->(b))
                            FOREACH (_ IN CASE WHEN row.training THEN [] ELSE [1] END |
                              CREATE (a)-[:DONATES_TO {id: 'DONATION:' + row.provider + ':' + row.recipient + ':'
                                      + row.year + ':item ' + row.n, year: row.year, endYear: row.endYear,
                                      item: 'item ' + (row.n % 11), confidence: 'illustrative', source: 'generated'}]->(b))
                            """, Map.of("rows", rows)).consume());
                    created += rows.size();
                    batch.clear();
                }
            }
            return created;
        }
    }
}
