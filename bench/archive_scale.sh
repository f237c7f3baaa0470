#!/usr/bin/env bash
# How import and cold pages grow with the archive: the corpus (x1) against a
# synthetic archive five times its size (x5), each imported into a fresh
# SQLite database and served with the page cache off.
#   bench/archive_scale.sh [PAGES_PER_TYPE]
# 1. imports ../shared/data/corpus (x1), timed: wall seconds and documents/s,
#    including the verdicts that import derives;
# 2. writes four copies of every provincial and local work report into a
#    temporary directory (bench/synthetic_archive.py: each copy a real county
#    of its own, figures scaled and wording changed, so the importer merges
#    none with its original; its header says how), and checks how the
#    importer reads them after step 3;
# 3. imports the corpus and the copies (x5) into a fresh database, timed;
# 4. prints the reports, targets, outcomes, commitments and verdicts of both
#    databases and their ratio (about 5 when the copies stayed apart);
# 5. serves each database with `mubiao serve --cache-seconds 0` and runs
#    bench/cold_pages.py against it (PAGES_PER_TYPE pages of every type,
#    default 30, picked from each archive), then prints per page type p50 and
#    p95 at x1 and x5 and the ratio x5/x1, and the ratio of import times.
# Growth at most linear means ratios of at most about 5; the goal for pages is
# p95 < 100 ms at x5. Asserts nothing: speed is measured here, never
# asserted in tests. Skips when the corpus is absent. Takes about 20 minutes
# on 2 cores and needs about 5 GB in $TMPDIR (default /tmp).
# Uses build/release (built if missing; MUBIAO_BINARY overrides);
# MUBIAO_DATA_DIR overrides ../shared/data.
set -euo pipefail
cd "$(dirname "$0")/.."
pages="${1:-30}"
corpus="${MUBIAO_DATA_DIR:-../shared/data}/corpus"
if [ ! -d "$corpus" ]; then
  echo "archive_scale: skipped (no corpus at $corpus)"
  exit 0
fi
command -v python3 >/dev/null || { echo "archive_scale: needs python3" >&2; exit 1; }
mubiao="${MUBIAO_BINARY:-build/release/src/cli/mubiao}"
[ -x "$mubiao" ] || scripts/build.sh release

work="$(mktemp -d "${TMPDIR:-/tmp}/archive_scale.XXXXXX")"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now() { date +%s.%N; }

# import LABEL PATH...: a fresh database $work/LABEL.db; wall seconds into $work/LABEL.seconds.
import_timed() {
  local label="$1"
  shift
  local started
  started="$(now)"
  if ! "$mubiao" import "$@" --db "$work/$label.db" >"$work/$label.import" 2>&1; then
    tail -n 20 "$work/$label.import" >&2
    exit 1
  fi
  python3 -c "print(f'{$(now) - $started:.1f}')" >"$work/$label.seconds"
  echo "$label: $(tail -n 1 "$work/$label.import")"
  echo "$label: $(cat "$work/$label.seconds") s wall (import and verdicts)"
}

echo "archive_scale: $(nproc) cores, $corpus"
import_timed x1 "$corpus"
python3 bench/synthetic_archive.py write "$corpus" "$work/x1.db" "$work/copies" --check 100
import_timed x5 "$corpus" "$work"/copies/copy*/
python3 bench/synthetic_archive.py verify "$work/copies" "$work/x5.db"
rm -rf "$work"/copies/copy*/

python3 - "$work" <<'PY'
import json, sqlite3, sys
work = sys.argv[1]
queries = {
    "documents": "SELECT count(*) FROM documents",
    "reports": "SELECT count(*) FROM documents WHERE primary_id IS NULL",
    "targets": "SELECT count(*) FROM targets f JOIN documents d ON d.id = f.document_id"
               " WHERE d.primary_id IS NULL",
    "outcomes": "SELECT count(*) FROM outcomes f JOIN documents d ON d.id = f.document_id"
                " WHERE d.primary_id IS NULL",
    "commitments": "SELECT count(*) FROM commitments f JOIN documents d ON d.id = f.document_id"
                   " WHERE d.primary_id IS NULL",
    "verdicts": "SELECT count(*) FROM verdicts",
}
def counts(db):
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        out = {name: conn.execute(sql).fetchone()[0] for name, sql in queries.items()}
        for status, n in conn.execute("SELECT status, count(*) FROM verdicts GROUP BY 1"):
            out["  " + status] = n
    return out
x1, x5 = counts(f"{work}/x1.db"), counts(f"{work}/x5.db")
print(f"{'':<16} {'x1':>10} {'x5':>10} {'x5/x1':>7}")
for name in x5:
    print(f"{name:<16} {x1.get(name, 0):>10} {x5[name]:>10} {x5[name] / max(1, x1.get(name, 0)):>7.2f}")
seconds = {k: float(open(f"{work}/{k}.seconds").read()) for k in ("x1", "x5")}
print(f"{'import s':<16} {seconds['x1']:>10.1f} {seconds['x5']:>10.1f} {seconds['x5'] / seconds['x1']:>7.2f}")
rate = {"x1": x1["documents"] / seconds["x1"], "x5": x5["documents"] / seconds["x5"]}
print(f"{'documents/s':<16} {rate['x1']:>10.1f} {rate['x5']:>10.1f} {rate['x5'] / rate['x1']:>7.2f}")
json.dump({"x1": x1, "x5": x5}, open(f"{work}/counts.json", "w"))
PY

# cold LABEL: serves $work/LABEL.db with the page cache off and times its pages.
cold() {
  local port
  port="$(free_port)"
  "$mubiao" serve --db "$work/$1.db" --listen "127.0.0.1:$port" --cache-seconds 0 \
    >"$work/$1.serve" 2>/dev/null &
  server_pid=$!
  for _ in $(seq 300); do grep -q http "$work/$1.serve" 2>/dev/null && break; sleep 0.1; done
  echo "$1:"
  python3 bench/cold_pages.py "http://127.0.0.1:$port" "$pages" --json "$work/$1.json"
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}
cold x1
cold x5

python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
x1, x5 = (json.load(open(f"{work}/{k}.json")) for k in ("x1", "x5"))
print(f"cold pages, ms          {'p50 x1':>8} {'p50 x5':>8} {'x5/x1':>6}   {'p95 x1':>8} {'p95 x5':>8} {'x5/x1':>6}")
for kind in x5:
    a, b = x1.get(kind), x5[kind]
    if a is None:
        continue
    flag = "  over 100 ms at x5" if b["p95"] >= 100 else ""
    print(f"{kind:<22} {a['p50']:>8.1f} {b['p50']:>8.1f} {b['p50'] / a['p50']:>6.2f}   "
          f"{a['p95']:>8.1f} {b['p95']:>8.1f} {b['p95'] / a['p95']:>6.2f}{flag}")
seconds = {k: float(open(f"{work}/{k}.seconds").read()) for k in ("x1", "x5")}
counts = json.load(open(f"{work}/counts.json"))
growth = counts["x5"]["documents"] / counts["x1"]["documents"]
print(f"{'import (with verdicts)':<22} {seconds['x1']:>7.1f} s {seconds['x5']:>7.1f} s  x5/x1 "
      f"{seconds['x5'] / seconds['x1']:.2f}, for {growth:.2f} times the documents")
PY
