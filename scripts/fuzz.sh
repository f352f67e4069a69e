#!/usr/bin/env bash
# fuzz.sh SECONDS [TARGET...] — builds the libFuzzer targets (clang-14, ASan +
# UBSan; idempotent) in build-fuzz/ and runs each target (scene, csv, idx;
# all by default) for SECONDS, then prints executions, corpus size and
# findings per target. The growing corpus lives in build-fuzz/corpus/TARGET
# (outside git), seeded from fuzz/seeds/TARGET, the shipped scenes and test
# data, and tests/data/fuzz_regressions/TARGET. Findings (crash-*, timeout-*,
# oom-*, leak-*) land in build-fuzz/findings/TARGET/; the fuzzer keeps going
# after one (fork mode). Exit status 1 when any target has findings.
#
# Environment: FUZZ_JOBS=2 runs two targets at once (default 1);
# FUZZ_BUILD_DIR (default build-fuzz); FUZZ_NICE (default 15).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

if [ $# -lt 1 ] || ! [[ $1 =~ ^[0-9]+$ ]]; then
  echo "usage: scripts/fuzz.sh SECONDS [scene|csv|idx ...]   (e.g. scripts/fuzz.sh 1800 scene csv)" >&2
  exit 2
fi
SECONDS_PER_TARGET=$1
shift
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(scene csv idx)
for t in "${TARGETS[@]}"; do
  case $t in scene|csv|idx) ;; *) echo "fuzz.sh: unknown target '$t' (use scene, csv or idx)" >&2; exit 2 ;; esac
done
BUILD=${FUZZ_BUILD_DIR:-build-fuzz}
JOBS=${FUZZ_JOBS:-1}
NICE=${FUZZ_NICE:-15}

for tool in clang-14 clang++-14; do
  command -v $tool >/dev/null || { echo "fuzz.sh: $tool not found: apt-get install clang-14 libclang-rt-14-dev" >&2; exit 2; }
done

# ---- build (configure once; ninja makes later builds incremental)
if [ ! -f "$BUILD/CMakeCache.txt" ]; then
  CC=clang-14 CXX=clang++-14 cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DGANARIUM_BUILD_FUZZERS=ON -DGANARIUM_BUILD_GUI=OFF -DGANARIUM_BUILD_TESTS=OFF >/dev/null
fi
nice -n 5 cmake --build "$BUILD" -j2 --target $(printf 'fuzz_%s ' "${TARGETS[@]}") | grep -v '^\[' || true
for t in "${TARGETS[@]}"; do
  [ -x "$BUILD/fuzz/fuzz_$t" ] || { echo "fuzz.sh: build of fuzz_$t failed" >&2; exit 1; }
done

# ---- seeds per target (read-only corpus folders after the first)
seed_dirs() {
  local t=$1 tmp="$BUILD/seeds-extra/$1"
  rm -rf "$tmp" && mkdir -p "$tmp"
  case $t in
    scene) cp scenes/*.toml "$tmp"/ ;;
    csv) cp tests/data/*.csv scenes/*.csv "$tmp"/ 2>/dev/null || true ;;
    idx) ;;
  esac
  echo "$tmp" "fuzz/seeds/$t"
  [ -d "tests/data/fuzz_regressions/$t" ] && echo "tests/data/fuzz_regressions/$t"
  return 0
}

# ---- one target: fuzz for SECONDS, log to $BUILD/logs/TARGET.log
run_target() {
  local t=$1
  local corpus="$BUILD/corpus/$t" findings="$BUILD/findings/$t" log="$BUILD/logs/$t.log"
  mkdir -p "$corpus" "$findings" "$BUILD/logs"
  local extra=()
  [ "$t" = scene ] && extra+=(-dict=fuzz/scene.dict -max_len=16384)
  [ "$t" = csv ] && extra+=(-max_len=8192)
  [ "$t" = idx ] && extra+=(-max_len=4096)
  # fork=1 with ignore_*: a finding is saved and fuzzing goes on instead of stopping.
  nice -n "$NICE" "$BUILD/fuzz/fuzz_$t" "$corpus" $(seed_dirs "$t") "${extra[@]}" \
    -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048 \
    -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -artifact_prefix="$findings/" -print_final_stats=1 </dev/null >"$log" 2>&1 || true
}

echo "fuzzing ${TARGETS[*]} for ${SECONDS_PER_TARGET}s each ($JOBS at a time); logs in $BUILD/logs/"
running=0
for t in "${TARGETS[@]}"; do
  run_target "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$JOBS" ]; then wait -n || true; running=$((running - 1)); fi
done
wait

# ---- summary
status=0
printf '\n%-6s %14s %8s %9s  %s\n' target executions corpus findings "findings folder"
for t in "${TARGETS[@]}"; do
  log="$BUILD/logs/$t.log"
  # fork mode prints "#EXECS: cov: ... corp: N ..." lines; the last one is the total.
  execs=$(grep -oE '^#[0-9]+:' "$log" | tail -1 | tr -d '#:' || true)
  [ -z "$execs" ] && execs=$(grep -oE 'stat::number_of_executed_units: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
  corpus=$(find "$BUILD/corpus/$t" -type f | wc -l)
  findings=$(find "$BUILD/findings/$t" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) | wc -l)
  printf '%-6s %14s %8s %9s  %s\n' "$t" "${execs:-?}" "$corpus" "$findings" "$BUILD/findings/$t"
  [ "$findings" -gt 0 ] && status=1
done
if [ $status -ne 0 ]; then
  echo
  echo "Findings: replay one with $BUILD/fuzz/fuzz_TARGET FILE, minimize it with -minimize_crash=1 -runs=10000,"
  echo "then add it to tests/data/fuzz_regressions/TARGET/ (replayed by test_core's fuzz regression test)."
fi
exit $status
