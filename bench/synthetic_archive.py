#!/usr/bin/env python3
"""A synthetic archive N times the corpus, for bench/archive_scale.sh.

    bench/synthetic_archive.py write CORPUS X1_DB OUT [--copies 4] [--check N]
    bench/synthetic_archive.py verify OUT X5_DB

`write` writes COPIES copies of every provincial and local work report of CORPUS
(../shared/data/corpus, imported into X1_DB by `mubiao import`) into
OUT/copy<k>/<category>/<new place>/<file>, and OUT/copy<k>.tsv listing each
copy with its original and the region it should be read as; CORPUS plus the
copies is an archive of COPIES + 1 times the reports. Nothing is written into
the repository: OUT is a temporary directory of the caller. `verify` reads
the lists and X5_DB (CORPUS and the copies imported) and prints how many
copies the importer read at their new place and how many it merged into
another source; bench/archive_scale.sh runs both.

Each copy must be a report the importer keeps apart from the original and
from the other copies (src/report/identity.h merges sources of one place,
type and year that resemble each other at 0.5 and near-identical texts
anywhere at 0.9), yet as much work to import and track:

- Place. A file's place is the region X1_DB read it as (the importer's own
  reading: some files are filed under another place's folder). Copy k of all
  the reports of one place goes to one real county-level division (GB/T 2260,
  data/regions.tsv), a different one for every place and copy: first the
  place's own counties (a prefecture's copy becomes one of its counties,
  which is how a real archive grows), then others of its province. Its
  level is county: there are not four spare divisions of each province or
  prefecture. The place's full name (泰安市), its short name (泰安, unless
  it begins another division's name: 吉林省 in a 吉林市 report) and a
  自治州's short form (大理州), and those of the folder's place, are
  rewritten everywhere in one pass, and the title names the county when it
  named no place ("2025年政府工作报告": a province's report may name itself
  nowhere else, and counties are not counted when a report names no place).
  Counties chosen bear a name no other division ever bore, whose short name
  is no province's or prefecture's (大理市 would be read as 大理州). All the
  years of a place stay in one copy, so the next year's review still
  settles a year's targets.
- Figures. Every Arabic figure of the body is scaled by 1 + 0.15k; years,
  dates, ordinals, list numbers, figures next to Latin letters (5G, PM2.5)
  and the front matter (URLs) are left alone; a whole percentage gains a
  decimal (6% → 6.9%). Targets and outcomes still read as quantities, and a
  target and its outcome scale alike, so tracking has the same work.
- Wording. Figures and names alone leave a copy resembling its original
  about 0.9 (four-character shingles holding a digit are a tenth of a
  report's), so the sentences without a figure, a colon or a word governing
  the clauses after it (确保, 力争) are reworded, differently in each copy:
  their clauses and list items in another order, other words for common
  verbs no extractor lexicon lists (加强, 完善, ...), 的 dropped. The first
  ten lines (meeting line, speaker, opening: where metadata is read) keep
  their wording. A copy then resembles its original and the other copies
  about 0.65 (at most about 0.75): far enough below 0.9 that the
  fingerprint's estimate does not reach it (0.5 applies within one
  place-year, and each copy has a place of its own).

Only work reports are copied. National documents (the State Council's
reports, national communiqués and plans) are not: there is one nation, and
another place-year for them would not be a national document; nor are the
few provincial plans, whose copies would read as national ones (a plan is
national unless its title names a 省, 自治区 or 市). --check N compares N
copies with their originals by the exact Jaccard similarity of their
four-character shingles (what the fingerprint estimates) and prints the
median and the highest.
"""
import argparse
import csv
import os
import random
import re
import sqlite3
import sys
import unicodedata

PLACE_SUFFIXES = "省市县区州盟旗"


