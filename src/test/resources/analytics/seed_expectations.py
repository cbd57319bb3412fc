#!/usr/bin/env python3
"""Expected answers of the Support queries on the real seed, computed from src/test/resources/frozen-seed/*.csv with networkx.

An implementation independent of the service's (Java, JGraphT): SupportAnalyticsIT's expected values come from here.
Run from the repository root:  python3 src/test/resources/analytics/seed_expectations.py
Defaults mirrored from application.yml (explorer.support): window 3 years, target 3 providers, half loads 1000
personnel and 2 missions, women target 15%, weights no-support 0.30, single-provider 0.15, small-component 0.10,
peers 0.10, personnel 0.20, women 0.10, lost-providers 0.15; suggestion weights 1/0.5/1/0.5/1; the support analysis
counts VERIFIED, REPORTED and ESTIMATE rows unless told otherwise, the graph measures below every row.
"""
import csv
import math
from collections import defaultdict

import networkx as nx

SEED = "src/test/resources/frozen-seed/"
W = dict(no=0.30, single=0.15, lost=0.15, small=0.10, peers=0.10, pers=0.20, women=0.10)
WINDOW, TARGET, HALF_P, HALF_M, WOMEN_TARGET = 3, 3, 1000, 2, 0.15
ALL = ("verified", "reported", "estimate", "illustrative")
DEFAULT = ("verified", "reported", "estimate")
SOURCED = ("verified", "reported")


