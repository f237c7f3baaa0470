#!/usr/bin/env bash
# A throwaway PostgreSQL server for tests and benchmarks: a cluster made by
# initdb in DIR, listening on a Unix socket in DIR only (and on 127.0.0.1:PORT
# when PORT is given), durability off. Run as root, it runs as the postgres
# user (PostgreSQL refuses root).
#   scripts/postgres_throwaway.sh start DIR [PORT]   prints the URI of database "mubiao"
#   scripts/postgres_throwaway.sh stop DIR           stops it and removes DIR
#   scripts/postgres_throwaway.sh restart DIR        stops it fast and starts it again
set -euo pipefail
action="${1:?start|stop|restart}"
dir="${2:?directory}"
port="${3:-}"
bin=""
for version in 15 16 17; do
  if [ -x "/usr/lib/postgresql/$version/bin/initdb" ]; then bin="/usr/lib/postgresql/$version/bin"; break; fi
done
[ -n "$bin" ] || { echo "postgres_throwaway: PostgreSQL is not installed (scripts/setup.sh installs postgresql-15)" >&2; exit 2; }
as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
listen="''"
[ -n "$port" ] && listen="127.0.0.1"
start() {
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o \
    "-k $dir -p ${port:-5432} -c listen_addresses=$listen -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c max_connections=200" \
    start >/dev/null
}
case "$action" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -A trust -U mubiao -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    start || { cat "$dir/server.log" >&2; exit 1; }
    as_owner "$bin/createdb" -h "$dir" -p "${port:-5432}" -U mubiao mubiao
    if [ -n "$port" ]; then echo "postgresql://mubiao@127.0.0.1:$port/mubiao"
    else echo "postgresql:///mubiao?host=$dir&port=5432&user=mubiao"; fi
    ;;
  stop)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  restart)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null
    start
    ;;
  *) echo "postgres_throwaway: unknown action $action" >&2; exit 2 ;;
esac
