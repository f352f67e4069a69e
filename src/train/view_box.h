// view_box.h — the data-space box the fields are drawn on: the scene's
// explicit view, or the data's bounds grown (never shrunk) to hold the
// generator's samples, rounded outward to tidy values so it stays stable.
#pragma once

#include <vector>

#include "core/snapshot.h"

namespace ganarium {

// `box` rounded outward to multiples of a tidy step (a half power of ten of its span).
Bounds roundOutward(const Bounds& box, int dim);

// `view` grown to hold `samples` (n x dim), rounded outward, but never beyond `limit`.
Bounds growView(const Bounds& view, const std::vector<float>& samples, int dim, const Bounds& limit);

// `box` scaled about its centre by `factor` (the growth limit around the data).
Bounds scaledAboutCentre(const Bounds& box, double factor);

}  // namespace ganarium
