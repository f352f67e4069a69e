// run_view.cpp — the layer table and the toy data view for a snapshot dimension.
#include "views/run_view.h"

#include <cassert>

#include "views/view_registry.h"

namespace ganarium {

bool* layerSlot(ViewLayers& layers, int index) {
    bool* slots[] = {&layers.real,      &layers.fake,   &layers.d_field,  &layers.contours, &layers.d_optimal,
                     &layers.densities, &layers.arrows, &layers.manifold, &layers.gp_lines, &layers.modes,
                     &layers.loss_shapes};
    return index >= 0 && index < 11 ? slots[index] : nullptr;
}

std::unique_ptr<RunView> makeRunView(int dim, const std::string& shader_dir) {
    assert(dim == 1 || dim == 2);
    return makePanelView(dim == 1 ? PanelKind::Data1D : PanelKind::Data2D, shader_dir);
}

}  // namespace ganarium
