#!/usr/bin/env python3
"""Check a seed folder against the contract (docs/graph-model.md) and the coverage targets.

Usage:  python3 graph-seed/tools/check_seed.py [graph-seed] [--no-targets]

Reports every problem as `file:line: column: what is wrong` (all of them, not only the first),
then counts per file and confidence, checks that the graph stays valid when every
`illustrative` row is removed, checks every `source_ids` cell against sources.csv, and prints
the coverage of the partnership data (per kind, provider, year and publisher) against the
targets in TARGETS (--no-targets: print them, but do not fail on them; for seeds other than
the bundled one). Exit status 1 when anything is wrong. Standard library only.
"""
import csv
import os
import re
import sys
from collections import Counter, OrderedDict, defaultdict

CONFIDENCE = {"verified", "reported", "estimate", "illustrative"}
CATEGORY = {"CAPABILITY", "TRAINING", "CAPACITY_BUILDING", "MEDICAL", "WOMEN", "ENVIRONMENT",
            "TECHNOLOGY", "FINANCIAL", "OTHER"}
STATUS = {"pledged", "in_progress", "delivered", "lapsed", "unknown"}
ROLE = {"host", "co-chair", "participant"}
KIND = {"un", "regional", "alliance", "other"}

# file -> (required columns, optional columns, key columns)
SPEC = OrderedDict([
    ("countries.csv", ("iso3,name,region,confidence,source", "iso2,subregion,un_regional_group,un_member", "iso3")),
    ("organizations.csv", ("code,name,confidence,source", "kind", "code")),
    ("memberships.csv", ("iso3,organization,confidence,source", "since", "iso3,organization")),
    ("missions.csv", ("acronym,name,start_year,confidence,source", "location,host_iso3,end_year", "acronym")),
    ("programs.csv", ("code,name,confidence,source", "url", "code")),
    ("contributions.csv", ("iso3,mission,year,confidence,source", "total,troops,police,experts,women,as_of", "iso3,mission,year")),
    ("deployments.csv", ("iso3,as_of,total,confidence,source", "women,troops,police,experts", "iso3,as_of")),
    ("trainings.csv", ("trainer,trainee,year,confidence,source", "end_year,program,topic,trainees", "trainer,trainee,year,program")),
    ("donations.csv", ("donor,recipient,item,year,confidence,source", "end_year,quantity,value_usd,program", "donor,recipient,year,item")),
    ("ministerials.csv", ("id,name,start_date,confidence,source",
                          "end_date,city,host_iso3,reported_participants,reported_ministerial_level,reported_organizations,"
                          "reported_pledgers,reported_capability_pledgers,reported_training_pledgers,reported_medical_pledgers,"
                          "reported_women_pledgers,reported_environment_pledgers", "id")),
    ("pledges.csv", ("id,pledger,ministerial,category,confidence,source",
                     "description,quantity,unit,beneficiary,mission,status,delivered_quantity,delivered_year", "id")),
    ("attendance.csv", ("actor,ministerial,role,confidence,source", "level", "actor,ministerial")),
])

MAX_KEY = 200   # the loader's bound on a key cell (SeedFile.MAX_KEY_LENGTH)
# The patterns of keys (docs/graph-model.md, "Keys"; the loader's ValueType ISO3, CODE and SLUG). The columns that
# name a key are checked against the keys defined, so the defining columns are enough here.
ISO3_RE = re.compile(r"^[A-Z]{3}$")
CODE_RE = re.compile(r"^[A-Z0-9]+(?:[ -][A-Z0-9]+)*$")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
KEY_PATTERNS = {
    ("countries.csv", "iso3"): (ISO3_RE, "three capital letters A-Z"),
    ("organizations.csv", "code"): (CODE_RE, "capital letters and digits, words joined by single hyphens or spaces"),
    ("programs.csv", "code"): (CODE_RE, "capital letters and digits, words joined by single hyphens or spaces"),
    ("missions.csv", "acronym"): (CODE_RE, "capital letters and digits, words joined by single hyphens or spaces"),
    ("ministerials.csv", "id"): (SLUG_RE, "lower-case letters and digits, words joined by single hyphens"),
    ("pledges.csv", "id"): (SLUG_RE, "lower-case letters and digits, words joined by single hyphens"),
}
CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# Files whose sourced rows must cite their pages by id (sources.csv), not only by URL text.
CITED_BY_ID = ("trainings.csv", "donations.csv")
YEAR_COLS = {"year", "end_year", "start_year", "since", "delivered_year"}
COUNT_COLS = {"total", "troops", "police", "experts", "women", "trainees", "quantity", "value_usd",
              "delivered_quantity", "sites"} | {c for c in SPEC["ministerials.csv"][1].split(",") if c.startswith("reported_")} \
    | {"reported_technology_pledgers"}
