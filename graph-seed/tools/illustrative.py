#!/usr/bin/env python3
"""Step 2 of the seed build: ILLUSTRATIVE training edges (confidence `illustrative`).

Several sources publish only an aggregate ("1,618 foreigners from 41 countries trained at
BIPSOT by 2018") without naming the countries. So that the explorer has enough edges to be
worth exploring, this step adds a modest number of TRAINS edges whose *pairs are not sourced*.
Every row says so in its `source`, names the real aggregate that motivated it, and carries
confidence `illustrative`; loading with EXPLORER_SEED_ILLUSTRATIVE=false drops them all.

Rules that keep the graph valid without them:
  * only relationships are added, never nodes (trainers, trainees and programmes already exist);
  * no sourced row refers to anything created here.

Deterministic: candidates are ranked by how many (mission, year) pairs they shared with the
trainer in the sourced contribution data, and ties and the final pick use a SHA-256 hash of
(SEED, group, iso3), so the same inputs always give the same rows.
Called by build_seed.py; not meant to be run on its own.
"""
import hashlib
from collections import defaultdict

SEED = "20211208"   # closing day of the Seoul Ministerial

BIPSOT_SRC = "http://www.daily-sun.com/printversion/details/293946/BIPSOT-making-ceaseless-contribution-to-global-peace"
CUNPK_AFRICA_SRC = ("http://www.indiawest.com/news/india/india-u-s-partner-to-train-united-nations-peacekeepers-from/"
                    "article_a8f5a8da-5242-11e8-8740-1b9e37f1f9bf.html")
UNWMOC_SRC = "https://www.pminewyork.gov.in/ (press release 'Centre for United Nations Peacekeeping Trains Female Peacekeepers')"
TPP_SRC = "https://www.mofa.go.jp/press/release/press3e_000429.html"


def h(group, key):
    return hashlib.sha256(("%s:%s:%s" % (SEED, group, key)).encode("utf-8")).hexdigest()


def note(aggregate, url, how):
    return ("ILLUSTRATIVE - this pair is NOT sourced. Motivating aggregate: %s (%s). Which countries "
            "is not published; the pair was chosen by graph-seed/tools/illustrative.py (seed %s) %s."
            % (aggregate, url, SEED, how))


def generate(out):
    contrib = [r for r in out["contributions.csv"] if r["confidence"] != "illustrative"]
    countries = {c["iso3"]: c for c in out["countries.csv"]}
    au = {m["iso3"] for m in out["memberships.csv"] if m["organization"] == "AU"}
    existing = {(r["trainer"], r["trainee"], str(r["year"]), r["program"]) for r in out["trainings.csv"]}

    served = defaultdict(set)          # iso3 -> {(mission, year)}
    for r in contrib:
        served[r["iso3"]].add((r["mission"], int(r["year"])))

    def shared(trainer, iso3, y0, y1):
        a = {p for p in served[trainer] if y0 <= p[1] <= y1}
        b = {p for p in served[iso3] if y0 <= p[1] <= y1}
        return len(a & b)

    def active(iso3, y0, y1):
        return any(y0 <= p[1] <= y1 for p in served[iso3])

    def pick(group, trainer, pool, n, y0, y1, pool_size):
        # candidates: countries in `pool` that served in a mission in [y0, y1] (Geo-PKO),
        # ranked by missions shared with the trainer in that window
        scored = [(shared(trainer, c, y0, y1), c) for c in pool if c != trainer and active(c, y0, y1)]
        scored.sort(key=lambda s: (-s[0], h(group + ":rank", s[1])))
        short = [c for _, c in scored[:pool_size]]
        short.sort(key=lambda c: h(group, c))
        if len(short) < n:
            raise SystemExit("illustrative: group %s has only %d candidates" % (group, len(short)))
        return sorted(short[:n])

    rows = []

    def add(trainer, trainee, year, program, topic, src):
        key = (trainer, trainee, str(year), program)
        if key in existing:
            return
        existing.add(key)
        rows.append(dict(trainer=trainer, trainee=trainee, year=year, end_year="", program=program,
                         topic=topic + " (illustrative pairing)", trainees="",
                         confidence="illustrative", source=src))

    # A. BIPSOT (Bangladesh): 1,618 foreign trainees from 41 countries by 2018 -> 20 of 41.
    for c in pick("bipsot", "BGD", countries, 20, 1999, 2018, 50):
        add("BGD", c, 2018, "BIPSOT", "foreign participants in BIPSOT courses, Rajendrapur",
            note("BIPSOT had trained 1,618 foreign participants from 41 countries by 2018", BIPSOT_SRC,
                 "among the 50 countries that shared the most missions with Bangladesh 1999-2018 in Geo-PKO v2.3; 20 of the 41 are shown"))

    # B. CUNPK course for African partners 2018, with US trainers: 41 officers from 19 African countries.
    picked = pick("cunpk-africa-2018", "IND", au, 19, 2014, 2018, 30)
    for c in picked:
        for trainer in ("IND", "USA"):
            add(trainer, c, 2018, "CUNPK-AFRICA",
                "UN Peacekeeping Course for African Partners, New Delhi, 2018 edition run jointly by India and US trainers",
                note("the 2018 course trained 41 officers from 19 African countries", CUNPK_AFRICA_SRC,
                     "among the 30 African Union members that served in missions 2014-2018 in Geo-PKO v2.3, ranked by missions shared with India"))

    # C. CUNPK + UN Women Military Officers Course 2016: 41 participants from 25 countries.
    for c in pick("unwmoc-2016", "IND", countries, 25, 2016, 2016, 60):
        add("IND", c, 2016, "CUNPK-UNWMOC", "UN Women Military Officers Course, Manekshaw Centre, New Delhi",
            note("the 2016 course had 41 participants from 25 countries", UNWMOC_SRC,
                 "among the 60 countries that shared the most missions with India in 2016 in Geo-PKO v2.3"))

    # D. TPP: 312 trainees from 8 African countries (2015-2022; 4 named) and 56 from 9 Asian
    #    countries (2018-2022; Indonesia and Viet Nam named).
    named_africa = {"KEN", "UGA", "RWA", "TZA"}
    for c in pick("tpp-africa", "KEN", au - named_africa, 4, 2015, 2022, 20):
        year = 2016 + int(h("tpp-africa-year", c), 16) % 7
        add("JPN", c, year, "TPP", "TPP heavy engineering equipment course with JGSDF instructors",
            note("TPP trained 312 personnel from 8 African countries 2015-2022 (4 are named by sources)", TPP_SRC,
                 "among African Union members that served alongside Kenya 2015-2022 in Geo-PKO v2.3; the year is hashed into 2016-2022"))
    asia = {i for i, c in countries.items() if c["region"] == "Asia"} - {"IDN", "VNM", "JPN"}
    for c in pick("tpp-asia", "IDN", asia, 7, 2018, 2022, 20):
        year = 2018 + int(h("tpp-asia-year", c), 16) % 5
        add("JPN", c, year, "TPP", "TPP engineering course for Asian partners with JGSDF instructors",
            note("TPP trained 56 personnel from 9 Asian countries 2018-2022 (Indonesia and Viet Nam are named)", TPP_SRC,
                 "among Asian countries that served alongside Indonesia 2018-2022 in Geo-PKO v2.3; the year is hashed into 2018-2022"))
    return rows
