// display_state.cpp — the layer table (names, defaults, changes) and the
// equality and layout rules of DisplayState.
#include "core/display_state.h"

#include <algorithm>

namespace ganarium {

namespace {
// In ViewLayers order.
const std::vector<std::string> kLayerNames = {"real",      "fake",   "d_field",  "contours", "d_optimal",
                                              "densities", "arrows", "manifold", "gp_lines", "modes",
                                              "loss_shapes"};
}  // namespace

bool* layerSlot(ViewLayers& layers, int index) {
    bool* slots[] = {&layers.real,      &layers.fake,   &layers.d_field,  &layers.contours, &layers.d_optimal,
                     &layers.densities, &layers.arrows, &layers.manifold, &layers.gp_lines, &layers.modes,
                     &layers.loss_shapes};
    return index >= 0 && index < 11 ? slots[index] : nullptr;
}

const std::vector<std::string>& layerNames() { return kLayerNames; }

void setLayers(ViewLayers& layers, const std::vector<std::string>& names, bool on) {
    for (const std::string& name : names) {
        const auto at = std::find(kLayerNames.begin(), kLayerNames.end(), name);
        if (bool* slot = layerSlot(layers, static_cast<int>(at - kLayerNames.begin()))) *slot = on;
    }
}

void layerChanges(const ViewLayers& layers, std::vector<std::string>& show, std::vector<std::string>& hide) {
    show.clear();
    hide.clear();
    ViewLayers defaults, shown = layers;
    for (int i = 0; i < static_cast<int>(kLayerNames.size()); ++i) {
        const bool on = *layerSlot(shown, i);
        if (on != *layerSlot(defaults, i)) (on ? show : hide).push_back(kLayerNames[static_cast<size_t>(i)]);
    }
}

bool operator==(const ViewLayers& a, const ViewLayers& b) {
    ViewLayers x = a, y = b;
    for (int i = 0; i < static_cast<int>(kLayerNames.size()); ++i)
        if (*layerSlot(x, i) != *layerSlot(y, i)) return false;
    return true;
}

bool isLayoutName(const std::string& layout) {
    if (layout == "auto") return true;
    return layout.size() == 3 && layout[1] == 'x' && layout[0] >= '1' && layout[0] <= '6' && layout[2] >= '1' &&
           layout[2] <= '6';
}

bool operator==(const DisplayState& a, const DisplayState& b) {
    return a.layers == b.layers && a.curves == b.curves && a.layout == b.layout && a.has_view == b.has_view &&
           (!a.has_view || a.view == b.view) && a.presenter == b.presenter;
}

}  // namespace ganarium