DATE_COLS = {"as_of", "start_date", "end_date"}
BOOL_COLS = {"un_member"}
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
INT_RE = re.compile(r"^\d+$")


# What the bundled seed must reach (graph-seed/README.md, "Coverage").
TARGETS = dict(
    sourced_relationships=600,   # trainings + donations, verified or reported
    donations=150,
    providers=30,
    recipients=80,
    per_start_year=10,           # relationships starting in each year of START_YEARS
    publishers=15,
    max_source_share=0.10,       # no single source supports more than this share of relationships
    un_total_years=5,            # years 2015..2025 with a UN total of uniformed personnel
)
START_YEARS = range(2010, 2025)
SOURCED = {"verified", "reported"}


def partnership_id(kind, provider, recipient, year, last):
    """The stable id the loader gives a training or donation: kind, then the key cells, an empty one left out."""
    return ":".join([kind] + [c for c in (provider, recipient, year, last) if c])


def delivered_by(cell):
    """The ids of a `delivered_by` cell, `;`-separated; a part that does not begin with a kind continues the id
    before it (a donation's item may hold a `;`), as the loader reads it."""
    ids = []
    for part in cell.split(";"):
        if ids and not re.match(r"\s*(TRAINING|DONATION):", part):
            ids[-1] += ";" + part
        elif part.strip():
            ids.append(part)
    return [i.strip(" ") for i in ids]