def rows(name):
    with open(SEED + name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


countries = {r["iso3"]: r for r in rows("countries.csv")}
relationships = []  # (kind, provider, recipient, year, end, subject, confidence)
for r in rows("trainings.csv"):
    y = int(r["year"])
    relationships.append(("TRAINING", r["trainer"], r["trainee"], y, int(r["end_year"]) if r["end_year"] else y,
                          r["program"] or r["topic"], r["confidence"]))
for r in rows("donations.csv"):
    y = int(r["year"])
    relationships.append(("DONATION", r["donor"], r["recipient"], y, int(r["end_year"]) if r["end_year"] else y,
                          r["item"], r["confidence"]))


def links(kinds, frm, to, conf=ALL, sourced_only=False):
    counts = defaultdict(int)
    for kind, p, q, y, end, _, c in relationships:
        if (kind in kinds and p != q and (to is None or y <= to) and (frm is None or end >= frm) and c in conf
                and (not sourced_only or c in SOURCED)):
            counts[(p, q)] += 1
    return counts


def support(year, kinds=("TRAINING", "DONATION"), conf=DEFAULT):
    """The contributors of the year that are not providers, ranked; and every provider's figures."""
    l = links(kinds, year - WINDOW + 1, year, conf)
    before = defaultdict(set)
    for (p, q) in links(kinds, year - WINDOW, year - 1, conf):
        before[q].add(p)
    provider_set = {p for (p, q) in links(kinds, year - WINDOW + 1, year, conf, sourced_only=True)}
    providers = defaultdict(set)
    received = defaultdict(int)
    g = nx.Graph()
    for (p, q), n in l.items():
        providers[q].add(p)
        received[q] += n
        g.add_edge(p, q)
    comps = sorted(nx.connected_components(g), key=len, reverse=True)
    size = {v: len(c) for c in comps for v in c}
    largest = len(comps[0]) if comps else 0
    missions = defaultdict(set)
    for r in rows("contributions.csv"):
        if int(r["year"]) == year:
            missions[r["iso3"]].add(r["mission"])
    in_year = {}
    upto = {}
    for r in rows("deployments.csv"):
        t = (int(r["total"]), r["as_of"], int(r["women"]) if r["women"] else None)
        if r["as_of"] <= f"{year}-12-31" and (r["iso3"] not in upto or r["as_of"] > upto[r["iso3"]][1]):
            upto[r["iso3"]] = t
        if r["as_of"].startswith(f"{year}-") and (r["iso3"] not in in_year or r["as_of"] > in_year[r["iso3"]][1]):
            in_year[r["iso3"]] = t
    contributors = {c for c, t in in_year.items() if t[0] > 0} if in_year else set(missions)
    totals = {c: in_year.get(c, upto.get(c)) for c in set(upto) | set(in_year)}
    by_mission = defaultdict(set)
    for c in contributors:
        for m in missions[c]:
            by_mission[m].add(c)
    denominator = max(W["no"], W["single"]) + W["lost"] + W["small"] + W["peers"] + W["pers"] + W["women"]
    result = {}
    for c in contributors - provider_set:
        ms = missions[c]
        k = len(providers[c])
        terms = {}
        if k == 0:
            terms["NO_SUPPORT"] = W["no"]
        if k == 1:
            terms["SINGLE_PROVIDER"] = W["single"]
        lost = before[c] - providers[c]
        if lost:
            terms["LOST_PROVIDERS"] = W["lost"] * len(lost) / len(before[c])
        if largest:
            f = 1 - size.get(c, 1) / largest
            if f > 0:
                terms["SMALL_COMPONENT"] = W["small"] * f
        peers = set().union(*(by_mission[m] for m in ms)) - {c}
        better = sum(1 for p in peers if len(providers[p]) > k)
        if better:
            terms["PEERS_WELL_SUPPORTED"] = W["peers"] * better / len(peers)
        load = totals[c][0] / (totals[c][0] + HALF_P) if c in totals else len(ms) / (len(ms) + HALF_M)
        f = load * max(0, 1 - k / TARGET)
        if f > 0:
            terms["HIGH_PERSONNEL_LOW_SUPPORT"] = W["pers"] * f
        if c in totals and totals[c][0] > 0 and totals[c][2] is not None:
            f = load * max(0, 1 - totals[c][2] / totals[c][0] / WOMEN_TARGET)
            if f > 0:
                terms["WOMEN_BELOW_TARGET"] = W["women"] * f
        result[c] = dict(score=sum(terms.values()) / denominator, peers=(better, len(peers)), largest=largest,
                         component=size.get(c, 1),
                         reasons={code: t / denominator for code, t in terms.items()},
                         providers=sorted(providers[c]), received=received[c], missions=sorted(ms),
                         personnel=totals.get(c), region=countries[c]["region"], lost=sorted(lost))
    given = defaultdict(int)
    recipients = defaultdict(set)
    for (p, q), n in l.items():
        given[p] += n
        recipients[p].add(q)
    prov = []
    for p in provider_set:
        sole = sorted(q for q in recipients[p] if len(providers[q]) == 1)
        prov.append((p, dict(recipients=len(recipients[p]), given=given[p], sole=sole,
                             contributors=len(recipients[p] & contributors), providers=len(providers[p]))))
    prov.sort(key=lambda kv: (-kv[1]["recipients"], -len(kv[1]["sole"]), kv[0]))
    return sorted(result.items(), key=lambda kv: (-kv[1]["score"], kv[0])), prov


def centrality(kinds=("TRAINING", "DONATION"), frm=None, to=None):
    l = links(kinds, frm, to)
    d = nx.DiGraph()
    for (p, q), n in l.items():
        d.add_edge(p, q, weight=n)
    b = nx.betweenness_centrality(d, normalized=False)
    pr = nx.pagerank(d, alpha=0.85, weight="weight", tol=1e-12, max_iter=10000)
    out = {}
    for v in d.nodes:
        out[v] = dict(inDegree=sum(d[u][v]["weight"] for u in d.predecessors(v)),
                      outDegree=sum(d[v][w]["weight"] for w in d.successors(v)),
                      inPartners=d.in_degree(v), outPartners=d.out_degree(v), betweenness=b[v], pageRank=pr[v])
    return sorted(out.items(), key=lambda kv: (-kv[1]["pageRank"], kv[0])), d


def components(kinds=("TRAINING", "DONATION"), frm=None, to=None):
    g = nx.Graph()
    g.add_edges_from(links(kinds, frm, to).keys())
    comps = sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), c[0]))
    return comps, g