def read_regions(path):
    """Rows of data/regions.tsv as dicts, comments skipped."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cells = line.rstrip("\n").split("\t")
            code, name, short, level, parent, _geo, first, last = cells[:8]
            rows.append({"code": code, "name": name, "short": short, "level": level,
                         "parent": parent, "first": int(first or 0), "last": int(last or 0)})
    return rows


def latest(rows):
    """The row in use, else the one retired last (a code or name reused over time)."""
    return min(rows, key=lambda r: (r["last"] != 0, -r["last"]), default=None)


def candidate_counties(regions):
    """Counties a copy may move to, in use; each with "unique_since", the first
    year from which no other division bears its name or short name."""
    bearers = {}
    for r in regions:
        for n in {r["name"], r["short"]}:
            bearers.setdefault(n, []).append(r)
    upper_shorts = {r["short"] for r in regions if r["level"] in ("province", "prefecture")}
    out = []
    for r in regions:
        if r["level"] != "county" or r["last"] != 0:
            continue
        if len(r["short"]) < 2 or r["short"] in upper_shorts:
            continue
        if "的" in r["name"] or SYNONYM.search(r["name"]):
            continue  # reworded sentences would change the name
        others = [o for n in (r["name"], r["short"]) for o in bearers[n] if o["code"] != r["code"]]
        if any(o["last"] == 0 for o in others):
            continue
        out.append(dict(r, unique_since=max((o["last"] + 1 for o in others), default=0)))
    return out


def kind_rank(county):
    """County-level cities first (their reports say 全市 and 市长 too), then 县 and 旗, then 区."""
    return {"市": 0, "县": 1, "旗": 1, "区": 2}.get(county["name"][-1], 3)


def assign_targets(places, counties, copies):
    """{(place code, k): county} for k = 1..copies, each county used once, its
    name unique since the place's first report ("first_year" of a place)."""
    by_parent, by_province = {}, {}
    for c in sorted(counties, key=lambda c: (kind_rank(c), c["code"])):
        by_parent.setdefault(c["parent"], []).append(c)
        by_province.setdefault(c["code"][:2], []).append(c)
    everywhere = sorted(counties, key=lambda c: c["code"])
    used, targets = set(), {}
    # Prefectures take their own counties before provinces take what is left.
    first = {"prefecture": 0, "county": 1, "province": 2}
    for place in sorted(places.values(), key=lambda p: (first[p["level"]], p["code"])):
        parent = place["code"] if place["level"] == "prefecture" else place["parent"]
        pools = [by_parent.get(parent, []), by_province.get(place["code"][:2], []), everywhere]
        for k in range(1, copies + 1):
            county = next(c for pool in pools for c in pool
                          if c["code"] not in used and c["unique_since"] <= place["first_year"])
            used.add(county["code"])
            targets[(place["code"], k)] = county
    return targets


def renamer(places, county):
    """A function rewriting the names of `places` in a text to those of `county`, in one pass."""
    mapping = {}
    for place in places:
        mapping[place["name"]] = county["name"]
        if place["name"].endswith("州") and place["short"] + "州" != place["name"]:
            mapping[place["short"] + "州"] = county["name"]  # 大理州
    shorts = {p["short"] for p in places if len(p["short"]) >= 2} - set(mapping)
    # The short name, unless it begins another division's name (吉林省).
    words = [re.escape(w) for w in sorted(mapping, key=len, reverse=True)]
    words += [re.escape(w) + f"(?![{PLACE_SUFFIXES}])" for w in sorted(shorts, key=len, reverse=True)]
    pattern = re.compile("|".join(words))
    return lambda text: pattern.sub(lambda m: mapping.get(m.group(0), county["short"]), text)


NUMBER = re.compile(r"(?<![A-Za-z0-9.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![A-Za-z0-9])")
DATE_UNITS = ("年", "月", "日", "号", "届", "次会议")
LIST_MARKER = re.compile(r"^\s*(?:[#>*-]+\s*)?(?:\*\*)?[（(]?\d+[.、．)）]")


