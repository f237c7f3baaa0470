#!/usr/bin/env python3
"""Cold page times of a running `mubiao serve --cache-seconds 0`, per page type.

    bench/cold_pages.py BASE_URL [PAGES_PER_TYPE] [--json FILE]

Picks pages of every type from the portal's own API and links (reports,
places' scorecards, escalation views, places compared and an indicator's
history, changes since the year before, the explorer, search, listings,
place pages, the map), seeded so that runs compare, and fetches each once, one at a
time: with the page cache off every request renders from the database. Prints n, p50, p95 and the
slowest page per type, and how many pages took over 50 ms; asserts nothing.
--json FILE also writes the figures per type there ({type: {n, p50, p95,
max, slowest}}, times in ms), for bench/archive_scale.sh to compare two runs.
"""
import argparse
import json
import random
import re
import statistics
import time
import urllib.error
import urllib.parse
import urllib.request

BUDGET_MS = 50


def get(base, path):
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(base + path, timeout=60) as response:
            body, status = response.read(), response.status
    except urllib.error.HTTPError as error:
        body, status = error.read(), error.code
    return (time.perf_counter() - started) * 1000, status, body


def json_of(base, path):
    return json.loads(get(base, path)[2])


def pick(rng, items, n):
    items = list(items)
    return items if len(items) <= n else rng.sample(items, n)


def compared_groups(rng, regions, n):
    """Places to compare: pairs of provinces and of prefectures, and six of each."""
    groups = []
    for level in ("province", "prefecture"):
        places = [r for r in regions if r["level"] == level]
        if len(places) >= 6:
            groups += [rng.sample(places, 2) for _ in range(n // 4)] + [rng.sample(places, 6)]
    return groups


def pages_by_type(base, n, rng):
    first = json_of(base, "/api/v1/documents?per_page=100")
    documents = first["documents"]
    pages = (first["total"] + 99) // 100
    for page in pick(rng, range(2, pages + 1), 4):
        documents += json_of(base, f"/api/v1/documents?per_page=100&offset={100 * (page - 1)}")[
            "documents"]
    regions = [r for r in json_of(base, "/api/v1/regions")["regions"] if r["documents"] > 0]
    tracking_index = get(base, "/genzong/")[2].decode()
    form = tracking_index[tracking_index.index('name="indicator"'):]
    indicators = re.findall(r'<option value="([a-z_0-9]+)"', form[:form.index("</select>")])
    years = [2013, 2016, 2019, 2021, 2023, 2024]
    quote = urllib.parse.quote
    words = ["粮食", "就业", "生态环境", "高质量发展", "营商环境", "乡村振兴", "养老", "新能源汽车",
             "棚户区改造", "地区生产总值"]
    return {
        "home": ["/"],
        "report page": [d["url"] for d in pick(rng, documents, n)],
        "listing by area": [f"/baogao/{g}/" for g in ("huabei", "huadong", "xinan", "xibei")],
        "tracking index": ["/genzong/"],
        "scorecard": [f"/genzong/{r['code']}.html" for r in pick(rng, regions, n)],
        "escalation": [f"/genzong/jiama?indicator={i}&year={y}"
                       for i, y in pick(rng, [(i, y) for i in indicators for y in years], n)],
        "explorer": [f"/targets?year={y}" for y in years] +
                    [f"/targets?indicator={quote(w)}" for w in ("地区生产总值", "粮食", "就业")] +
                    [f"/targets?region={r['code']}" for r in pick(rng, regions, 4)] +
                    [f"/targets?strength={s}" for s in ("ensure", "strive", "none")] +
                    [f"/targets?topic={quote(t)}" for t in ("农业", "教育", "")],
        "place pages": ["/baogao/"] + [
            "/baogao/national/" if r["level"] == "national"
            else f"/baogao/{r.get('geo_region', 'huabei')}/?diqu={r['code']}"
            for r in pick(rng, [r for r in regions if r["level"] != "county"], n)],
        "search": [f"/search?q={quote(w)}" for w in words],
        "scorecard API": [f"/api/v1/scorecard/{r['code']}" for r in pick(rng, regions, n // 2)],
        "tracking API": [f"/api/v1/tracking?region={r['code']}&year={y}"
                         for r, y in zip(pick(rng, regions, n // 2), years * n)],
        "map": ["/ditu", "/ditu?zhibiao=dacheng", "/ditu?zhibiao=gdp"] +
               [f"/ditu?zhibiao={m}&year={y}" for m in ("dacheng", "gdp") for y in years],
        "map API": [f"/api/v1/map?metric={m}" for m in ("reports", "share_met", "gdp_target")],
        "places compared": ["/genzong/duibi.html?" + "&".join(f"diqu={r['code']}" for r in group)
                            for group in compared_groups(rng, regions, n)],
        "indicator history": ["/genzong/duibi.html?" + "&".join(f"diqu={r['code']}" for r in group) +
                              f"&indicator={i}"
                              for group, i in zip(compared_groups(rng, regions, n),
                                                  pick(rng, indicators, n) * n)],
        "changes": [f"/genzong/{r['code']}/bianhua.html" for r in pick(rng, regions, n)],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("base")
    parser.add_argument("pages_per_type", nargs="?", type=int, default=30)
    parser.add_argument("--json", metavar="FILE")
    args = parser.parse_args()
    base = args.base.rstrip("/")
    n = args.pages_per_type
    rng = random.Random(20261206)
    print(f"cold pages (page cache off, one request at a time), {base}")
    print(f"{'page type':<18} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'>50ms':>6}  slowest")
    over = 0
    total = 0
    figures = {}
    for kind, paths in pages_by_type(base, n, rng).items():
        times = []
        slowest = ("", 0.0)
        for path in paths:
            ms, status, _ = get(base, path)
            if status != 200:
                print(f"  {path}: HTTP {status}")
            times.append(ms)
            if ms > slowest[1]:
                slowest = (path, ms)
        if not times:
            continue
        times.sort()
        p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
        slow = sum(t > BUDGET_MS for t in times)
        over += slow
        total += len(times)
        print(f"{kind:<18} {len(times):>4} {statistics.median(times):>8.1f} {p95:>8.1f} "
              f"{times[-1]:>8.1f} {slow:>6}  {urllib.parse.unquote(slowest[0])}")
        figures[kind] = {"n": len(times), "p50": statistics.median(times), "p95": p95,
                         "max": times[-1], "slowest": urllib.parse.unquote(slowest[0])}
    print(f"{over} of {total} pages over {BUDGET_MS} ms (goal: p95 < {BUDGET_MS} ms for every type)")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(figures, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
