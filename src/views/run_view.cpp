// run_view.cpp — picks the data view for a snapshot dimension.
#include "views/run_view.h"

#include <cassert>

#include "views/view_1d.h"
#include "views/view_2d.h"

namespace ganarium {

std::unique_ptr<RunView> makeRunView(int dim, const std::string& shader_dir) {
    assert(dim == 1 || dim == 2);
    if (dim == 1) return std::make_unique<View1D>();  // draw lists only: no shaders
    return std::make_unique<View2D>(shader_dir);
}

}  // namespace ganarium
