#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (into build-fuzz) and runs each
# for a while, starting from our seeds in fuzz/seeds/<target>/.
#   scripts/fuzz.sh [SECONDS] [TARGET...]
# SECONDS per target defaults to 60; TARGETs default to all of them (html
# docx pdf markdown text jsonl quantity targets url_path query_string cookie
# form search_query ducha). New inputs accumulate in
# build-fuzz/corpus/<target>/; crashes are written to
# build-fuzz/artifacts/<target>/ and make the script fail.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
if ((${#targets[@]} == 0)); then
  targets=(html docx pdf markdown text jsonl quantity targets url_path query_string cookie form
    search_query ducha)
fi

cmake -S . -B build-fuzz -G Ninja -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMUBIAO_FUZZ=ON -DMUBIAO_TESTS=OFF -DMUBIAO_BENCH=OFF \
  >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target "${targets[@]/#/fuzz_}"

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
failed=()
for target in "${targets[@]}"; do
  # Inputs a little larger than the seeds leave room to grow; binary formats
  # need more bytes to reach their interesting parts.
  case "$target" in
    docx | pdf) max_len=65536 ;;
    *) max_len=16384 ;;
  esac
  corpus="build-fuzz/corpus/$target"
  artifacts="build-fuzz/artifacts/$target/"
  mkdir -p "$corpus" "$artifacts"
  echo "fuzz: $target for ${seconds}s"
  if ! "build-fuzz/fuzz/fuzz_$target" -max_total_time="$seconds" -max_len="$max_len" \
      -rss_limit_mb=2048 -timeout=30 -print_final_stats=1 -artifact_prefix="$artifacts" \
      "$corpus" "fuzz/seeds/$target" 2>"build-fuzz/fuzz_$target.log"; then
    tail -n 40 "build-fuzz/fuzz_$target.log" >&2
    failed+=("$target")
  else
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "build-fuzz/fuzz_$target.log"
  fi
done
if ((${#failed[@]})); then
  echo "fuzz: findings in ${failed[*]} (see build-fuzz/artifacts/)" >&2
  exit 1
fi
echo "fuzz: no findings"
