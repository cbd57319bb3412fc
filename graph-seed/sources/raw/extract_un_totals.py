#!/usr/bin/env python3
"""Derive graph-seed/sources/compiled/deployments_un.csv and contributions_missions.csv from
the UN DPO monthly reports "contributions to UN peacekeeping by country / mission / post"
kept unchanged in this folder (UN_country_contributions_YYYY_MM.pdf; origin in ORIGIN.md).

Needs `pdftotext` (Debian package poppler-utils, 22.x). Run from anywhere:
    python3 graph-seed/sources/raw/extract_un_totals.py [--check]

Method
- Text is read with `pdftotext -layout`; for the 2021+ layout, whose country cell is a merged
  cell with the name printed at the vertical centre of that country's rows, word positions
  (`pdftotext -tsv`) are used to give each row its country (see parse_E_pdf).
- Each parse is checked against every total the report prints (per-country and per-mission
  subtotals, grand total); the script stops if one differs.
- Posts: troops = "Contingent Troop(s)"/"Troops"/"contingent"; police = "Individual Police" +
  "Formed Police Units"/"FPU"; experts = "Experts on Mission"; staff_officers = "Staff
  Officer(s)"/"staff" (2015-2016 reports have no staff-officer category: column left empty).
  total = sum of the report's Total column; women = sum of its Female column.
- Per-country totals cover every operation the report lists, i.e. peacekeeping operations and
  the special political missions that carry uniformed personnel (UNAMA, UNAMI, UNSOM, UNSOS,
  BINUH, UNVMC, ...), as the UN's own grand total does.  The mission file keeps only the
  operations listed in graph-seed/missions.csv.
- Countries and country-mission pairs whose reported total is 0 are left out.
"""
"""(parser) Parse UN DPO monthly "contributions by country" PDFs (text from `pdftotext -layout`)
into records (mission, country, post, male, female, total).

Six layouts are handled (see detect()). Every parse is checked against the totals the
report itself prints (country totals, mission totals, grand total) where it prints them.
"""
import re
import sys

NUM = r'(\d[\d,]*)'
DESC = (r'(Experts on Mission|Individual Police|Contingent Troops?|Staff Officers?|'
        r'Formed Police Units?|FPU|Troops|police|experts|contingent|staff|fpu)')
ROW = re.compile(r'^(?P<pre>.*?)\b' + DESC + r'\s+' + NUM + r'\s+' + NUM + r'\s+' + NUM + r'\s*$')

POST = {
    'experts on mission': 'experts', 'experts': 'experts',
    'individual police': 'police', 'police': 'police',
    'formed police units': 'police', 'formed police unit': 'police', 'fpu': 'police',
    'contingent troop': 'troops', 'contingent troops': 'troops', 'troops': 'troops',
    'contingent': 'troops',
    'staff officer': 'staff_officers', 'staff officers': 'staff_officers', 'staff': 'staff_officers',
}

HEADER_WORDS = ('Country', 'Mission', 'UN Mission', 'Summary', 'detailed by', 'Month of Report',
                'Police,', 'UN Military', 'Experts on Mission, Formed', 'by Mission, Country',
                'Contribution of Uniformed', 'As of:', 'Report Generated', 'Page ', 'Troops 3',
                'and Post', 'Grand Total', 'Total')


def n(s):
    return int(s.replace(',', ''))


def is_header(line):
    s = line.strip()
    return any(s.startswith(w) for w in HEADER_WORDS) or re.match(r'^Page \d+ of \d+$', s)


def detect(text):
    if "UN Mission's Summary" in text:
        return 'A'
    if 'by Country, Mission and Post' in text:
        return 'B'
    if 'by Country and Post.' in text:
        return 'C'
    if 'Summary of Contribution to UN Peacekeeping by Mission, Country' in text:
        return 'D'
    if 'Contribution of Uniformed Personnel to UN' in text:
        return 'E'
    raise ValueError('unknown layout')


