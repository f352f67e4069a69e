// condition_legend.cpp — one legend row per condition y.
#include "views/condition_legend.h"

#include <string>

#include "render/colormap.h"

namespace ganarium {

std::vector<LegendEntry> conditionLegendEntries(const ToyParts& parts) {
    std::vector<LegendEntry> entries;
    if (!parts.labelledFakes()) return entries;
    const int classes = parts.fake_labels->classes;
    const int listed = classes <= kMaxConditionLegendRows ? classes : kMaxConditionLegendRows - 1;
    for (int k = 0; k < listed; ++k) {
        const std::string label = (k == 0 ? "G(z, y): y = " : "y = ") + std::to_string(k);
        entries.push_back({label, packAbgr(classColour(k, classes)), LegendSymbol::Dot});
    }
    if (listed < classes)
        entries.push_back({"y = " + std::to_string(listed) + ".." + std::to_string(classes - 1),
                           packAbgr(classColour(listed, classes)), LegendSymbol::Dot});
    return entries;
}

}  // namespace ganarium
