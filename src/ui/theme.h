// theme.h — the calm, high-contrast dark look shared by the window and the
// recorder: ImGui style colours and sizes, and the per-run colour palette
// used by plots and legends. Needs an ImGui context, no GL.
#pragma once

#include <imgui.h>

namespace ganarium {

// Applies the dark lecture-hall theme to the current ImGui context, sizes scaled by `scale` (HiDPI);
// `high_contrast` (presenter mode): black background, white text, bright frames and borders that
// survive a washed-out projector.
void applyTheme(float scale, bool high_contrast = false);

// Colour of run `index` in plots and legends (6 well-separated hues, cycled).
ImU32 runColor(int index, float alpha = 1.0f);

// Palette roles for overlays drawn with draw lists.
struct ThemeColors {
    ImU32 text, text_dim, grid, axis, panel_bg, warning, error, accent;
};

// The fixed colour roles of the theme.
ThemeColors themeColors();

}  // namespace ganarium