def as_of(text):
    m = re.search(r'Month of Report\s*:\s*(\d+)-(\w+)-(\d+)', text)
    if m:
        mon = {'Jan': 1, 'Feb': 2, 'Mar': 3, 'Apr': 4, 'May': 5, 'Jun': 6, 'Jul': 7, 'Aug': 8,
               'Sep': 9, 'Oct': 10, 'Nov': 11, 'Dec': 12}[m.group(2)]
        return '20%s-%02d-%02d' % (m.group(3), mon, int(m.group(1)))
    m = re.search(r'(\d\d)/(\d\d)/(20\d\d)', text)
    return '%s-%s-%s' % (m.group(3), m.group(2), m.group(1))


def parse_A(lines, checks):
    recs, country, mission = [], None, None
    for ln in lines:
        if not ln.strip() or is_header(ln):
            continue
        m = ROW.match(ln)
        if m:
            pre = m.group('pre').strip()
            if pre:
                mission = pre
            recs.append([mission, country, m.group(2), n(m.group(3)), n(m.group(4)), n(m.group(5))])
            continue
        m = re.match(r'^\s+(.+?)\s+' + NUM + r'\s*$', ln)
        if m:  # subtotal: mission or country
            label, val = m.group(1).strip(), n(m.group(2))
            if label == country:
                checks.append(('country', country, val))
            else:
                checks.append(('country-mission', (country, label), val))
            continue
        if not ln.startswith(' ') and not re.search(r'\d', ln):
            country = ln.strip()
            continue
        print('A? ', ln, file=sys.stderr)
    return recs


def parse_B(lines, checks):
    recs, country, mission = [], None, None
    for ln in lines:
        if not ln.strip() or (is_header(ln) and not ln.strip().startswith('Grand Total')):
            continue
        m = re.match(r'^\s*\d+\s+(\D+?)\s*$', ln)
        if m:
            country = m.group(1)
            continue
        m = ROW.match(ln)
        if m and not m.group('pre').strip():
            recs.append([mission, country, m.group(2), n(m.group(3)), n(m.group(4)), n(m.group(5))])
            continue
        m = re.match(r'^\s+([A-Z][A-Z0-9\-]+)\s*$', ln)
        if m:
            mission = m.group(1)
            continue
        m = re.match(r'^\s*Grand Total\s+' + NUM + r'\s+' + NUM + r'\s+' + NUM, ln)
        if m:
            checks.append(('grand', None, n(m.group(3))))
            continue
        m = re.match(r'^\s+(\D+?)\s+' + NUM + r'\s+' + NUM + r'\s+' + NUM + r'\s*$', ln)
        if m:
            checks.append(('country', m.group(1).strip(), n(m.group(4))))
            continue
        m = re.match(r'^\s+(\S+)\s+' + NUM + r'\s*$', ln)
        if m:
            checks.append(('country-mission-prefix', (country, m.group(1)), n(m.group(2))))
            continue
        print('B? ', ln, file=sys.stderr)
    return recs


def parse_C(lines, checks):
    recs, country = [], None
    for ln in lines:
        if not ln.strip():
            continue
        m = re.match(r'^\s*Total for Country\s+' + NUM + r'\s+' + NUM + r'\s+' + NUM, ln)
        if m:
            checks.append(('country', country, n(m.group(3))))
            continue
        m = re.match(r'^\s*Total\s+' + NUM + r'\s+' + NUM + r'\s+' + NUM, ln)
        if m:
            checks.append(('grand', None, n(m.group(3))))
            continue
        if is_header(ln):
            continue
        m = re.match(r'^\s*\d+\s+(\D+?)\s*$', ln)
        if m:
            country = m.group(1)
            continue
        m = ROW.match(ln)
        if m and not m.group('pre').strip():
            recs.append([None, country, m.group(2), n(m.group(3)), n(m.group(4)), n(m.group(5))])
            continue
        print('C? ', ln, file=sys.stderr)
    return recs


