// run_view.cpp — the toy data view for a snapshot dimension.
#include "views/run_view.h"

#include <cassert>

#include "views/view_registry.h"

namespace ganarium {

std::unique_ptr<RunView> makeRunView(int dim, const std::string& shader_dir) {
    assert(dim == 1 || dim == 2);
    return makePanelView(dim == 1 ? PanelKind::Data1D : PanelKind::Data2D, shader_dir);
}

}  // namespace ganarium
