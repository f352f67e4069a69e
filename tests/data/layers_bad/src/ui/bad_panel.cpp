// bad_panel.cpp — layer-check fixture (never compiled): ui may use ImGui but
// not OpenGL. See tests/data/layers_bad/README.md.
#include <imgui.h>

#include <glad/gl.h>