def parse_D(lines, checks):
    recs, country, mission = [], None, None
    prev_name = False
    for ln in lines:
        if not ln.strip() or is_header(ln):
            continue
        if not re.match(r'^\s+(\D+?)\s*$', ln):
            prev_name = False
        m = re.match(r'^([A-Z][A-Z0-9\-]+)\s*$', ln)
        if m:
            mission, country = m.group(1), None
            continue
        m = ROW.match(ln)
        if m:
            pre = m.group('pre').strip()
            if pre:
                country = pre
            recs.append([mission, country, m.group(2), n(m.group(3)), n(m.group(4)), n(m.group(5))])
            continue
        m = re.match(r'^\s+' + NUM + r'\s+' + NUM + r'\s+' + NUM + r'\s*$', ln)
        if m:
            checks.append(('mission', mission, n(m.group(3))))
            continue
        m = re.match(r'^\s+' + NUM + r'\s+' + NUM + r'\s+' + NUM + r'\s+' + NUM + r'\s*$', ln)
        if m:
            checks.append(('grand', None, n(m.group(4))))
            continue
        m = re.match(r'^\s+(\D+?)\s*$', ln)
        if m:
            # a long name wraps onto a second line before its first row
            country = country + ' ' + m.group(1) if prev_name else m.group(1)
            prev_name = True
            continue
        print('D? ', ln, file=sys.stderr)
    return recs


def parse_E(lines, checks):
    recs, mission = [], None
    block_rows, block_names = [], []

    def flush():
        if block_rows:
            name = ' '.join(block_names) if block_names else None
            if not block_names:
                print('E: block without country in %s: %s' % (mission, block_rows), file=sys.stderr)
            for r in block_rows:
                recs.append([mission, name] + r)
        block_rows.clear()
        block_names.clear()

    for ln in lines:
        if not ln.strip():
            flush()
            continue
        m = re.match(r'^Grand Total\s+' + NUM + r'\s+' + NUM + r'\s+' + NUM, ln)
        if m:
            flush()
            checks.append(('grand', None, n(m.group(3))))
            continue
        m = re.match(r'^Total (\S+)\s+' + NUM + r'\s+' + NUM + r'\s+' + NUM, ln)
        if m:
            flush()
            checks.append(('mission', m.group(1), n(m.group(4))))
            continue
        if is_header(ln):
            continue
        m = re.match(r'^([A-Z][A-Z0-9\-]+)\s*$', ln)
        if m:
            flush()
            mission = m.group(1)
            continue
        m = ROW.match(ln)
        if m:
            pre = m.group('pre').strip()
            if pre:
                block_names.append(pre)
            block_rows.append([m.group(2), n(m.group(3)), n(m.group(4)), n(m.group(5))])
            continue
        m = re.match(r'^\s+(\D+?)\s*$', ln)
        if m:
            block_names.append(m.group(1))
            continue
        print('E? ', ln, file=sys.stderr)
    flush()
    return recs


def parse(path):
    text = open(path, encoding='utf-8').read()
    text = text.replace('\f', '\n')
    lines = text.split('\n')
    fmt = detect(text)
    checks = []
    recs = {'A': parse_A, 'B': parse_B, 'C': parse_C, 'D': parse_D, 'E': parse_E}[fmt](lines, checks)
    out = []
    for mission, country, desc, male, female, total in recs:
        out.append(dict(mission=mission, country=country, post=POST[desc.lower()], desc=desc,
                        male=male, female=female, total=total))
    return fmt, as_of(text), out, checks


