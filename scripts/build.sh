#!/usr/bin/env bash
# Configures and builds one flavour of mubiao.
#   scripts/build.sh release   optimised, into build/release
#   scripts/build.sh test      with AddressSanitizer/UBSan and -Werror, into build/test
set -euo pipefail
cd "$(dirname "$0")/.."
flavour="${1:-release}"
case "$flavour" in
  release) args=(-DCMAKE_BUILD_TYPE=Release -DMUBIAO_SANITIZE=OFF -DMUBIAO_TESTS=OFF) ;;
  test)    args=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DMUBIAO_SANITIZE=ON -DMUBIAO_TESTS=ON) ;;
  bench)   args=(-DCMAKE_BUILD_TYPE=Release -DMUBIAO_SANITIZE=OFF -DMUBIAO_TESTS=OFF -DMUBIAO_BENCH=ON) ;;
  *) echo "usage: $0 release|test|bench" >&2; exit 2 ;;
esac
cmake -S . -B "build/$flavour" -G Ninja -DMUBIAO_WERROR=ON "${args[@]}" >/dev/null
cmake --build "build/$flavour" -j"$(nproc)"
