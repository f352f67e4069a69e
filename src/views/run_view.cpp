// run_view.cpp — picks the data view for a snapshot dimension.
#include "views/run_view.h"

#include <cassert>

#include "views/view_1d.h"
#include "views/view_2d.h"

namespace ganarium {

bool* layerSlot(ViewLayers& layers, int index) {
    bool* slots[] = {&layers.real,      &layers.fake,   &layers.d_field,  &layers.contours, &layers.d_optimal,
                     &layers.densities, &layers.arrows, &layers.manifold, &layers.gp_lines, &layers.modes};
    return index >= 0 && index < 10 ? slots[index] : nullptr;
}

std::unique_ptr<RunView> makeRunView(int dim, const std::string& shader_dir) {
    assert(dim == 1 || dim == 2);
    if (dim == 1) return std::make_unique<View1D>();  // draw lists only: no shaders
    return std::make_unique<View2D>(shader_dir);
}

}  // namespace ganarium