def verify(fmt, recs, checks):
    """Compare parsed sums to the totals the report prints; return list of problems."""
    probs = []
    for kind, key, val in checks:
        if kind == 'grand':
            s = sum(r['total'] for r in recs)
        elif kind == 'country':
            s = sum(r['total'] for r in recs if r['country'] == key)
            if s == 0:  # 2017-18 layout truncates long names in the total line
                s = sum(r['total'] for r in recs if r['country'] and r['country'].startswith(key))
        elif kind == 'mission':
            s = sum(r['total'] for r in recs if r['mission'] == key)
        elif kind in ('country-mission', 'country-mission-prefix'):
            c, mis = key
            # 2017 layout truncates long mission names in subtotal labels (MINUJUST)
            s = sum(r['total'] for r in recs if r['country'] == c and r['mission'] == mis)
            if s == 0:
                s = sum(r['total'] for r in recs if r['country'] == c and r['mission'] and
                        r['mission'].startswith(mis))
        if s != val and kind == 'mission' and val == sum(r['total'] for r in recs):
            continue  # 2019-20 layout: the unlabelled grand-total line after the last mission
        if s != val:
            probs.append((kind, key, val, s))
    return probs


# ---------------------------------------------------------------------------
# Layout E (2021 onwards): the country cell is a merged cell whose name is printed
# vertically centred across that country's rows, so line order alone cannot tell
# which rows belong to which country.  We read word positions (`pdftotext -tsv`)
# and, page by page and mission by mission, split the rows into contiguous groups,
# one per printed name, so that each name sits at the centre of its group
# (dynamic programming; the residual offset is reported and must be ~0).
import subprocess
import csv
import io


def parse_E_pdf(pdf):
    tsv = subprocess.run(['pdftotext', '-tsv', pdf, '-'], capture_output=True, text=True).stdout
    words = [w for w in csv.DictReader(io.StringIO(tsv), delimiter='\t', quoting=csv.QUOTE_NONE)
             if w['level'] == '5']
    pages = collections.OrderedDict()
    for w in words:
        pages.setdefault(int(w['page_num']), []).append(w)
    recs, checks, worst = [], [], 0.0
    mission = None
    for pg, ws in pages.items():
        lines = collections.OrderedDict()
        for w in ws:
            y = round(float(w['top']) + float(w['height']) / 2, 1)
            key = next((k for k in lines if abs(k - y) < 3.0), y)
            lines.setdefault(key, []).append(w)
        segs = []  # list of (mission, rows, names)
        rows, names = [], []

        def close():
            if rows or names:
                segs.append((mission, list(rows), list(names)))
            rows.clear(); names.clear()
        for y in sorted(lines):
            lw = sorted(lines[y], key=lambda w: float(w['left']))
            txt = ' '.join(w['text'] for w in lw)
            col = lambda lo, hi: ' '.join(w['text'] for w in lw if lo <= float(w['left']) < hi)
            first = float(lw[0]['left'])
            if txt.startswith('Grand Total'):
                close()
                checks.append(('grand', None, n(lw[-1]['text'])))
                continue
            if txt.startswith('Total ') and first < 110:
                close()
                checks.append(('mission', lw[1]['text'], n(lw[-1]['text'])))
                continue
            if (txt.startswith(('Contribution of', 'by Mission', 'Experts on Mission,', 'As of:',
                                'Report Generated', 'Mission Country'))):
                continue
            m_txt = col(0, 110)
            c_txt = col(110, 230)
            t_txt = col(230, 335)
            nums = [w['text'] for w in lw if float(w['left']) >= 335]
            if m_txt:
                close()
                mission = m_txt
            if c_txt:
                names.append((y, c_txt))
            if t_txt:
                assert len(nums) == 3, (pdf, pg, txt)
                rows.append((y, t_txt, n(nums[0]), n(nums[1]), n(nums[2])))
            elif nums:
                raise ValueError((pdf, pg, txt))
        close()
        for mis, rs, ns in segs:
            # merge wrapped name fragments (consecutive lines closer than a row step)
            merged = []
            for y, t in ns:
                if merged and y - merged[-1][2] < 12:
                    merged[-1] = (merged[-1][0], merged[-1][1] + ' ' + t, y)
                else:
                    merged.append((y, t, y))
            cen = [((a + b) / 2, t) for a, t, b in merged]
            if not rs:
                assert not cen, (pdf, pg, mis, cen)
                continue
            assert cen, (pdf, pg, mis, rs)
            groups, cost = split_rows(rs, cen)
            worst = max(worst, cost)
            for (cy, name), grp in zip(cen, groups):
                for y, t, ma, fe, to in grp:
                    recs.append([mis, name, t, ma, fe, to])
    return recs, checks, worst


