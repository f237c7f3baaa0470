#!/usr/bin/env bash
# SQLite against PostgreSQL on the whole corpus, on this machine.
#   bench/postgres_bench.sh [PAGES_PER_TYPE] [SECONDS]
# 1. imports ../shared/data/corpus into a fresh SQLite file and into a fresh
#    database on a throwaway PostgreSQL server (scripts/postgres_throwaway.sh,
#    durability off as for tests: a production server with fsync on writes
#    slower), timed, with the verdicts import derives;
# 2. serves each with `mubiao serve --cache-seconds 0` and runs
#    bench/cold_pages.py (PAGES_PER_TYPE pages of every type, default 20, the
#    same pages for both, search among them): p50 and p95 per page type on
#    each backend and the ratio PostgreSQL/SQLite; then 20 searches on both:
#    whether they find the same number of documents, how many of the first
#    ten they share, the same first hit, and p50/p95 of the search API;
# 3. with wrk and nginx (installed when missing): the report page through
#    nginx for SECONDS (default 10) with one and with two `serve` processes on
#    PostgreSQL behind it, requests/s and the ratio two/one.
# Asserts nothing: speed is measured here, never asserted in tests. Skips
# when the corpus is absent. Uses build/release (built if missing;
# MUBIAO_BINARY overrides); MUBIAO_DATA_DIR overrides ../shared/data.
set -euo pipefail
cd "$(dirname "$0")/.."
pages="${1:-20}"
seconds="${2:-10}"
corpus="${MUBIAO_DATA_DIR:-../shared/data}/corpus"
if [ ! -d "$corpus" ]; then
  echo "postgres_bench: skipped (no corpus at $corpus)"
  exit 0
fi
mubiao="${MUBIAO_BINARY:-build/release/src/cli/mubiao}"
[ -x "$mubiao" ] || scripts/build.sh release
mubiao="$(realpath "$mubiao")"

work="$(mktemp -d "${TMPDIR:-/tmp}/postgres_bench.XXXXXX")"
pgdir="$(mktemp -d /tmp/mubiao-bench-pg-XXXXXX)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  scripts/postgres_throwaway.sh stop "$pgdir" || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now() { date +%s.%N; }
pg_uri="$(scripts/postgres_throwaway.sh start "$pgdir")"
sqlite_db="$work/corpus.db"

# import_timed LABEL DATABASE: wall seconds into $work/LABEL.seconds.
import_timed() {
  local started
  started="$(now)"
  if ! "$mubiao" import "$corpus" --db "$2" >"$work/$1.import" 2>&1; then
    tail -n 20 "$work/$1.import" >&2
    exit 1
  fi
  python3 -c "print(f'{$(now) - $started:.1f}')" >"$work/$1.seconds"
  echo "$1: $(tail -n 1 "$work/$1.import")"
  echo "$1: $(cat "$work/$1.seconds") s wall (import and verdicts)"
}

# serve DATABASE [OPTIONS...]: starts a portal; its base URL into $base.
serve() {
  local db="$1" port
  shift
  port="$(free_port)"
  "$mubiao" serve --db "$db" --listen "127.0.0.1:$port" "$@" >"$work/serve.$port" 2>/dev/null &
  pids+=($!)
  for _ in $(seq 300); do grep -q http "$work/serve.$port" 2>/dev/null && break; sleep 0.1; done
  base="http://127.0.0.1:$port"
}

echo "postgres_bench: $(nproc) cores, $corpus"
import_timed sqlite "$sqlite_db"
import_timed postgresql "$pg_uri"

serve "$sqlite_db" --cache-seconds 0
sqlite_base="$base"
serve "$pg_uri" --cache-seconds 0
pg_base="$base"
for label in sqlite postgresql; do
  url="$sqlite_base"
  [ "$label" = postgresql ] && url="$pg_base"
  echo "$label:"
  python3 bench/cold_pages.py "$url" "$pages" --json "$work/$label.json"
done

# Search on both: the same matches (the totals), how alike the rankings are
# (shared documents among the first ten, the same first hit), and times.
python3 - "$sqlite_base" "$pg_base" <<'PY'
import json, statistics, sys, time, urllib.parse, urllib.request
sqlite_base, pg_base = sys.argv[1], sys.argv[2]
queries = ["粮食", "新增城镇就业", "碳达峰", "养老", "一老一小", "乡村振兴", "高质量发展", "营商环境",
           "专精特新", "城镇调查失业率", "人工智能", "稳中求进工作总基调", "粮", "GDP", "5G",
           '"粮食 安全"', "养老 OR 托育", "乡村振兴 -疫情", "数字经济 制造业", "民生实事"]
