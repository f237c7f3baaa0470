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
# A supervision ledger of 永新县's 2025 report, shown to the public, and an
# office account with a password made now (printed below, never stored).
if [ -z "$("$mubiao" ledger list --db build/mubiao.db)" ]; then
  # Its newest report, listed first.
  listed=$("$mubiao" documents --db build/mubiao.db --region 360830 --format json)
  document=$(grep -m1 -o '^    "id": [0-9]*' <<<"$listed" | grep -o '[0-9]*$')
  "$mubiao" ledger create --db build/mubiao.db --document "$document" --by 督查室 >/dev/null
  "$mubiao" ledger roster --db build/mubiao.db --region 360830 --add 县人社局 --add 县教育局 >/dev/null
  "$mubiao" ledger assign --db build/mubiao.db --ledger 1 --keyword 就业 --lead 县人社局 --by 督查室 >/dev/null
  "$mubiao" ledger public --db build/mubiao.db --region 360830 on --by 督查室
fi
office_password=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
echo "$office_password" | "$mubiao" ledger account 督查室 --db build/mubiao.db --role admin --region 360830
listen="${MUBIAO_LISTEN:-127.0.0.1:8080}"
echo
echo "run: the portal on build/mubiao.db: http://${listen}/ (Ctrl-C stops it)"
echo "run: supervision pages at http://${listen}/ducha/ — sign in as 督查室 with password ${office_password}"
exec "$mubiao" serve --db build/mubiao.db --listen "$listen"
