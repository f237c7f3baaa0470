#!/usr/bin/env bash
# The main command: installs what is missing, builds mubiao, loads the
# project's sample documents into an SQLite database (build/mubiao.db) and
# shows what mubiao makes of them: outline and parts, then the targets; then
# serves the portal on that database (http://127.0.0.1:8080/ unless
# MUBIAO_LISTEN says another ADDRESS:PORT) until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh release
mubiao=build/release/src/cli/mubiao
"$mubiao" import examples/reports --db build/mubiao.db
"$mubiao" parse examples/reports
"$mubiao" targets examples/reports "$@"
listen="${MUBIAO_LISTEN:-127.0.0.1:8080}"
echo
echo "run: the portal on build/mubiao.db: http://${listen}/ (Ctrl-C stops it)"
exec "$mubiao" serve --db build/mubiao.db --listen "$listen"