def scale_figures(line, factor):
    """`line` with its figures scaled by `factor` (see the module comment)."""
    marker = LIST_MARKER.match(line)
    keep = marker.end() if marker else 0

    def scaled(m):
        if m.start() < keep:
            return m.group(0)
        whole, fraction = m.group(1), m.group(2) or ""
        value = float(whole.replace(",", "") + fraction)
        after = line[m.end():m.end() + 4]
        before = line[max(0, m.start() - 1):m.start()]
        if after.startswith(DATE_UNITS) or before in ("第", "（", "("):
            return m.group(0)
        if not fraction and 1900 <= value <= 2100:
            return m.group(0)  # a year
        decimals = len(fraction) - 1 if fraction else 0
        if not fraction and after[:1] in ("%", "％"):
            decimals = 1
        text = f"{value * factor:.{decimals}f}"
        if decimals == 1 and text.endswith(".0"):
            text = text[:-2]
        if "," in whole:
            text = f"{float(text):,.{decimals}f}"
        return text
    return NUMBER.sub(scaled, line)


# Sentences left as they are, figures aside: those with a figure (targets and
# outcomes), a colon (a list's head) or a word that governs the clauses after
# it (确保, 力争: src/targets' commitment strength).
KEEP_SENTENCE = re.compile(r"[0-9：:]|确保|保证|务必|力争|争取|争创")
SENTENCE = re.compile(r"[^。！？；]+[。！？；]?")
PAIRS = ("“”", "《》", "（）", "()", "【】")
# Words no lexicon of the extractor lists (data/lexicon), each with another
# word for each copy.
SYNONYMS = {
    "加强": ["强化", "增强", "加大", "注重"], "完善": ["健全", "改进", "规范", "充实"],
    "深化": ["深耕", "推深", "加深", "深挖"], "不断": ["逐步", "日益", "日渐", "逐渐"],
    "坚决": ["果断", "坚定", "毅然", "决然"], "严格": ["从严", "严密", "严肃", "严厉"],
    "切实": ["着实", "确实", "务实", "真正"], "认真": ["用心", "细致", "严谨", "务实"],
    "围绕": ["聚焦", "紧扣", "紧盯", "立足"], "构建": ["搭建", "建构", "塑造", "形塑"],
    "健全": ["完善", "改进", "规范", "充实"], "统筹": ["协调", "兼顾", "通盘", "统合"],
    "强化": ["加强", "增强", "夯实", "做实"], "贯彻": ["践行", "遵循", "秉持", "坚守"],
    "优化": ["改进", "调优", "改良", "优选"],
}
SYNONYM = re.compile("|".join(SYNONYMS))


def order(n, k):
    """The order of n parts in copy k: a rotation, the reverse, ... (four distinct for n >= 3)."""
    parts = list(range(n))
    orders = [parts[1:] + parts[:1], parts[::-1], parts[2:] + parts[:2], (parts[1:] + parts[:1])[::-1]]
    return orders[(k - 1) % len(orders)]


def movable(parts):
    """Whether parts of a sentence can change places: none opens a quotation or
    bracket it does not close, none holds Markdown emphasis."""
    return all("*" not in p and all(p.count(a) == p.count(b) for a, b in PAIRS) for p in parts)


def reword(sentence, k):
    """A sentence without figures said otherwise in copy k: its clauses and the
    items of its lists in another order, other words for common verbs, without 的."""
    end = sentence[-1] if sentence[-1] in "。！？；" else ""
    body = sentence[:len(sentence) - len(end)]
    clauses = []
    for clause in body.split("，"):
        items = clause.split("、")
        if len(items) > 1 and movable(items):
            clause = "、".join(items[i] for i in order(len(items), k))
        clauses.append(clause)
    if len(clauses) >= 3 and movable(clauses):
        clauses = [clauses[i] for i in order(len(clauses), k)]
    body = SYNONYM.sub(lambda m: SYNONYMS[m.group(0)][(k - 1) % 4], "，".join(clauses))
    return body.replace("的", "") + end


