#!/usr/bin/env bash
# sanitize.sh — builds Ganarium with AddressSanitizer + UndefinedBehaviorSanitizer
# (clang-14, including float-cast-overflow) in build-sanitize/ (idempotent,
# incremental), runs every CTest suite under Xvfb, and prints a summary: each
# suite's result and each sanitizer report, marking the ones whose stack
# passes through Ganarium's own code (src/). Exit status 0 only when every
# suite passes and no report was written.
#
# Known third-party noise is suppressed in scripts/sanitizers/*.supp (each
# entry says why). Environment: SANITIZE_BUILD_DIR (default build-sanitize),
# SANITIZE_JOBS (build jobs, default 2), CTEST_ARGS (e.g. "-R test_core").
# Not run in CI: it takes ~25 min of CPU to build.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=${SANITIZE_BUILD_DIR:-build-sanitize}
JOBS=${SANITIZE_JOBS:-2}
REPORTS="$ROOT/$BUILD/sanitizer-reports"
SUPP="$ROOT/scripts/sanitizers"

for tool in clang-14 clang++-14 xvfb-run; do
  command -v $tool >/dev/null || { echo "sanitize.sh: $tool not found (apt-get install clang-14 libclang-rt-14-dev xvfb)" >&2; exit 2; }
done

# ---- build
SAN="-fsanitize=address,undefined,float-cast-overflow -fno-omit-frame-pointer"
if [ ! -f "$BUILD/CMakeCache.txt" ]; then
  CC=clang-14 CXX=clang++-14 cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    "-DCMAKE_C_FLAGS=$SAN" "-DCMAKE_CXX_FLAGS=$SAN" \
    "-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O1 -g -DNDEBUG" "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g -DNDEBUG" \
    "-DCMAKE_EXE_LINKER_FLAGS=-fsanitize=address,undefined" >/dev/null
fi
echo "building $BUILD (clang-14, ASan + UBSan) ..."
# -k 0: a file clang rejects costs only its own suite; the others are still built and run.
build_rc=0
nice -n 5 cmake --build "$BUILD" -j"$JOBS" -- -k 0 > "$BUILD/build.log" 2>&1 || build_rc=$?
if [ $build_rc -ne 0 ]; then
  grep -E "^FAILED|error:" "$BUILD/build.log" | head -30
  echo "sanitize.sh: some targets did not build with clang (full log: $BUILD/build.log); running the others" >&2
  [ -x "$BUILD/ganarium" ] || { echo "sanitize.sh: $BUILD/ganarium did not build" >&2; exit 1; }
fi

# ---- run the suites
rm -rf "$REPORTS" && mkdir -p "$REPORTS"
export OPENBLAS_NUM_THREADS=1 LIBGL_ALWAYS_SOFTWARE=1
export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:detect_stack_use_after_return=0:log_path=$REPORTS/report:log_exe_name=1:strip_path_prefix=$ROOT/"
export LSAN_OPTIONS="suppressions=$SUPP/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="suppressions=$SUPP/ubsan.supp:print_stacktrace=1:halt_on_error=0:log_path=$REPORTS/report:log_exe_name=1:strip_path_prefix=$ROOT/"
# Mesa's software driver is dlopen()ed by GLX/EGL and dlclose()d before LeakSanitizer
# runs, so its process-lifetime allocations show as leaks from "<unknown module>" that no
# suppression can name. Preloading it keeps it mapped: the frames then read swrast_dri.so
# and lsan.supp's entry for it applies.
MESA_SWRAST=/usr/lib/x86_64-linux-gnu/dri/swrast_dri.so
[ -f "$MESA_SWRAST" ] && export LD_PRELOAD="$MESA_SWRAST${LD_PRELOAD:+:$LD_PRELOAD}"
cd "$BUILD"
ctest_cmd=(ctest --output-on-failure --timeout 1800 ${CTEST_ARGS:-})
set +e
if [ -z "${DISPLAY:-}" ]; then
  xvfb-run -a -s "-screen 0 1920x1080x24" "${ctest_cmd[@]}" > ctest-sanitize.log 2>&1
else
  "${ctest_cmd[@]}" > ctest-sanitize.log 2>&1
fi
ctest_rc=$?
set -e
cd "$ROOT"

# ---- summary
echo
echo "== suites (full output: $BUILD/ctest-sanitize.log)"
grep -E '^ *[0-9]+/[0-9]+ Test +#' "$BUILD/ctest-sanitize.log" | sed -E 's/ +/ /g' || true
grep -E 'tests passed|tests failed' "$BUILD/ctest-sanitize.log" || true

echo
echo "== sanitizer reports ($REPORTS), one line per distinct finding"
reports=$(find "$REPORTS" -type f | sort)
declare -A count=() example=() own_code=()
for r in $reports; do
  # A finding is its first error line plus the first frame in src/ (or "third-party only").
  kind=$(grep -m1 -oE 'ERROR: [A-Za-z]+Sanitizer: [a-z-]+|[^ ]+: runtime error: .*' "$r" || echo "see file")
  frame=$(grep -m1 -oE 'in [^ ]+.* src/[a-z_]+/[a-z_0-9]+\.(cpp|h):[0-9]+' "$r" | sed -E 's/^in ([^(]+).* (src\/.*)$/\1 \2/' || true)
  key="$kind | ${frame:-third-party only}"
  count[$key]=$(( ${count[$key]:-0} + 1 ))
  example[$key]=$r
  # Ganarium's own when the error is located in src/ (UBSan) or its top frames are (ASan/LSan).
  if [[ $kind == src/* ]] || sed -n '/ERROR: /,$p' "$r" | grep -m3 -E '^ +#[0-9]+ ' | grep -qE ' src/[a-z_]+/'; then
    own_code[$key]=own
  elif [ -n "$frame" ]; then
    own_code[$key]=via
  fi
done
own=0
if [ ${#count[@]} -eq 0 ]; then
  echo "none"
else
  for key in "${!count[@]}"; do
    case ${own_code[$key]:-} in
      own) tag="GANARIUM"; own=$((own + 1)) ;;
      via) tag="3rd-party, called from src/" ;;
      *) tag="3rd-party" ;;
    esac
    printf '[%s] x%s  %s\n    e.g. %s\n' "$tag" "${count[$key]}" "$key" "${example[$key]}"
  done
fi
echo
n_reports=$(echo -n "$reports" | grep -c . || true)
echo "build: $([ $build_rc -eq 0 ] && echo complete || echo INCOMPLETE, see above)   suites: $([ $ctest_rc -eq 0 ] && echo all passed || echo SOME FAILED)   report files: $n_reports   distinct findings in Ganarium code: $own"
[ $build_rc -eq 0 ] && [ $ctest_rc -eq 0 ] && [ "$n_reports" -eq 0 ]
