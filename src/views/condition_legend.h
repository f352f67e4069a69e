// condition_legend.h — the legend rows of a conditional toy run's data
// views: one dot per condition y in its class colour (render/colormap.h
// classColour), listed in place of the single "generated" row.
#pragma once

#include <vector>

#include "views/legend_overlay.h"
#include "views/toy_parts.h"

namespace ganarium {

// The most class rows a legend lists; more classes end with one "y = a..b" row.
inline constexpr int kMaxConditionLegendRows = 10;

// Legend rows "G(z, y): y = 0", "y = 1", ... for the run's labelled generated samples (none when unlabelled).
std::vector<LegendEntry> conditionLegendEntries(const ToyParts& parts);

}  // namespace ganarium