def rework(line, k):
    """`line` with its sentences without figures reworded (see reword)."""
    if len(line) < 40 or line.lstrip()[:1] in "#<>|":
        return line  # a heading, markup, a quotation or a table
    return "".join(s if KEEP_SENTENCE.search(s) else reword(s, k) for s in SENTENCE.findall(line))


def shingles(text):
    """The fingerprint's four-character shingles: Han and ASCII letters and digits."""
    chars = []
    for ch in unicodedata.normalize("NFKC", text):
        if ch.isascii() and ch.isalnum():
            chars.append(ch.lower())
        elif "\u3400" <= ch <= "\u9fff" or "\U00020000" <= ch <= "\U0003134f":
            chars.append(ch)
    s = "".join(chars)
    return {s[i:i + 4] for i in range(len(s) - 3)}


def jaccard(a, b):
    return len(a & b) / max(1, len(a | b))


def titled(title, name):
    """A title naming no place given `name` where metadata reads one: before
    政府工作报告 (out of its 《》), else after a leading year."""
    title = title.replace("《", "").replace("》", "")
    at = title.find("政府工作报告")
    if at < 0:
        year = re.match(r"\d{4}年", title)
        at = year.end() if year else 0
    return title[:at] + name + title[at:]


def perturb(text, k, rename, county):
    """Copy k of a document: names rewritten everywhere and a title naming no
    place given the county's; figures scaled and the other sentences reworded
    in the body past its first lines; the front matter and HTML comments
    (URLs) only renamed."""
    out, front, comment, body_lines = [], False, False, 0
    for i, line in enumerate(text.split("\n")):
        line = rename(line)
        if i == 0 and line.strip() == "---":
            front = True
        elif front and line.strip() == "---":
            front = False
        elif front and line.startswith("title:") and county["name"] not in line:
            line = "title: " + titled(line[len("title:"):].strip(), county["name"])
        starts_comment = "<!--" in line
        if starts_comment and "-->" not in line:
            comment = True
        plain = not (front or comment or starts_comment or "http" in line or line.strip() == "---")
        if comment and "-->" in line:
            comment = False
        if plain and line.strip():
            body_lines += 1
            line = scale_figures(line, 1 + 0.15 * k)
            if body_lines > 10:
                line = rework(line, k)
        out.append(line)
    return "\n".join(out)


