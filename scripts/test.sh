#!/usr/bin/env bash
# The test command: installs what is missing, builds with sanitizers and runs
# every test (unit tests, whole-corpus checks against ../shared/data when it
# is there, and a short run of every fuzz target).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh test
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
(cd build/test && ctest --output-on-failure -j"$(nproc)" --timeout 1200)
scripts/fuzz.sh "${MUBIAO_FUZZ_SECONDS:-10}"
