package org.partnershipexplorer.bench;

import java.util.List;
import java.util.Map;

/**
 * One benchmarked question: the GraphQL request the service answers, and the floor: the same answer from one
 * hand-written Cypher statement whose single column {@code data} is already the response's {@code data}.
 */
record BenchQuery(String name, String graphql, Map<String, Object> variables, String floorCypher,
        Map<String, Object> floorParameters) {

    static List<BenchQuery> all() {
        return List.of(NESTED, CHAINS, SEARCH, MINISTERIAL);
    }

    /** Countries, their trainees, the trainees' contributions and missions (the nested query). */
    static final BenchQuery NESTED = new BenchQuery("nested",
            """
            query nested($first: Int) {
              countries(first: $first) {
                edges { node { iso3 trains { id year program { code }
                  trainee { id ... on Country { contributions(years: {from: 2015, to: 2021}) {
                    year mission { acronym hosts { iso3 } } } } } } } }
              }
            }
            """, Map.of("first", 100),
            """
            MATCH (c:Country) WITH c ORDER BY c.iso3 LIMIT $first
            WITH collect({node: {iso3: c.iso3, trains: COLLECT {
              MATCH (c)-[t:TRAINS]->(a:Actor)
              RETURN {id: t.id, year: t.year,
                      program: COLLECT { MATCH (p:Program {code: t.program}) RETURN {code: p.code} }[0],
                      trainee: CASE WHEN a:Country THEN {id: a.id, contributions: COLLECT {
                        MATCH (a)-[r:CONTRIBUTES_TO]->(m:Mission) WHERE 2015 <= r.year <= 2021
                        RETURN {year: r.year, mission: {acronym: m.acronym,
                                hosts: COLLECT { MATCH (m)-[:LOCATED_IN]->(h:Country) RETURN {iso3: h.iso3} ORDER BY h.iso3 }}}
                        ORDER BY r.year, m.acronym }}
                        ELSE {id: a.id} END}
              ORDER BY t.year, t.id }}}) AS edges
            RETURN {countries: {edges: edges}} AS data
            """, Map.of("first", 100));

    /** Japan's training chains to depth 3. */
    static final BenchQuery CHAINS = new BenchQuery("trainingChains",
            """
            query chains($from: ID!) {
              trainingChains(from: $from, maxDepth: 3) { paths { length actors { id } edges { id } } }
            }
            """, Map.of("from", "JPN"),
            """
            MATCH (root:Actor {id: $from})
            CALL (root) {
              MATCH p = (root)-[:TRAINS*1..3]->(:Actor)
              WHERE all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
              RETURN p LIMIT 501
            }
            WITH p ORDER BY length(p), reduce(s = '', n IN nodes(p) | s + '>' + n.id)
            WITH collect({length: length(p), actors: [n IN nodes(p) | {id: n.id}],
                          edges: [r IN relationships(p) | {id: r.id}]}) AS paths
            RETURN {trainingChains: {paths: paths[..500]}} AS data
            """, Map.of("from", "JPN"));

    /** "Kenia", with the typo. */
    static final BenchQuery SEARCH = new BenchQuery("search",
            """
            query search($text: String!) {
              search(text: $text, first: 10) { edges { node { ... on Country { iso3 } } } }
            }
            """, Map.of("text", "Kenia"),
            """
            CALL db.index.fulltext.queryNodes('search', $query) YIELD node, score
            WITH node, score ORDER BY score DESC, coalesce(node.iso3, node.code, node.acronym) LIMIT 10
            WITH collect({node: CASE WHEN node:Country THEN {iso3: node.iso3} ELSE {} END}) AS edges
            RETURN {search: {edges: edges}} AS data
            """, Map.of("query", "(kenia^4 kenia*^2 kenia~1)"));

    /** Seoul 2021: published beside recorded figures, and who came. */
    static final BenchQuery MINISTERIAL = new BenchQuery("ministerial",
            """
            query seoul($id: ID!) {
              ministerial(id: $id) {
                id reported { participants pledgers } recorded { participants pledgers }
                attendance { actor { id } role }
              }
            }
            """, Map.of("id", "seoul-2021"),
            """
            MATCH (m:Ministerial {id: $id})
            RETURN {ministerial: {id: m.id,
              reported: {participants: m.reportedParticipants, pledgers: m.reportedPledgers},
              recorded: {participants: COUNT { MATCH (a:Actor)-[:ATTENDED]->(m) },
                         pledgers: COUNT { MATCH (a:Actor)-[:PLEDGED]->(:Pledge)-[:MADE_AT]->(m) RETURN DISTINCT a }},
              attendance: COLLECT { MATCH (a:Actor)-[r:ATTENDED]->(m)
                RETURN {actor: {id: a.id}, role: toUpper(replace(r.role, '-', '_'))}
                ORDER BY CASE r.role WHEN 'host' THEN 0 WHEN 'co-chair' THEN 1 ELSE 2 END, a.id }}} AS data
            """, Map.of("id", "seoul-2021"));
}
