// tile_pick.h — which sample-grid tiles of an image run are picked after a
// click: the first click picks A, the second B (the latent interpolation's
// ends; A's nearest training image is shown too), a third starts again at A.
#pragma once

#include <vector>

namespace ganarium {

// Tiles per image sample grid (8 x 8): valid picks are 0 .. kPickableTiles - 1.
constexpr int kPickableTiles = 64;

// The picked tiles after clicking `tile` with `current` picked ({}, {A} or {A, B}): {} -> {tile};
// {A} -> {A, tile} (clicking A again keeps {A}); {A, B} -> {tile}. A negative or out-of-range `tile` clears.
std::vector<int> tilesAfterClick(const std::vector<int>& current, int tile);

}  // namespace ganarium