class Checker:
    def __init__(self, folder):
        self.folder = folder
        self.errors = []
        self.rows = {}     # file -> list of (line, row)

    def err(self, f, line, col, msg):
        self.errors.append("%s:%s: %s: %s" % (f, line, col, msg))

    def load(self):
        for f, (req, opt, key) in SPEC.items():
            path = os.path.join(self.folder, f)
            if not os.path.exists(path):
                self.rows[f] = []
                continue
            raw = open(path, "rb").read()
            if raw.startswith(b"\xef\xbb\xbf"):
                self.err(f, 1, "-", "file starts with a UTF-8 BOM")
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as e:
                self.err(f, 1, "-", "not UTF-8: %s" % e)
                continue
            reader = csv.DictReader(text.lstrip("\ufeff").splitlines())
            header = reader.fieldnames or []
            for c in req.split(","):
                if c not in header:
                    self.err(f, 1, c, "required column missing")
            if len(set(header)) != len(header):
                self.err(f, 1, "-", "duplicate column names")
            rows = []
            for i, r in enumerate(reader, start=2):
                if None in r:
                    self.err(f, i, "-", "more cells than header columns")
                # spaces only, as the loader: a control character around a key is reported, not dropped
                rows.append((i, {k: (v or "").strip(" ") for k, v in r.items() if k is not None}))
            self.rows[f] = rows

    def check_values(self):
        for f, rows in self.rows.items():
            req = SPEC[f][0].split(",")
            keycols = SPEC[f][2].split(",")
            seen = {}
            for line, r in rows:
                for c in req:
                    if c in r and r[c] == "" and c not in ("source", "confidence"):
                        self.err(f, line, c, "required value is empty")
                if r.get("confidence", "") not in CONFIDENCE:
                    self.err(f, line, "confidence", "unknown confidence %r" % r.get("confidence", ""))
                if not r.get("source"):
                    self.err(f, line, "source", "missing source")
                for c in keycols:
                    if len(r.get(c, "")) > MAX_KEY:
                        self.err(f, line, c, "a key of %d characters; the loader holds keys to %d" % (len(r[c]), MAX_KEY))
                    if CONTROL_RE.search(r.get(c, "")):
                        self.err(f, line, c, "a key holds a control character: %r" % r[c])
                    pattern = KEY_PATTERNS.get((f, c))
                    if pattern and r.get(c) and not pattern[0].match(r[c]):
                        self.err(f, line, c, "%r is not a key of this kind: %s" % (r[c], pattern[1]))
                for c, v in r.items():
                    if v == "":
                        continue
                    if c in YEAR_COLS:
                        if not INT_RE.match(v) or not 1945 <= int(v) <= 2100:
                            self.err(f, line, c, "year out of range (1945..2100, as the loader) or not a number: %r" % v)
                    elif c in COUNT_COLS:
                        if v.startswith("-"):
                            self.err(f, line, c, "negative count %r" % v)
                        elif not INT_RE.match(v):
                            self.err(f, line, c, "not a number: %r" % v)
                    elif c in DATE_COLS:
                        if not DATE_RE.match(v):
                            self.err(f, line, c, "not an ISO 8601 date: %r" % v)
                    elif c in BOOL_COLS and v not in ("true", "false"):
                        self.err(f, line, c, "not a boolean: %r" % v)
                key = tuple(r.get(c, "") for c in keycols)
                if key in seen:
                    self.err(f, line, ",".join(keycols), "duplicate key %s (first on line %d)" % (key, seen[key]))
                else:
                    seen[key] = line
                for a, b in (("year", "end_year"), ("start_year", "end_year"), ("start_date", "end_date")):
                    if r.get(a) and r.get(b) and r[b] < r[a]:
                        self.err(f, line, b, "%s %s is before %s %s" % (b, r[b], a, r[a]))

    def check_refs(self, drop_illustrative=False):
        """Referential and vocabulary rules; with drop_illustrative, as the loader would see it."""
        errs = []

        def rows(f):
            return [(l, r) for l, r in self.rows[f] if not (drop_illustrative and r.get("confidence") == "illustrative")]

        def e(f, line, col, msg):
            errs.append("%s:%s: %s: %s" % (f, line, col, msg))

        countries = {r["iso3"] for _, r in rows("countries.csv")}
        orgs = {r["code"] for _, r in rows("organizations.csv")}
        actors = countries | orgs
        missions = {r["acronym"] for _, r in rows("missions.csv")}
        programs = {r["code"] for _, r in rows("programs.csv")}
        ministerials = {r["id"] for _, r in rows("ministerials.csv")}
        for l, r in rows("organizations.csv"):
            if r["code"] in countries:
                e("organizations.csv", l, "code", "organisation code %s clashes with a country iso3" % r["code"])
            if r.get("kind") and r["kind"] not in KIND:
                e("organizations.csv", l, "kind", "unknown kind %r" % r["kind"])
        for l, r in rows("memberships.csv"):
            if r["iso3"] not in countries:
                e("memberships.csv", l, "iso3", "unknown country %r" % r["iso3"])
            if r["organization"] not in orgs:
                e("memberships.csv", l, "organization", "unknown organisation %r" % r["organization"])
        for l, r in rows("missions.csv"):
            for h in filter(None, r.get("host_iso3", "").split(";")):
                if h not in countries:
                    e("missions.csv", l, "host_iso3", "unknown country %r" % h)
        for f, col, allowed, what in (
                ("contributions.csv", "iso3", countries, "country"),
                ("contributions.csv", "mission", missions, "mission"),
                ("deployments.csv", "iso3", countries, "country"),
                ("trainings.csv", "trainer", actors, "actor"),
                ("trainings.csv", "trainee", actors, "actor"),
                ("trainings.csv", "program", programs, "program"),
                ("donations.csv", "donor", actors, "actor"),
                ("donations.csv", "recipient", actors, "actor"),
                ("donations.csv", "program", programs, "program"),
                ("ministerials.csv", "host_iso3", countries, "country"),
                ("pledges.csv", "pledger", actors, "actor"),
                ("pledges.csv", "ministerial", ministerials, "ministerial"),
                ("pledges.csv", "beneficiary", actors, "actor"),
                ("pledges.csv", "mission", missions, "mission"),
                ("attendance.csv", "actor", actors, "actor"),
                ("attendance.csv", "ministerial", ministerials, "ministerial")):
            for l, r in rows(f):
                v = r.get(col, "")
                if v and v not in allowed:
                    e(f, l, col, "unknown %s %r" % (what, v))
        for l, r in rows("pledges.csv"):
            if r["category"] not in CATEGORY:
                e("pledges.csv", l, "category", "unknown category %r" % r["category"])
            if r.get("status") and r["status"] not in STATUS:
                e("pledges.csv", l, "status", "unknown status %r" % r["status"])
        partnerships = {partnership_id("TRAINING", r["trainer"], r["trainee"], r["year"], r.get("program", ""))
                        for _, r in rows("trainings.csv")}
        partnerships |= {partnership_id("DONATION", r["donor"], r["recipient"], r["year"], r["item"])
                         for _, r in rows("donations.csv")}
        for l, r in rows("pledges.csv"):
            for pid in delivered_by(r.get("delivered_by", "")):
                if pid not in partnerships:
                    e("pledges.csv", l, "delivered_by", "unknown partnership %r (not the id of a row of trainings.csv "
                                                        "or donations.csv)" % pid)
        for l, r in rows("attendance.csv"):
            if r["role"] not in ROLE:
                e("attendance.csv", l, "role", "unknown role %r" % r["role"])
        return errs

    def load_sources(self):
        """sources.csv (id,url,title,publisher,published,accessed) and every source_ids cell."""
        path = os.path.join(self.folder, "sources.csv")
        self.sources = {}
        if not os.path.exists(path):
            return
        with open(path, newline="", encoding="utf-8") as fh:
            for i, r in enumerate(csv.DictReader(fh), start=2):
                if not r.get("id") or not r.get("url"):
                    self.err("sources.csv", i, "id", "a source needs an id and a url")
                elif r["id"] in self.sources:
                    self.err("sources.csv", i, "id", "duplicate id %r" % r["id"])
                else:
                    self.sources[r["id"]] = r
        for f in CITED_BY_ID:
            for line, r in self.rows.get(f, []):
                if r.get("confidence") in SOURCED and not r.get("source_ids", "").strip():
                    self.err(f, line, "source_ids", "a sourced partnership cites no source id: its page must be a row "
                                                     "of sources.csv (title, publisher, dates)")
        for line, r in self.rows.get("donations.csv", []):
            rate_source = r.get("usd_rate_source", "")
            if rate_source and rate_source not in self.sources:
                self.err("donations.csv", line, "usd_rate_source", "unknown source id %r (not in sources.csv)" % rate_source)
            if bool(rate_source) != bool(r.get("usd_rate")):
                self.err("donations.csv", line, "usd_rate", "a converted USD figure needs both its rate and the rate's source")
        for f, rows in self.rows.items():
            for line, r in rows:
                for sid in filter(None, (x.strip() for x in r.get("source_ids", "").split(";"))):
                    if sid not in self.sources:
                        self.err(f, line, "source_ids", "unknown source id %r (not in sources.csv)" % sid)

    def coverage(self, enforce):
        """Counts of the sourced partnership data, checked against TARGETS when enforce is true."""
        rels = [("training", r.get("trainer"), r.get("trainee"), r) for _, r in self.rows["trainings.csv"]] + \
               [("donation", r.get("donor"), r.get("recipient"), r) for _, r in self.rows["donations.csv"]]
        sourced = [x for x in rels if x[3].get("confidence") in SOURCED]
        kinds = Counter(k for k, _, _, _ in sourced)
        providers = Counter(p for _, p, _, _ in sourced)
        recipients = Counter(q for _, _, q, _ in sourced)
        starts = Counter(int(r["year"]) for _, _, _, r in sourced if r.get("year", "").isdigit())
        per_source = Counter()
        publishers = Counter()
        for _, _, _, r in sourced:
            ids = [x.strip() for x in r.get("source_ids", "").split(";") if x.strip()]
            per_source.update(ids or [r.get("source", "")])
            publishers.update({self.sources[i].get("publisher", "") for i in ids if i in self.sources})
        donations = [r for k, _, _, r in sourced if k == "donation"]
        with_amount = [r for r in donations if r.get("amount") or r.get("value_usd")]
        with_usd = [r for r in donations if r.get("value_usd")]
        top_source, top_count = per_source.most_common(1)[0] if per_source else ("", 0)
        share = top_count / len(sourced) if sourced else 0.0
        deploy_years = Counter(r["as_of"][:4] for _, r in self.rows["deployments.csv"]
                               if r.get("confidence") == "verified" and r.get("as_of", "")[:4].isdigit())
        un_years = sorted(y for y, n in deploy_years.items() if 2015 <= int(y) <= 2025 and n >= 100)

        print()
        print("Coverage (sourced = verified or reported)")
        print("  relationships: %d (training %d, donation %d)" % (len(sourced), kinds["training"], kinds["donation"]))
        converted = [r for r in with_usd if r.get("usd_rate")]
        print("  donations with an amount: %d, with a USD figure: %d (%d of them converted at an annual average rate)"
              % (len(with_amount), len(with_usd), len(converted)))
        print("  providers: %d, recipients: %d" % (len(providers), len(recipients)))
        print("  by provider: " + ", ".join("%s %d" % kv for kv in providers.most_common()))
        print("  starting per year: " + ", ".join("%d %d" % (y, starts[y]) for y in sorted(starts)))
        print("  sources cited: %d, publishers: %d; largest share of one source: %.1f%% (%s, %d relationships)"
              % (len(per_source), len(publishers), 100 * share, top_source, top_count))
        print("  UN totals of uniformed personnel (100+ countries on a date) in: %s" % ", ".join(un_years))
        pledges = Counter(r.get("ministerial", "") for _, r in self.rows["pledges.csv"] if r.get("confidence") in SOURCED)
        print("  pledges per ministerial: " + ", ".join("%s %d" % kv for kv in sorted(pledges.items())))
        illustrative = sum(1 for rows in self.rows.values() for _, r in rows if r.get("confidence") == "illustrative")
        print("  illustrative rows: %d" % illustrative)
        if not enforce:
            return
        t = TARGETS
        checks = [
            (len(sourced) >= t["sourced_relationships"], "%d sourced relationships, target %d" % (len(sourced), t["sourced_relationships"])),
            (kinds["donation"] >= t["donations"], "%d sourced donations, target %d" % (kinds["donation"], t["donations"])),
            (len(providers) >= t["providers"], "%d providers, target %d" % (len(providers), t["providers"])),
            (len(recipients) >= t["recipients"], "%d recipients, target %d" % (len(recipients), t["recipients"])),
            (len(publishers) >= t["publishers"], "%d publishers, target %d" % (len(publishers), t["publishers"])),
            (share <= t["max_source_share"], "source %s supports %.1f%% of relationships, at most %.0f%%"
             % (top_source, 100 * share, 100 * t["max_source_share"])),
            (len(un_years) >= t["un_total_years"] and "2021" in un_years,
             "UN totals in %d years (%s), target %d including 2021" % (len(un_years), ", ".join(un_years), t["un_total_years"])),
            (illustrative == 0, "%d illustrative rows in the bundled seed, target 0" % illustrative),
        ]
        checks += [(starts[y] >= t["per_start_year"], "%d relationships start in %d, target %d" % (starts[y], y, t["per_start_year"]))
                   for y in START_YEARS]
        for ok, what in checks:
            if not ok:
                self.errors.append("coverage: " + what)

    def report(self):
        print("%-18s %6s  %s" % ("file", "rows", "per confidence"))
        totals = Counter()
        for f, rows in self.rows.items():
            c = Counter(r.get("confidence", "") for _, r in rows)
            totals.update(c)
            print("%-18s %6d  %s" % (f, len(rows), ", ".join("%s %d" % (k, c[k]) for k in
                                                              ("verified", "reported", "estimate", "illustrative") if c[k])))
        print("%-18s %6d  %s" % ("TOTAL", sum(totals.values()), ", ".join("%s %d" % (k, totals[k]) for k in
                                                                           ("verified", "reported", "estimate", "illustrative"))))
        members = sum(1 for _, r in self.rows["countries.csv"] if r.get("un_member") == "true")
        print("UN member states: %d" % members)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    folder = args[0] if args else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ch = Checker(folder)
    ch.load()
    ch.load_sources()
    ch.check_values()
    ch.errors += ch.check_refs()
    no_illu = ch.check_refs(drop_illustrative=True)
    ch.report()
    if no_illu:
        ch.errors += ["(without illustrative rows) " + x for x in no_illu]
    members = sum(1 for _, r in ch.rows["countries.csv"] if r.get("un_member") == "true")
    if members != 193:
        ch.errors.append("countries.csv:-: un_member: %d rows are UN members, expected 193" % members)
    ch.coverage(enforce="--no-targets" not in sys.argv)
    for e in ch.errors:
        print(e)
    print("RESULT: %s (%d problem%s)" % ("FAIL" if ch.errors else "PASS", len(ch.errors), "" if len(ch.errors) == 1 else "s"))
    sys.exit(1 if ch.errors else 0)


if __name__ == "__main__":
    main()
