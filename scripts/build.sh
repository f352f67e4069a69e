#!/usr/bin/env bash
# build.sh — configures and builds Ganarium into build/ (Release). Incremental
# and idempotent. Uses Ninja when available; one job per core.
set -euo pipefail
cd "$(dirname "$0")/.."
generator=()
if [ ! -f build/CMakeCache.txt ] && command -v ninja >/dev/null 2>&1; then generator=(-G Ninja); fi
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release "${generator[@]}" >/dev/null
cmake --build build --parallel "$(nproc)"
