#!/usr/bin/env python3
"""Builds data/regions.tsv, the project's region gazetteer, from reference data.

Inputs (read-only, under the reference data directory):
  divisions/gbt2260-mca/result.csv
      every GB/T 2260 code the Ministry of Civil Affairs has published since
      1981, with level, status, first and last year and successor codes;
  divisions/names-pinyin/ok_data_level3.csv
      the current divisions with their short names (北京 for 北京市).

Output: data/regions.tsv (tab-separated, one record per code and period of
use, sorted by code and first year). Only codes, names and years are taken
over; the output is byte-for-byte the same for the same inputs.

Usage: tools/build_regions.py [DATA_DIR] [--output PATH]
"""

import argparse
import csv
import pathlib
import sys

REPO_ROOT = pathlib.Path(__file__).resolve().parent.parent

NATION_CODE = "000000"
NATION_NAME = "中华人民共和国"
NATION_SHORT_NAME = "全国"

# result.csv 级别 → our level names (the RegionLevelName spellings in C++).
LEVELS = {"省级": "province", "地级": "prefecture", "县级": "county"}

# Province short name → geographic region slug (report-archive convention).
GEO_BY_PROVINCE = {
    **dict.fromkeys(["北京", "天津", "河北", "山西", "内蒙古"], "huabei"),
    **dict.fromkeys(["辽宁", "吉林", "黑龙江"], "dongbei"),
    **dict.fromkeys(["上海", "江苏", "浙江", "安徽", "福建", "江西", "山东", "台湾"], "huadong"),
    **dict.fromkeys(["河南", "湖北", "湖南"], "huazhong"),
    **dict.fromkeys(["广东", "广西", "海南", "香港", "澳门"], "huanan"),
    **dict.fromkeys(["重庆", "四川", "贵州", "云南", "西藏"], "xinan"),
    **dict.fromkeys(["陕西", "甘肃", "青海", "宁夏", "新疆"], "xibei"),
}

# Ethnic group names as they appear inside autonomous-area names
# (延边朝鲜族自治州, 巴音郭楞蒙古自治州, 龙胜各族自治县); stripped to get the
# place name. One-character names only count when followed by 族, so that a
# place name ending in, say, 白 is left alone.
ETHNIC_GROUPS = (
    "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 "
    "高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 "
    "普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 "
    "珞巴 基诺 各"
).split()

# Generic suffixes stripped to form a short name, longest first. 行政区 and
# 工农区 are historic kinds of area (海南行政区, 金口河工农区). 林区 is left
# out on purpose: the one 林区, 神农架林区, has its short name in the source,
# while 万柏林区 and 碑林区 are districts whose names end in 林.
SUFFIXES = ("特别行政区", "自治区", "行政区", "工农区", "地区", "特区", "省", "盟", "市", "县", "区")
AUTONOMOUS_SUFFIXES = ("自治州", "自治县", "自治旗")
# Names whose last word is part of the name: the short name is the full name,
# as in the short-name source (井陉矿区 beside 井陉县, 浦东新区, every 旗).
KEEP_SUFFIXES = ("矿区", "新区", "旗")


# The forms matched at the end of a name, longest first so that the longest
# match is the one removed.
ETHNIC_TOKENS = sorted([g + "族" for g in ETHNIC_GROUPS] + [g for g in ETHNIC_GROUPS if len(g) > 1],
                       key=len, reverse=True)


def strip_ethnic(stem):
    """Removes trailing ethnic group names (藏族羌族, 蒙古) from `stem`."""
    while True:
        token = next((t for t in ETHNIC_TOKENS if stem.endswith(t)), None)
        if token is None:
            return stem
        stem = stem[: -len(token)]


