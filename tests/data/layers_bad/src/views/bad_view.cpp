// bad_view.cpp — layer-check fixture (never compiled): views must not
// include the ui layer above it. See tests/data/layers_bad/README.md.
#include <imgui.h>

#include "ui/panels.h"
