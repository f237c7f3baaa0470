#!/usr/bin/env bash
# The main command: installs what is missing, builds mubiao, loads the
# project's sample documents into an SQLite database (build/mubiao.db) and
# shows what mubiao makes of them: outline and parts, then the targets. (The
# portal will take over from here once it lands.)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh release
mubiao=build/release/src/cli/mubiao
"$mubiao" import examples/reports --db build/mubiao.db
"$mubiao" parse examples/reports
"$mubiao" targets examples/reports "$@"
