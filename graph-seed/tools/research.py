"""Readers of the research files of graph-seed/sources/compiled/ (the contract: sources/COMPILING.md).

Each research area (a programme or a provider) keeps its own files: partnerships/<area>.csv,
sources/<area>.csv, programmes/<area>.csv, organizations_extra/<area>.csv. This module merges
them into seed rows, checks every reference, and fails loudly on anything it cannot place.
"""
import csv
import glob
import os
from collections import OrderedDict

CONFIDENCES = {"verified", "reported"}
TRAINING_CATEGORIES = {"course", "pre-deployment", "train-the-trainer", "exercise", "mentoring",
                       "centre-support"}
DONATION_CATEGORIES = {"equipment", "funding", "grant", "infrastructure", "deployment-support"}
RANK = {"verified": 0, "reported": 1}
# A donation's item is part of its key, and the loader holds keys to 200 characters: a longer description is
# shortened at a word for the key and kept whole in `description`.
MAX_ITEM = 160


class ResearchError(Exception):
    pass


def _read(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def _area_files(compiled, kind):
    return sorted(glob.glob(os.path.join(compiled, kind, "*.csv")))


def ids(cell):
    return [i.strip() for i in (cell or "").split(";") if i.strip()]


def _int(cell, where, column):
    cell = (cell or "").strip()
    if not cell:
        return ""
    try:
        value = float(cell.replace(",", ""))
    except ValueError:
        raise ResearchError("%s: %s: not a number: %r" % (where, column, cell))
    if value < 0:
        raise ResearchError("%s: %s: negative: %r" % (where, column, cell))
    return str(int(round(value)))


def read_sources(compiled):
    """Every source of every area: id -> row. An id used twice is an error."""
    sources = OrderedDict()
    for path in _area_files(compiled, "sources"):
        for n, r in enumerate(_read(path), start=2):
            sid = r["id"].strip()
            where = "%s:%d" % (os.path.relpath(path, compiled), n)
            if not sid or not r["url"].strip():
                raise ResearchError("%s: a source needs an id and a url" % where)
            if sid in sources:
                raise ResearchError("%s: source id %s is defined twice" % (where, sid))
            sources[sid] = {k: (r.get(k) or "").strip() for k in
                            ("id", "url", "title", "publisher", "published", "accessed")}
    return sources


def cite(source_ids, sources, where):
    """The seed's `source` text (the URLs, ' ; ' separated) for a list of source ids."""
    if not source_ids:
        raise ResearchError("%s: no source id" % where)
    missing = [i for i in source_ids if i not in sources]
    if missing:
        raise ResearchError("%s: unknown source id(s) %s" % (where, ", ".join(missing)))
    urls = []
    for i in source_ids:
        if sources[i]["url"] not in urls:
            urls.append(sources[i]["url"])
    return " ; ".join(urls)


def read_organizations(compiled, sources, known):
    """Organisations the research files name beyond `known` (code -> row), first definition wins."""
    added = OrderedDict()
    for path in _area_files(compiled, "organizations_extra"):
        for n, r in enumerate(_read(path), start=2):
            code = r["code"].strip()
            where = "%s:%d" % (os.path.relpath(path, compiled), n)
            if code in known or code in added:
                continue
            kind = (r.get("kind") or "").strip().lower()
            kind = "regional" if "regional" in kind else (kind if kind in {"un", "alliance", "other"} else "other")
            source_ids = ids(r.get("sources"))
            added[code] = dict(code=code, name=r["name"].strip(), kind=kind,
                               confidence=r["confidence"].strip() or "reported",
                               source=cite(source_ids, sources, where), source_ids=";".join(source_ids))
    return added


def read_programmes(compiled, sources, existing):
    """Programmes of the research files, merged by code with the existing programs.csv rows."""
    programmes = OrderedDict((p["code"], dict(p)) for p in existing)
    for path in _area_files(compiled, "programmes"):
        for n, r in enumerate(_read(path), start=2):
            code = r["code"].strip()
            where = "%s:%d" % (os.path.relpath(path, compiled), n)
            source_ids = ids(r.get("sources"))
            text = cite(source_ids, sources, where)
            row = programmes.setdefault(code, dict(code=code, name=r["name"].strip(), url="",
                                                   confidence=r["confidence"].strip(), source=""))
            for column in ("providers", "start_year", "end_year", "predecessor", "where", "note"):
                if not row.get(column) and (r.get(column) or "").strip():
                    row[column] = r[column].strip()
            if not row.get("url"):
                row["url"] = (r.get("url") or "").strip()
            row["source"] = " ; ".join(filter(None, [row.get("source", ""), text]))
            row["source_ids"] = ";".join(filter(None, [row.get("source_ids", ""), ";".join(source_ids)]))
    return list(programmes.values())


def read_rates(compiled, sources):
    """Annual average exchange rates (rates/usd_annual_average.csv): (currency, year) -> (USD per unit, source id).

    Each rate is read as its page prints it, in USD per unit or in units per USD (`quoted`), and cites that page.
    """
    rates = OrderedDict()
    path = os.path.join(compiled, "rates", "usd_annual_average.csv")
    if not os.path.exists(path):
        return rates
    for n, r in enumerate(_read(path), start=2):
        where = "%s:%d" % (os.path.relpath(path, compiled), n)
        currency, year, quoted = r["currency"].strip().upper(), r["year"].strip(), r["quoted"].strip()
        source_ids = ids(r["sources"])
        cite(source_ids, sources, where)
        try:
            rate = float(r["rate"])
        except ValueError:
            raise ResearchError("%s: rate: not a number: %r" % (where, r["rate"]))
        if quoted == "USD per %s" % currency:
            usd_per_unit = rate
        elif quoted == "%s per USD" % currency:
            usd_per_unit = 1 / rate
        else:
            raise ResearchError("%s: quoted %r (USD per %s or %s per USD)" % (where, quoted, currency, currency))
        if (currency, year) in rates:
            raise ResearchError("%s: a second rate for %s %s" % (where, currency, year))
        rates[(currency, year)] = (usd_per_unit, source_ids[0])
    return rates


def convert(row, rates):
    """A donation's USD figure from the annual average rate of its currency in its first year, where the page gave no
    USD figure and the table has that rate; the row keeps the rate and its source, so the conversion is visible."""
    if row["value_usd"] or not row["amount"] or row["currency"] in ("", "USD"):
        return
    rate = rates.get((row["currency"], row["year"]))
    if rate is None:
        return
    usd_per_unit, source_id = rate
    row["value_usd"] = str(int(round(int(row["amount"]) * usd_per_unit)))
    row["usd_rate"] = "%.6f" % usd_per_unit
    row["usd_rate_source"] = source_id


def read_partnerships(compiled, sources, actors, programmes, rates=None):
    """Training and donation rows of every area, merged by the seed's relationship key.

    A relationship is one (provider, recipient, programme or item) with its year span. Two research
    rows with the same key (the same course found by two areas, or two facts about it) become one
    seed row that cites both; the better confidence wins. Returns (trainings, donations, report).
    """
    trainings, donations = OrderedDict(), OrderedDict()
    report = dict(rows=0, merged=0, self_loops=[])
    for path in _area_files(compiled, "partnerships"):
        area = os.path.splitext(os.path.basename(path))[0]
        for n, r in enumerate(_read(path), start=2):
            where = "%s:%d" % (os.path.relpath(path, compiled), n)
            report["rows"] += 1
            kind = r["kind"].strip()
            provider, recipient = r["provider"].strip(), r["recipient"].strip()
            for column, code in (("provider", provider), ("recipient", recipient)):
                if code not in actors:
                    raise ResearchError("%s: %s: %r is neither a country nor an organisation" % (where, column, code))
            if provider == recipient:
                report["self_loops"].append(where)
                continue
            confidence = r["confidence"].strip()
            if confidence not in CONFIDENCES:
                raise ResearchError("%s: confidence %r (verified or reported)" % (where, confidence))
            program = r["program"].strip()
            if program and program not in programmes:
                raise ResearchError("%s: program %r is not defined in any programmes file" % (where, program))
            year, end_year = r["year"].strip(), r["end_year"].strip()
            if not year.isdigit() or (end_year and (not end_year.isdigit() or int(end_year) < int(year))):
                raise ResearchError("%s: year %r, end_year %r" % (where, year, end_year))
            category = r["category"].strip()
            allowed = TRAINING_CATEGORIES if kind == "training" else DONATION_CATEGORIES
            if kind not in ("training", "donation"):
                raise ResearchError("%s: kind %r (training or donation)" % (where, kind))
            if category and category not in allowed:
                raise ResearchError("%s: category %r for a %s (%s)" % (where, category, kind, ", ".join(sorted(allowed))))
            source_ids = ids(r["sources"])
            common = dict(year=year, end_year=end_year, program=program, category=category,
                          centre=r.get("centre", "").strip(), confidence=confidence,
                          source=cite(source_ids, sources, where), source_ids=";".join(source_ids),
                          where=r["where"].strip(), note=r.get("note", "").strip())
            if kind == "training":
                row = dict(common, trainer=provider, trainee=recipient, topic=r["what"].strip(),
                           trainees=_int(r.get("trainees"), where, "trainees"))
                key, table = (provider, recipient, year, program), trainings
                text_column = "topic"
            else:
                amount = _int(r.get("amount"), where, "amount")
                currency = r.get("currency", "").strip().upper()
                value_usd = _int(r.get("value_usd"), where, "value_usd")
                if not value_usd and amount and currency == "USD":
                    value_usd = amount
                what = r["what"].strip()
                row = dict(common, donor=provider, recipient=recipient, item=short_item(what),
                           description=what if short_item(what) != what else "",
                           quantity=_int(r.get("quantity"), where, "quantity"), unit=r.get("unit", "").strip(),
                           amount=amount, currency=currency if amount else "", value_usd=value_usd)
                key, table = (provider, recipient, year, row["item"]), donations
                text_column = "item"
            if key in table:
                report["merged"] += 1
                _merge(table[key], row, text_column)
            else:
                table[key] = row
    for row in donations.values():
        convert(row, rates or {})
    report["converted"] = sum(1 for row in donations.values() if row.get("usd_rate"))
    return list(trainings.values()), list(donations.values()), report


def short_item(what):
    """The item of a donation as its key: the description itself, or its first words when it is too long."""
    if len(what) <= MAX_ITEM:
        return what
    cut = what[:MAX_ITEM - 2].rsplit(" ", 1)[0].rstrip(" ,;:(")
    return cut + " …"


def _merge(kept, other, text_column):
    """Two research rows of one relationship: one row citing both."""
    if other[text_column] and other[text_column] not in kept[text_column]:
        kept[text_column] = kept[text_column] + " | " + other[text_column]
    for column, sep in (("source", " ; "), ("source_ids", ";"), ("where", " | "), ("note", " | ")):
        parts = [p for p in kept[column].split(sep) if p] if kept[column] else []
        for p in (other[column].split(sep) if other[column] else []):
            if p and p not in parts:
                parts.append(p)
        kept[column] = sep.join(parts)
    if RANK[other["confidence"]] < RANK[kept["confidence"]]:
        kept["confidence"] = other["confidence"]
    if other["end_year"] and (not kept["end_year"] or int(other["end_year"]) > int(kept["end_year"])):
        kept["end_year"] = other["end_year"]
    for column in ("trainees", "quantity", "amount", "currency", "value_usd", "unit", "category", "centre"):
        if column in other and other[column] and not kept.get(column):
            kept[column] = other[column]
