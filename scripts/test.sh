#!/usr/bin/env bash
# test.sh — THE test command: installs dependencies, builds, and runs every
# doctest suite through CTest. OpenGL suites run under Xvfb with Mesa's
# llvmpipe when no display is present (as in CI).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
export OPENBLAS_NUM_THREADS=1 LIBGL_ALWAYS_SOFTWARE=1
cd build
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1920x1080x24" ctest -j2 --output-on-failure --timeout 900
else
  exec ctest -j2 --output-on-failure --timeout 900
fi