def split_rows(rs, cen):
    """Split rows rs (sorted by y) into len(cen) contiguous non-empty groups minimising the
    largest distance between each name's y and the centre of its group's rows."""
    k, m = len(rs), len(cen)
    INF = float('inf')
    best = [[INF] * (k + 1) for _ in range(m + 1)]
    back = [[0] * (k + 1) for _ in range(m + 1)]
    best[0][0] = 0.0
    for j in range(1, m + 1):
        for e in range(j, k + 1):
            for s in range(j - 1, e):
                if best[j - 1][s] == INF:
                    continue
                c = abs(cen[j - 1][0] - (rs[s][0] + rs[e - 1][0]) / 2)
                v = max(best[j - 1][s], c)
                if v < best[j][e]:
                    best[j][e], back[j][e] = v, s
    groups, e = [], k
    for j in range(m, 0, -1):
        s = back[j][e]
        groups.append(rs[s:e])
        e = s
    return groups[::-1], best[m][k]


import collections


def parse_any(pdf, txt):
    text = open(txt, encoding='utf-8').read()
    fmt = detect(text)
    if fmt == 'E':
        recs, checks, worst = parse_E_pdf(pdf)
        out = [dict(mission=a, country=b, post=POST[c.lower()], desc=c, male=d, female=e, total=f)
               for a, b, c, d, e, f in recs]
        return fmt, as_of(text), out, checks, worst
    fmt, d, out, checks = parse(txt)
    return fmt, d, out, checks, 0.0


# ---------------------------------------------------------------------------
import os
import hashlib

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(SEED, 'sources', 'compiled')

# report file -> (source id, commit that added it to kl371218/kl371218, used for totals?, for missions?)
C1 = '76b1726bf3474a7f2c118f699c6cb6564a31960d'
C2 = '3589ecac25c7c8929d8f9c5f95adb5ebaa7bcbce'
FILES = [
    ('2015_12', 'un-totals-001', C1, True, True),
    ('2016_12', 'un-totals-002', C1, True, True),
    ('2017_12', 'un-totals-003', C1, True, True),
    ('2018_02', 'un-totals-004', C1, False, True),   # last 2018 report with a mission breakdown
    ('2018_12', 'un-totals-005', C1, True, False),   # Dec 2018 report: country x post only
    ('2019_12', 'un-totals-006', C1, True, True),
    ('2020_12', 'un-totals-007', C1, True, True),
    ('2021_12', 'un-totals-008', C1, True, True),
    ('2022_12', 'un-totals-009', C1, True, True),
    ('2023_12', 'un-totals-010', C2, True, True),
    ('2024_12', 'un-totals-011', C2, True, True),
    ('2025_07', 'un-totals-012', C2, True, True),    # latest report in the repository
]