def derive_short_name(name):
    """A short name for `name` by stripping its suffix; `name` when none fits.

    Never empty and never a single character: 沙县 stays 沙县.
    """
    if len(name) <= 2 or name.endswith(KEEP_SUFFIXES):
        return name
    stem = None
    for suffix in AUTONOMOUS_SUFFIXES:
        if name.endswith(suffix):
            stem = strip_ethnic(name[: -len(suffix)])
            break
    else:
        # The first suffix that leaves two characters: 工农区 itself is 工农.
        for suffix in SUFFIXES:
            if name.endswith(suffix) and len(name) - len(suffix) >= 2:
                stem = name[: -len(suffix)]
                # 管城回族区 → 管城: districts may carry an ethnic name too.
                if stem.endswith("族"):
                    stem = strip_ethnic(stem)
                break
    return stem if stem and len(stem) >= 2 else name


def read_csv(path):
    """The rows of a UTF-8 CSV file (with or without a byte-order mark) as dicts."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def load_short_names(path):
    """Short names from the pinyin file, keyed by (code, full name) and by
    (province code prefix, full name).

    The second key carries a current short name over to retired codes of a
    division with the same name in the same province (神农架林区 had three
    codes). The file lists some divisions twice (神农架 as a pseudo-prefecture
    and as a county); the shorter short name wins. Where the file gives the
    full name as the short name it does so on purpose (本溪满族自治县 under
    本溪市), and that choice is kept.
    """
    short_names = {}
    for row in read_csv(path):
        code = row["ext_id"][:6]
        if len(code) != 6:
            continue  # the 国外 pseudo-entry
        for key in ((code, row["ext_name"]), (code[:2], row["ext_name"])):
            if key not in short_names or len(row["name"]) < len(short_names[key]):
                short_names[key] = row["name"]
    return short_names


def first_successor(field):
    """The code that replaced a retired record.

    The field lists codes separated by ';'; a code with a [year] suffix
    received part of the area earlier, while the record was still in use, so
    it is not a successor. When several codes took over, the first is kept.
    """
    for token in field.split(";"):
        if token and "[" not in token:
            return token
    return ""


def overlaps(a, b):
    """True when two records were in use together beyond a year of change.

    A record ending in year Y and one starting in Y both count as in use in
    Y; that shared year alone is not an overlap here.
    """
    a_end = a["last_year"] or 9999
    b_end = b["last_year"] or 9999
    return a["first_year"] < b_end and b["first_year"] < a_end


def choose_short_name(record, pinyin_short, by_code):
    """The short name of `record`, once its enclosing divisions have theirs.

    1. The source's short name for this code and name, unless it leaves part
       of a suffix behind (六枝特 for 六枝特区).
    2. Else the source's short name for the same name elsewhere in the
       province (a retired code of 神农架林区), or one derived from the name;
       but the full name when that would shadow an enclosing division in use
       at the same time (开封县 in 开封市, 邯郸市 in 邯郸地区), as the source
       itself does for current divisions.
    """
    name = record["name"]
    derived = derive_short_name(name)
    given = pinyin_short.get((record["code"], name))
    if given:
        if given not in (name, derived) and given.startswith(derived):
            return derived
        return given
    short = pinyin_short.get((record["code"][:2], name)) or derived
    parent_code = record["parent"]
    while parent_code:
        parents = by_code[parent_code]
        if any(p["short_name"] == short and overlaps(p, record) for p in parents):
            return name
        parent_code = parents[0]["parent"]
    return short


def build_records(data_dir):
    divisions = data_dir / "divisions"
    rows = read_csv(divisions / "gbt2260-mca" / "result.csv")
    pinyin_short = load_short_names(divisions / "names-pinyin" / "ok_data_level3.csv")

    records = []
    for row in rows:
        code, name = row["代码"], row["名称"]
        level = LEVELS[row["级别"]]
        in_use = row["状态"] == "在用"
        if level == "province":
            parent = ""
        elif level == "prefecture" or row["二级行政区"] == "直辖":
            # Prefectures, and counties directly under a province or a
            # municipality (济源市 419001, 东城区 110101), belong to the province.
            parent = code[:2] + "0000"
        else:
            parent = code[:4] + "00"
        records.append(
            {
                "code": code,
                "name": name,
                "short_name": None,  # chosen below
                "level": level,
                "parent": parent,
                "geo": "",
                "first_year": int(row["启用时间"]),
                "last_year": 0 if in_use else int(row["变更/弃用时间"]),
                "successor": "" if in_use else first_successor(row["新代码"]),
            }
        )

    by_code = {}
    for record in records:
        by_code.setdefault(record["code"], []).append(record)
    for record in records:
        if record["parent"] and record["parent"] not in by_code:
            sys.exit(f"{record['code']} {record['name']}: no parent {record['parent']}")

    # Settled top-down, so that every record's enclosing divisions have theirs.
    order = {"province": 0, "prefecture": 1, "county": 2}
    for record in sorted(records, key=lambda r: order[r["level"]]):
        record["short_name"] = choose_short_name(record, pinyin_short, by_code)

    for record in records:
        if record["level"] == "province":
            record["geo"] = GEO_BY_PROVINCE[record["short_name"]]

    first_list = min(r["first_year"] for r in records)
    records.append(
        {
            "code": NATION_CODE,
            "name": NATION_NAME,
            "short_name": NATION_SHORT_NAME,
            "level": "national",
            "parent": "",
            "geo": "",
            "first_year": first_list,
            "last_year": 0,
            "successor": "",
        }
    )
    records.sort(key=lambda r: (r["code"], r["first_year"]))

    # Cross-check against the newest yearly list: exactly its codes are in use.
    lists = sorted((divisions / "gbt2260-mca" / "data").glob("[0-9][0-9][0-9][0-9].txt"))
    with open(lists[-1], encoding="utf-8-sig") as f:
        listed = {line.split()[0] for line in f if line.strip()}
    in_use = {r["code"] for r in records if r["last_year"] == 0} - {NATION_CODE}
    if listed != in_use:
        sys.exit(f"{lists[-1].name} disagrees with result.csv on {sorted(listed ^ in_use)[:10]}")
    return records, first_list, int(lists[-1].stem)


HEADER = """\
# mubiao region gazetteer: GB/T 2260 administrative division codes {first}-{last},
# including retired codes. Generated by tools/build_regions.py; do not edit.
# Sources: Ministry of Civil Affairs code lists as compiled in yescallop/areacodes
# (CC0); short names from xiangyuecn/AreaCity-JsSpider-StatsGov (MIT).
# Columns, tab-separated: code name short_name level parent_code geo first_year
#   last_year successor
# level: national, province, prefecture or county. parent_code: the enclosing
# division (empty for provinces). geo: geographic region slug, provinces only.
# A code is in use in year Y when first_year <= Y and (last_year is empty or
# Y <= last_year); last_year is the year it was replaced. successor: the code
# that replaced a retired one (empty when unknown or still in use).
"""

COLUMNS = ("code", "name", "short_name", "level", "parent", "geo", "first_year", "last_year",
           "successor")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", type=pathlib.Path,
                        default=REPO_ROOT.parent / "shared" / "data",
                        help="reference data directory (default: ../shared/data from the repo)")
    parser.add_argument("--output", type=pathlib.Path, default=REPO_ROOT / "data" / "regions.tsv",
                        help="file to write (default: data/regions.tsv)")
    args = parser.parse_args()

    records, first_list, last_list = build_records(args.data_dir)
    lines = [HEADER.format(first=first_list, last=last_list)]
    for record in records:
        fields = [str(record[c]) for c in COLUMNS]
        if record["last_year"] == 0:
            fields[COLUMNS.index("last_year")] = ""
        lines.append("\t".join(fields) + "\n")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with open(args.output, "w", encoding="utf-8", newline="\n") as f:
        f.writelines(lines)
    print(f"wrote {len(records)} records to {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