def what_if(withdraw, kinds=("TRAINING", "DONATION")):
    l = links(kinds, None, None)
    providers = defaultdict(set)
    g = nx.Graph()
    for (p, q) in l:
        providers[q].add(p)
        g.add_edge(p, q)
    orphans = sorted(q for q, ps in providers.items() if q not in withdraw and ps <= set(withdraw))
    before = sorted((len(c) for c in nx.connected_components(g)), reverse=True)
    g.remove_nodes_from(withdraw)
    after = sorted((len(c) for c in nx.connected_components(g)), reverse=True)
    return orphans, before, after


def suggest(iso3, kinds=("TRAINING", "DONATION"), first=10):
    l = links(kinds, None, None)
    g = nx.Graph()
    g.add_edges_from(l.keys())
    given = defaultdict(int)
    for (p, q), n in l.items():
        given[p] += n
    current = {p for (p, q) in l if q == iso3}
    contributed = defaultdict(set)
    for r in rows("contributions.csv"):
        contributed[r["iso3"]].add(r["mission"])
    region = countries[iso3]["region"]
    out = []
    for c in sorted(given):
        if c == iso3 or c in current:
            continue
        common = sorted(nx.common_neighbors(g, iso3, c)) if iso3 in g else []
        aa = sum(1 / math.log(g.degree(z)) for z in common)
        shared = sorted(contributed[iso3] & contributed[c])
        same = c in countries and countries[c]["region"] == region
        score = aa + 0.5 * len(common) + min(len(shared), 5) / 5 + 0.5 * same + min(given[c], 10) / 10
        out.append((c, score, len(common), aa, shared, same, given[c], common))
    out.sort(key=lambda t: (-t[1], t[0]))
    return out[:first]


def duplicates(year):
    groups = defaultdict(set)
    for kind, p, q, y, end, subject, c in relationships:
        if y <= year <= end and subject:
            groups[(q, kind, subject)].add(p)
    return sorted((k, sorted(v)) for k, v in groups.items() if len(v) >= 2)


if __name__ == "__main__":
    for year, conf in ((2018, DEFAULT), (2021, DEFAULT), (2021, ALL)):
        ranked, prov = support(year, conf=conf)
        print(f"== isolatedContributors({year}, {conf}): {len(ranked)} contributors; providers {prov}")
        for iso3, n in ranked[:6]:
            print(f"  {iso3} {n['score']!r} {n['reasons']} providers={n['providers']} received={n['received']}"
                  f" personnel={n['personnel']} missions={n['missions']} lost={n['lost']}")
        for iso3 in ("KEN", "RWA", "BGD", "ETH"):
            n = dict(ranked).get(iso3)
            print(f"  [{iso3}] rank {[i for i, _ in ranked].index(iso3) + 1 if n else None}: {n}")
        print("  last:", ranked[-1])
    ranked, d = centrality()
    print("== centrality (all years)", len(ranked))
    for v, c in ranked[:8]:
        print(f"  {v} {c}")
    comps, g = components()
    print("== components", [len(c) for c in comps])
    print("  ", comps[1:])
    print("== cut points", sorted(nx.articulation_points(g)))
    sole = defaultdict(list)
    for v in sorted(d.nodes):
        preds = list(d.predecessors(v))
        if len(preds) == 1:
            sole[preds[0]].append(v)
    print("== sole providers", {p: len(r) for p, r in sole.items()})
    for v, c in ranked:
        if c["betweenness"] > 0:
            print(f"  betweenness {v} {c}")
    print("  KEN", dict(ranked)["KEN"])
    # the pieces each cut point leaves of its own component
    print("== cut point pieces", {v: sorted((len(c) for c in nx.connected_components(
        nx.restricted_view(g.subgraph(nx.node_connected_component(g, v)), [v], []))), reverse=True)
        for v in sorted(nx.articulation_points(g))})
    print("== sole recipients of IND", sole["IND"])
    print("== whatIf IND", what_if(["IND"]))
    print("== whatIf JPN,UN", what_if(["JPN", "UN"]))
    for s in suggest("KEN"):
        print("  suggest KEN", s)
    for s in suggest("ETH", kinds=("TRAINING",), first=3):
        print("  suggest ETH training", s)
    print("== duplicates 2018", duplicates(2018)[:10], len(duplicates(2018)))
    print("== duplicates 2021", duplicates(2021))