# Report spellings -> ISO 3166-1 alpha-3.  Written out in full so that every name the
# reports use is mapped on purpose (Congo = Republic of the Congo, COG; the DR Congo is COD;
# Niger NER vs Nigeria NGA; Republic of Korea = South Korea, KOR; Guinea GIN vs
# Guinea-Bissau GNB vs Papua New Guinea PNG).
ISO3 = {
    'Afghanistan': 'AFG', 'Albania': 'ALB', 'Algeria': 'DZA', 'Angola': 'AGO', 'Argentina': 'ARG',
    'Armenia': 'ARM', 'Australia': 'AUS', 'Austria': 'AUT', 'Azerbaijan': 'AZE',
    'Bangladesh': 'BGD', 'Belarus': 'BLR', 'Belgium': 'BEL', 'Benin': 'BEN', 'Bhutan': 'BTN',
    'Bolivia': 'BOL', 'Bolivia (Plurinational State of)': 'BOL',
    'Bosnia and Herzegovina': 'BIH', 'Botswana': 'BWA', 'Brazil': 'BRA',
    'Brunei': 'BRN', 'Brunei Darussalam': 'BRN', 'Bulgaria': 'BGR', 'Burkina Faso': 'BFA',
    'Burundi': 'BDI', 'Cambodia': 'KHM', 'Cameroon': 'CMR', 'Canada': 'CAN',
    'Cape Verde': 'CPV', 'Cabo Verde': 'CPV', 'Central African Republic': 'CAF', 'Chad': 'TCD',
    'Chile': 'CHL', 'China': 'CHN', 'Colombia': 'COL',
    'Congo': 'COG',
    'DR Congo': 'COD', 'Democratic Republic of the Congo': 'COD',
    'Democratic Republic of the Congo (DRC)': 'COD',
    'Costa Rica': 'CRI', "Côte d'Ivoire": 'CIV', 'Cote d Ivoire': 'CIV', 'Croatia': 'HRV',
    'Cuba': 'CUB', 'Cyprus': 'CYP', 'Czech Republic': 'CZE', 'Czechia': 'CZE',
    'Denmark': 'DNK', 'Djibouti': 'DJI', 'Dominican Republic': 'DOM', 'Ecuador': 'ECU',
    'Egypt': 'EGY', 'El Salvador': 'SLV', 'Estonia': 'EST', 'Ethiopia': 'ETH', 'Fiji': 'FJI',
    'Finland': 'FIN', 'France': 'FRA', 'Gabon': 'GAB', 'Gambia': 'GMB', 'Georgia': 'GEO',
    'Germany': 'DEU', 'Ghana': 'GHA', 'Greece': 'GRC', 'Grenada': 'GRD', 'Guatemala': 'GTM',
    'Guinea': 'GIN', 'Guinea-Bissau': 'GNB', 'Haiti': 'HTI', 'Honduras': 'HND', 'Hungary': 'HUN',
    'India': 'IND', 'Indonesia': 'IDN', 'Iran': 'IRN', 'Iran (Islamic Republic of)': 'IRN',
    'Ireland': 'IRL', 'Italy': 'ITA', 'Jamaica': 'JAM', 'Japan': 'JPN', 'Jordan': 'JOR',
    'Kazakhstan': 'KAZ', 'Kenya': 'KEN', 'Kiribati': 'KIR', 'Kyrgyzstan': 'KGZ', 'Latvia': 'LVA',
    'Lesotho': 'LSO', 'Liberia': 'LBR', 'Lithuania': 'LTU', 'Luxembourg': 'LUX',
    'Madagascar': 'MDG', 'Malawi': 'MWI', 'Malaysia': 'MYS', 'Mali': 'MLI', 'Malta': 'MLT',
    'Mauritania': 'MRT', 'Mexico': 'MEX', 'Moldova, Republic of': 'MDA',
    'Republic of Moldova': 'MDA', 'Mongolia': 'MNG', 'Montenegro': 'MNE', 'Morocco': 'MAR',
    'Mozambique': 'MOZ', 'Myanmar': 'MMR', 'Namibia': 'NAM', 'Nauru': 'NRU', 'Nepal': 'NPL',
    'Netherlands': 'NLD', 'New Zealand': 'NZL', 'Niger': 'NER', 'Nigeria': 'NGA',
    'North Macedonia': 'MKD', 'The former Yugoslav Republic of Macedonia': 'MKD',
    'The former Yugoslav Republic of Macedoni': 'MKD',   # name cut off in the report
    'The former Yugoslav Republic of Maced': 'MKD',      # name cut off in the report
    'Norway': 'NOR', 'Pakistan': 'PAK', 'Papua New Guinea': 'PNG', 'Paraguay': 'PRY',
    'Peru': 'PER', 'Philippines': 'PHL', 'Poland': 'POL', 'Portugal': 'PRT', 'Qatar': 'QAT',
    'Republic of Korea': 'KOR', 'Romania': 'ROU', 'Russian Federation': 'RUS', 'Rwanda': 'RWA',
    'Samoa': 'WSM', 'Sao Tome and Principe': 'STP', 'Senegal': 'SEN', 'Serbia': 'SRB',
    'Sierra Leone': 'SLE', 'Slovakia': 'SVK', 'Slovenia': 'SVN', 'Solomon Islands': 'SLB',
    'South Africa': 'ZAF', 'Spain': 'ESP', 'Sri Lanka': 'LKA', 'Sweden': 'SWE',
    'Switzerland': 'CHE', 'Tajikistan': 'TJK',
    'Tanzania': 'TZA', 'Tanzania, United Republic of': 'TZA', 'United Republic of Tanzania': 'TZA',
    'United Republic of': 'TZA',   # 2019-12 report cuts the name off; the only such UN member
    'Thailand': 'THA', 'Timor-Leste': 'TLS', 'Togo': 'TGO', 'Tunisia': 'TUN', 'Turkey': 'TUR',
    'Turkiye': 'TUR', 'Uganda': 'UGA', 'Ukraine': 'UKR', 'United Kingdom': 'GBR',
    'United States of America': 'USA', 'Uruguay': 'URY', 'Vanuatu': 'VUT', 'Viet Nam': 'VNM',
    'Vietnam': 'VNM', 'Yemen': 'YEM', 'Zambia': 'ZMB', 'Zimbabwe': 'ZWE',
}


