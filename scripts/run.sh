#!/usr/bin/env bash
# The main command: installs what is missing, builds mubiao and runs it on
# the project's sample documents.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh release
build/release/src/cli/mubiao parse examples/reports/ "$@"
