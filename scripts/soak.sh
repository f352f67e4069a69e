#!/usr/bin/env bash
# soak.sh MINUTES — runs the window on scenes/ring8.toml (under xvfb-run when
# there is no DISPLAY) and `ganarium train` on the default scene side by side
# for MINUTES, sampling each process's resident memory (VmRSS in
# /proc/PID/status) every SOAK_INTERVAL seconds. After a warm-up (the first
# 20 % of the run, at least 60 s) the sample then taken is each process's
# baseline; the soak fails (exit 1) when a process's last sample is more than
# 5 % above its baseline, or when a process exits early. Prints a table of
# samples and the growth of each process.
#
# Environment: GANARIUM_BIN (default build/ganarium), SOAK_INTERVAL (default 5),
# SOAK_MAX_GROWTH_PCT (default 5), SOAK_LOG_DIR (default a temporary folder).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -ne 1 ] || ! [[ $1 =~ ^[0-9]+([.][0-9]+)?$ ]]; then
  echo "usage: scripts/soak.sh MINUTES   (e.g. scripts/soak.sh 10)" >&2
  exit 2
fi
BIN=${GANARIUM_BIN:-build/ganarium}
INTERVAL=${SOAK_INTERVAL:-5}
MAX_PCT=${SOAK_MAX_GROWTH_PCT:-5}
LOGS=${SOAK_LOG_DIR:-$(mktemp -d /tmp/ganarium-soak.XXXXXX)}
mkdir -p "$LOGS"
[ -x "$BIN" ] || { echo "soak.sh: no executable at $BIN: build it (scripts/build.sh) or set GANARIUM_BIN" >&2; exit 2; }
TOTAL_S=$(awk -v m="$1" 'BEGIN { printf "%d", m * 60 }')
WARMUP_S=$(( TOTAL_S / 5 > 60 ? TOTAL_S / 5 : 60 ))
[ "$WARMUP_S" -lt "$TOTAL_S" ] || { echo "soak.sh: MINUTES must exceed the 60 s warm-up (use 2 or more)" >&2; exit 2; }
export OPENBLAS_NUM_THREADS=1 LIBGL_ALWAYS_SOFTWARE=1

# ---- start both processes; each writes its own PID so we sample it, not a wrapper
BIN_ABS=$(readlink -f "$BIN")
gui_cmd=(bash -c 'echo $$ > "$1"; exec "$2" scenes/ring8.toml --frames 100000000' gui "$LOGS/gui.pid" "$BIN_ABS")
if [ -z "${DISPLAY:-}" ]; then
  xvfb-run -a -s "-screen 0 1280x720x24" "${gui_cmd[@]}" > "$LOGS/gui.log" 2>&1 &
else
  "${gui_cmd[@]}" > "$LOGS/gui.log" 2>&1 &
fi
GUI_WRAPPER=$!
bash -c 'echo $$ > "$1"; exec "$2" train default --steps 100000000' train "$LOGS/train.pid" "$BIN_ABS" \
  > "$LOGS/train.log" 2>&1 &
TRAIN_WRAPPER=$!

wait_for_pid_file() {
  for _ in $(seq 100); do [ -s "$1" ] && { cat "$1"; return 0; }; sleep 0.1; done
  echo "soak.sh: a process did not start (see $LOGS)" >&2
  exit 1
}
GUI_PID=$(wait_for_pid_file "$LOGS/gui.pid")
TRAIN_PID=$(wait_for_pid_file "$LOGS/train.pid")

stop_all() {
  for pid in "$GUI_PID" "$TRAIN_PID"; do kill "$pid" 2>/dev/null || true; done
  wait "$GUI_WRAPPER" "$TRAIN_WRAPPER" 2>/dev/null || true
}
trap stop_all EXIT

# VmRSS of a process in KiB, or empty when it has exited.
rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || true; }

# ---- sample
echo "soak: ${TOTAL_S}s, warm-up ${WARMUP_S}s, every ${INTERVAL}s; gui pid $GUI_PID, train pid $TRAIN_PID; logs in $LOGS"
SAMPLES="$LOGS/samples.tsv"
printf 't_s\tgui_kib\ttrain_kib\n' > "$SAMPLES"
start=$(date +%s)
early_exit=""
while :; do
  now=$(( $(date +%s) - start ))
  g=$(rss_kib "$GUI_PID"); t=$(rss_kib "$TRAIN_PID")
  [ -z "$g" ] && early_exit+=" gui"
  [ -z "$t" ] && early_exit+=" train"
  [ -n "$early_exit" ] && break
  printf '%s\t%s\t%s\n' "$now" "$g" "$t" >> "$SAMPLES"
  [ "$now" -ge "$TOTAL_S" ] && break
  sleep "$INTERVAL"
done

# ---- report
awk -F'\t' -v warm="$WARMUP_S" -v pct="$MAX_PCT" '
  NR == 1 { next }
  { n++; T[n] = $1; G[n] = $2; R[n] = $3
    if (!base && $1 >= warm) { base = n }
    if (base) { if ($2 > gpeak) gpeak = $2; if ($3 > tpeak) tpeak = $3 } }
  END {
    if (n == 0) { print "no samples"; exit 1 }
    step = n > 12 ? int(n / 12) : 1
    printf "\n%8s %12s %12s\n", "time s", "gui MiB", "train MiB"
    for (i = 1; i <= n; i++)
      if (i % step == 0 || i == 1 || i == n || i == base)
        printf "%8d %12.1f %12.1f%s\n", T[i], G[i] / 1024, R[i] / 1024, i == base ? "   <- baseline (end of warm-up)" : ""
    if (!base) { print "the run ended before the warm-up did"; exit 1 }
    fail = 0
    split("gui train", names, " ")
    for (k = 1; k <= 2; k++) {
      b = k == 1 ? G[base] : R[base]; l = k == 1 ? G[n] : R[n]; p = k == 1 ? gpeak : tpeak
      growth = (l - b) * 100 / b
      verdict = growth > pct ? "FAIL" : "ok"
      if (growth > pct) fail = 1
      printf "%-6s baseline %.1f MiB, last %.1f MiB, peak %.1f MiB: %+.2f MiB (%+.2f %%) over %d s  %s\n",
             names[k], b / 1024, l / 1024, p / 1024, (l - b) / 1024, growth, T[n] - T[base], verdict
    }
    exit fail
  }' "$SAMPLES" && status=0 || status=1

if [ -n "$early_exit" ]; then
  echo "soak.sh: process(es)${early_exit} exited before the end; last lines of their logs:" >&2
  for p in $early_exit; do tail -5 "$LOGS/$p.log" >&2; done
  status=1
fi
[ $status -eq 0 ] && echo "soak: PASS (growth within ${MAX_PCT} %)" || echo "soak: FAIL"
exit $status