def load(tag):
    pdf = os.path.join(HERE, 'UN_country_contributions_%s.pdf' % tag)
    txt = subprocess.run(['pdftotext', '-layout', pdf, '-'], capture_output=True,
                         text=True).stdout
    tmp = '/tmp/_un_%s.txt' % tag
    open(tmp, 'w', encoding='utf-8').write(txt)
    fmt, d, recs, checks, worst = parse_any(pdf, tmp)
    probs = verify(fmt, recs, checks)
    if probs or worst > 1.0:
        raise SystemExit('%s: parse does not match the report totals: %s (name offset %.2f)'
                         % (tag, probs[:5], worst))
    for r in recs:
        if r['country'] not in ISO3:
            raise SystemExit('%s: unmapped country name %r' % (tag, r['country']))
        r['iso3'] = ISO3[r['country']]
    return fmt, d, recs, len(checks)


def title_of(tag, fmt, d):
    dd = '%s/%s/%s' % (d[8:10], d[5:7], d[:4])
    return {
        'A': "UN Mission's Summary detailed by Country, month of report %s" % dd,
        'B': 'Summary of Contributions to UN Peacekeeping by Country, Mission and Post, %s' % dd,
        'C': 'Summary of Contributions to UN Peacekeeping by Country and Post, %s' % dd,
        'D': 'Summary of Contribution to UN Peacekeeping by Mission, Country and Post, %s' % dd,
        'E': 'Contribution of Uniformed Personnel to UN by Mission, Country, and Personnel Type, as of %s' % dd,
    }[fmt]