def search(base, q):
    started = time.perf_counter()
    with urllib.request.urlopen(f"{base}/api/v1/search?q={urllib.parse.quote(q)}&per_page=10") as r:
        body = json.load(r)
    return (time.perf_counter() - started) * 1000, body
times = {"SQLite": [], "PostgreSQL": []}
same_total = overlap = first = 0
for q in queries:
    for _ in range(3):
        for name, base in (("SQLite", sqlite_base), ("PostgreSQL", pg_base)):
            ms, _ = search(base, q)
            times[name].append(ms)
    _, a = search(sqlite_base, q)
    _, b = search(pg_base, q)
    ids_a = [h["id"] for h in a["hits"]]
    ids_b = [h["id"] for h in b["hits"]]
    same_total += a["total"] == b["total"]
    overlap += len(set(ids_a) & set(ids_b)) / max(1, min(10, len(ids_a)))
    first += bool(ids_a) and bool(ids_b) and ids_a[0] == ids_b[0]
n = len(queries)
print(f"search, {n} queries: same number of matches {same_total}/{n}; first ten shared "
      f"{overlap / n:.0%} on average; same first hit {first}/{n}")
for name, ms in times.items():
    ms.sort()
    print(f"search {name:<10} p50 {statistics.median(ms):6.1f} ms  p95 {ms[int(0.95 * (len(ms) - 1))]:6.1f} ms")
PY
kill "${pids[@]}" 2>/dev/null || true
wait 2>/dev/null || true
pids=()

python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
a, b = (json.load(open(f"{work}/{k}.json")) for k in ("sqlite", "postgresql"))
print(f"cold pages, ms          {'p50 SQLite':>10} {'p50 PG':>8} {'PG/SQLite':>9}   "
      f"{'p95 SQLite':>10} {'p95 PG':>8} {'PG/SQLite':>9}")
for kind in b:
    x, y = a.get(kind), b[kind]
    if x is None:
        continue
    print(f"{kind:<22} {x['p50']:>10.1f} {y['p50']:>8.1f} {y['p50'] / x['p50']:>9.2f}   "
          f"{x['p95']:>10.1f} {y['p95']:>8.1f} {y['p95'] / x['p95']:>9.2f}")
s = {k: float(open(f"{work}/{k}.seconds").read()) for k in ("sqlite", "postgresql")}
print(f"{'import (with verdicts)':<22} {s['sqlite']:>9.1f} s {s['postgresql']:>6.1f} s "
      f"{s['postgresql'] / s['sqlite']:>9.2f}")
PY

missing=()
for tool in wrk nginx; do command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] || missing+=("$tool"); done
if ((${#missing[@]})); then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
# through NODES...: requests/s of the report page through nginx in front of the nodes.
through() {
  local port upstream=""
  port="$(free_port)"
  for node in "$@"; do upstream+="server ${node#http://}; "; done
  mkdir -p "$work/nginx"
  cat >"$work/nginx/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  upstream portal { $upstream keepalive 64; }
  server {
    listen 127.0.0.1:$port;
    location / { proxy_pass http://portal; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
CONF
  "$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf" &
  local nginx_pid=$!
  sleep 0.5
  wrk -t2 -c32 -d"${seconds}s" "http://127.0.0.1:$port$report" | awk '/Requests\/sec/ {print $2}'
  kill "$nginx_pid"
  wait "$nginx_pid" 2>/dev/null || true
}
serve "$pg_uri" --threads 1
one="$base"
serve "$pg_uri" --threads 1
two="$base"
report="$(python3 -c "import json,urllib.request; print(json.load(urllib.request.urlopen('$one/api/v1/documents?per_page=1'))['documents'][0]['url'])")"
rps1="$(through "$one")"
rps2="$(through "$one" "$two")"
python3 -c "print(f'report page through nginx on PostgreSQL: 1 node {float(\"$rps1\"):.0f} req/s, 2 nodes {float(\"$rps2\"):.0f} req/s, ratio {float(\"$rps2\") / float(\"$rps1\"):.2f} (one thread per node; 2 cores shared by nginx, wrk, the nodes and PostgreSQL)')"
