#!/usr/bin/env bash
# The portal under load: wrk (Debian) on loopback against a report page and a
# search page of `mubiao serve`, SECONDS each (default 20); then nginx
# (Debian) serving a saved copy of the same report page, as the baseline.
# Prints requests/s, p50/p99 latency and the ratio to nginx; asserts nothing.
# Then, when ../shared/data holds the corpus, every page type cold on the
# whole corpus: a second server with its page cache off (bench/cold_pages.py).
#   bench/web_bench.sh [SECONDS]
# Uses build/release (built if missing; MUBIAO_BINARY overrides) and a database made from
# examples/reports plus the seed report of ../shared/data when present.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
# The load generator and the baseline server are the bench's own needs, not
# the build's: installed here (Debian packages) when missing.
missing=()
for tool in wrk nginx curl python3; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if ((${#missing[@]})); then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  echo "web_bench: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
mubiao="${MUBIAO_BINARY:-build/release/src/cli/mubiao}"
[ -x "$mubiao" ] || scripts/build.sh release

work="$(mktemp -d)"
server_pid=""
nginx_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

inputs=(examples/reports)
seed="${MUBIAO_DATA_DIR:-../shared/data}/seed"
[ -d "$seed" ] && inputs+=("$seed")
"$mubiao" import "${inputs[@]}" --db "$work/bench.db" >/dev/null 2>&1

port="$(free_port)"
"$mubiao" serve --db "$work/bench.db" --listen "127.0.0.1:$port" >"$work/serve.out" 2>/dev/null &
server_pid=$!
for _ in $(seq 100); do grep -q http "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
base="http://127.0.0.1:$port"
# The report with the most targets: the largest page.
report="$(curl -sf "$base/api/v1/documents?per_page=100" | python3 -c '
import json, sys
docs = json.load(sys.stdin)["documents"]
print(max(docs, key=lambda d: d["targets"])["url"])')"
search="/search?q=%E7%B2%AE%E9%A3%9F"

mkdir -p "$work/www/baogao" "$work/nginx/logs"
curl -sf "$base$report" -o "$work/www/report.html"
# nginx's workers run as an unprivileged user: let them read the copy.
chmod -R a+rX "$work"
nginx_port="$(free_port)"
cat >"$work/nginx/nginx.conf" <<CONF
daemon off;
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/www;
  }
}
CONF
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" &
nginx_pid=$!
sleep 0.5

# "Requests/sec" and the 50% and 99% latency lines of wrk --latency, in ms.
measure() {
  wrk -t2 -c32 -d"${seconds}s" --latency "$1" >"$work/wrk.txt"
  python3 - "$work/wrk.txt" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def ms(label):
    m = re.search(r"^\s*%s\s+([\d.]+)(us|ms|s)\s*$" % label, text, re.M)
    value, unit = float(m.group(1)), m.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
print(f"{rps:.0f} {ms('50%'):.2f} {ms('99%'):.2f} {errors.group(1) if errors else 0}")
PY
}

echo "web_bench: ${seconds}s each, wrk -t2 -c32, loopback, $(nproc) cores shared by wrk and the server"
read -r rps_report p50_report p99_report err_report < <(measure "$base$report")
read -r rps_search p50_search p99_search err_search < <(measure "$base$search")
read -r rps_nginx p50_nginx p99_nginx err_nginx < <(measure "http://127.0.0.1:$nginx_port/report.html")
printf '%-34s %10s %9s %9s %8s %10s\n' "target" "req/s" "p50 ms" "p99 ms" "errors" "vs nginx"
row() { printf '%-34s %10s %9s %9s %8s %9.0f%%\n' "$1" "$2" "$3" "$4" "$5" "$(python3 -c "print(100*$2/$rps_nginx)")"; }
row "mubiao report page" "$rps_report" "$p50_report" "$p99_report" "$err_report"
row "mubiao search page" "$rps_search" "$p50_search" "$p99_search" "$err_search"
row "nginx, saved report page" "$rps_nginx" "$p50_nginx" "$p99_nginx" "$err_nginx"
echo "report page: $report ($(wc -c <"$work/www/report.html") bytes); goal: >= 50% of nginx, p99 < 20 ms"

corpus="${MUBIAO_DATA_DIR:-../shared/data}/corpus"
if [ ! -d "$corpus" ]; then
  echo "cold pages: skipped (no corpus at $corpus)"
  exit 0
fi
"$mubiao" import "$corpus" --db "$work/corpus.db" >/dev/null 2>&1
cold_port="$(free_port)"
"$mubiao" serve --db "$work/corpus.db" --listen "127.0.0.1:$cold_port" --cache-seconds 0 \
  >"$work/cold.out" 2>/dev/null &
cold_pid=$!
for _ in $(seq 100); do grep -q http "$work/cold.out" 2>/dev/null && break; sleep 0.1; done
python3 bench/cold_pages.py "http://127.0.0.1:$cold_port" 30
kill "$cold_pid" 2>/dev/null || true