def main():
    import datetime
    accessed = datetime.date.today().isoformat()
    missions = {r['acronym'] for r in csv.DictReader(open(os.path.join(SEED, 'missions.csv')))}
    dep_rows, mis_rows, src_rows, summary = [], [], [], []
    for tag, sid, commit, for_totals, for_missions in FILES:
        fmt, d, recs, nchecks = load(tag)
        fname = 'UN_country_contributions_%s.pdf' % tag
        created = subprocess.run(['pdfinfo', os.path.join(HERE, fname)], capture_output=True,
                                 text=True).stdout
        m = re.search(r'CreationDate:\s+\w+ (\w+)\s+(\d+) [\d:]+ (\d{4})', created)
        months = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split()
        published = '%s-%02d-%02d' % (m.group(3), months.index(m.group(1)) + 1, int(m.group(2)))
        src_rows.append(dict(
            id=sid, url='https://github.com/kl371218/kl371218/blob/%s/%s' % (commit, fname),
            title=title_of(tag, fmt, d), publisher='UN Department of Peace Operations (via GitHub kl371218/kl371218)',
            published=published, accessed=accessed))
        label = '%s (%s)' % (fname, title_of(tag, fmt, d))
        if for_totals:
            by = collections.OrderedDict()
            for r in recs:
                by.setdefault(r['iso3'], []).append(r)
            n_c, tot = 0, 0
            for iso in sorted(by):
                rs = by[iso]
                t = sum(r['total'] for r in rs)
                if t == 0:
                    continue
                s = lambda p: sum(r['total'] for r in rs if r['post'] == p)
                names = sorted({r['country'] for r in rs})
                dep_rows.append(dict(
                    iso3=iso, as_of=d, troops=s('troops'), police=s('police'), experts=s('experts'),
                    staff_officers='' if fmt == 'A' else s('staff_officers'), total=t,
                    women=sum(r['female'] for r in rs), confidence='verified', sources=sid,
                    where='file %s, rows for country %s, month %s; summed over all missions listed%s'
                          % (fname, ' / '.join("'%s'" % x for x in names), d[:7],
                             '; this layout has no staff-officer category' if fmt == 'A' else '')))
                n_c += 1
                tot += t
            grand = sum(r['total'] for r in recs)
            summary.append((d, n_c, tot, grand, sum(r['female'] for r in recs), fmt, nchecks))
        if for_missions:
            by = collections.OrderedDict()
            for r in recs:
                if r['mission'] in missions:
                    by.setdefault((r['iso3'], r['mission']), []).append(r)
            for (iso, mis) in sorted(by):
                rs = by[(iso, mis)]
                t = sum(r['total'] for r in rs)
                if t == 0:
                    continue
                s = lambda p: sum(r['total'] for r in rs if r['post'] == p)
                so = s('staff_officers')
                names = sorted({r['country'] for r in rs})
                mis_rows.append(dict(
                    iso3=iso, mission=mis, year=d[:4], as_of=d, troops=s('troops'), police=s('police'),
                    experts=s('experts'), total=t, confidence='verified', sources=sid,
                    where='file %s, mission %s, rows for country %s, month %s%s'
                          % (fname, mis, ' / '.join("'%s'" % x for x in names), d[:7],
                             '; total includes %d staff officer(s)' % so if so else '')))
    cols = 'iso3,as_of,troops,police,experts,staff_officers,total,women,confidence,sources,where'.split(',')
    with open(os.path.join(OUT, 'deployments_un.csv'), 'w', newline='', encoding='utf-8') as f:
        w = csv.DictWriter(f, cols, lineterminator='\n'); w.writeheader(); w.writerows(dep_rows)
    cols = 'iso3,mission,year,as_of,troops,police,experts,total,confidence,sources,where'.split(',')
    with open(os.path.join(OUT, 'contributions_missions.csv'), 'w', newline='', encoding='utf-8') as f:
        w = csv.DictWriter(f, cols, lineterminator='\n'); w.writeheader(); w.writerows(mis_rows)
    os.makedirs(os.path.join(OUT, 'sources'), exist_ok=True)
    cols = 'id,url,title,publisher,published,accessed'.split(',')
    with open(os.path.join(OUT, 'sources', 'un-totals.csv'), 'w', newline='', encoding='utf-8') as f:
        w = csv.DictWriter(f, cols, lineterminator='\n'); w.writeheader(); w.writerows(src_rows)
    print('as_of       countries  sum_of_rows  report_grand_total  women  layout  totals_checked')
    for d, n_c, tot, grand, women, fmt, nc in summary:
        print('%s  %9d  %11d  %18d  %5d  %6s  %d' % (d, n_c, tot, grand, women, fmt, nc))
    print('deployments rows', len(dep_rows), 'mission rows', len(mis_rows))


if __name__ == '__main__':
    main()
