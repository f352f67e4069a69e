#!/usr/bin/env bash
# install-deps.sh — installs every Debian 12 package Ganarium needs to build,
# run, test and record, and selects OpenBLAS for LibTorch. Idempotent: it
# installs only what is missing. Needs root (uses sudo when not root).
set -euo pipefail

PACKAGES=(
  cmake g++ make pkg-config ninja-build
  libtorch-dev libopenblas0-openmp libgloo-dev
  libimgui-dev libglfw3-dev python3-glad libegl-dev libgl1-mesa-dri
  doctest-dev libstb-dev libtomlplusplus-dev zlib1g-dev
  ffmpeg xvfb xauth
  dataset-fashion-mnist fonts-dejavu-core fonts-wqy-microhei
  python3-torch
)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "install-deps.sh: not root and no sudo: install these packages by hand: ${PACKAGES[*]}" >&2; exit 1
  fi
fi

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then missing+=("$p"); fi
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps.sh: installing ${#missing[@]} package(s): ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "install-deps.sh: all ${#PACKAGES[@]} packages already installed"
fi

# LibTorch calls whatever libblas.so.3 the alternatives system selects; the
# reference BLAS is ~15x slower. Select OpenBLAS (openmp flavour) explicitly.
arch=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || echo x86_64-linux-gnu)
for lib in libblas.so.3 liblapack.so.3; do
  target="/usr/lib/$arch/openblas-openmp/$lib"
  if [ -e "$target" ]; then
    current=$(readlink -f "/usr/lib/$arch/$lib" || true)
    if [ "$current" != "$(readlink -f "$target")" ]; then
      $SUDO update-alternatives --quiet --set "$lib-$arch" "$target"
      echo "install-deps.sh: selected OpenBLAS for $lib"
    fi
  fi
done
