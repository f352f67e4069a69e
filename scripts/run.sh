#!/usr/bin/env bash
# run.sh — THE main command: installs dependencies, builds, and opens the
# Ganarium window on the embedded default scene. Extra arguments go to
# `ganarium` (e.g. a scene file). Without a display it says so and points to
# the headless commands.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
exec ./build/ganarium "$@"