def imported_places(db):
    """{real path of a file: (region code, level, year, type)} as the importer read them."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        rows = conn.execute(
            "SELECT source_file, region_code, level, year, doc_type FROM documents").fetchall()
    return {os.path.realpath(row[0]): row[1:] for row in rows}


def corpus_reports(corpus, db, regions):
    """The work reports of CORPUS to copy, as (path, path in CORPUS split, place,
    places named), their places by code, and counts of files not copied by why."""
    by_code, by_name = {}, {}
    for r in regions:
        by_code.setdefault(r["code"], []).append(r)
        if r["level"] in ("province", "prefecture"):
            by_name.setdefault(r["name"], []).append(r)
    read_as = imported_places(db)
    files, places = [], {}
    skipped = {"national": 0, "not a work report": 0, "no region": 0, "not imported": 0}
    for root, _dirs, names in sorted(os.walk(corpus)):
        for name in sorted(names):
            path = os.path.join(root, name)
            code, level, year, kind = read_as.get(os.path.realpath(path), (None,) * 4)
            rel = os.path.relpath(path, corpus).split(os.sep)
            if len(rel) != 3 or level == "national":
                skipped["national"] += 1  # by its folder or as read
                continue
            if level is None or not code or kind != "work_report":
                skipped["not imported" if level is None else "no region" if not code
                        else "not a work report"] += 1
                continue
            place = places.setdefault(code, dict(latest(by_code[code]), first_year=year))
            place["first_year"] = min(place["first_year"], year)
            folder = latest(by_name.get(os.path.basename(root), []))
            named = [place] + ([folder] if folder and folder["code"] != code else [])
            files.append((path, rel, place, named))
    return files, places, skipped


def write(args):
    regions = read_regions(args.regions)
    files, places, skipped = corpus_reports(args.corpus, args.db, regions)
    os.makedirs(args.out, exist_ok=True)
    targets = assign_targets(places, candidate_counties(regions), args.copies)

    checks, written = [], set()
    sample = set(random.Random(20261207).sample(range(len(files) * args.copies),
                                                min(args.check, len(files) * args.copies)))
    for k in range(1, args.copies + 1):
        with open(os.path.join(args.out, f"copy{k}.tsv"), "w", encoding="utf-8") as listing:
            writer = csv.writer(listing, delimiter="\t", lineterminator="\n")
            for i, (path, rel, place, named) in enumerate(files):
                county = targets[(place["code"], k)]
                with open(path, encoding="utf-8") as f:
                    original = f.read()
                copy = perturb(original, k, renamer(named, county), county)
                out = os.path.join(args.out, f"copy{k}", rel[0], county["name"], rel[-1])
                while out in written:  # two folders holding reports of one place
                    out = re.sub(r"(\.\w+)$", r"-2\1", out)
                written.add(out)
                os.makedirs(os.path.dirname(out), exist_ok=True)
                with open(out, "w", encoding="utf-8") as f:
                    f.write(copy)
                writer.writerow([out, path, county["code"], county["name"]])
                if (k - 1) * len(files) + i in sample:
                    checks.append((jaccard(shingles(original), shingles(copy)), out))
    print(f"synthetic archive: {len(files)} reports of {len(places)} places copied "
          f"{args.copies} times to as many counties ({len(files) * args.copies} files); "
          f"not copied: {', '.join(f'{n} {why}' for why, n in skipped.items())}")
    if checks:
        checks.sort()
        print(f"  resemblance of {len(checks)} copies to their originals: median "
              f"{checks[len(checks) // 2][0]:.2f}, highest {checks[-1][0]:.2f} ({checks[-1][1]}); "
              f"merged at 0.9")


def verify(args):
    rows = []
    for name in sorted(os.listdir(args.out)):
        if re.fullmatch(r"copy\d+\.tsv", name):
            with open(os.path.join(args.out, name), encoding="utf-8") as f:
                rows += list(csv.reader(f, delimiter="\t"))
    with sqlite3.connect(f"file:{args.db}?mode=ro", uri=True) as conn:
        stored = {path: (code, primary is not None) for path, code, primary in conn.execute(
            "SELECT source_path, region_code, primary_id FROM documents")}
    missing = sum(r[0] not in stored for r in rows)
    placed = sum(stored.get(r[0], (None,))[0] == r[2] for r in rows)
    merged = [r for r in rows if stored.get(r[0], (None, False))[1]]
    # A copy of a source merged in the corpus (two files of one report) is merged alike.
    alike = sum(stored.get(r[1], (None, False))[1] for r in merged)
    print(f"synthetic archive: {placed} of {len(rows)} copies read at their new place; "
          f"{len(merged)} merged into another source, {alike} of them as their originals are; "
          f"{missing} not stored")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    w = commands.add_parser("write", help="write the copies")
    w.add_argument("corpus")
    w.add_argument("db", help="the corpus imported by mubiao import")
    w.add_argument("out")
    w.add_argument("--copies", type=int, default=4)
    w.add_argument("--regions", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "data", "regions.tsv"))
    w.add_argument("--check", type=int, default=0, metavar="N")
    v = commands.add_parser("verify", help="check how the importer read the copies")
    v.add_argument("out")
    v.add_argument("db", help="the corpus and the copies imported by mubiao import")
    args = parser.parse_args()
    write(args) if args.command == "write" else verify(args)


if __name__ == "__main__":
    main()
