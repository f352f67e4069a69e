// gui_scale.h — the window's HiDPI scale: font size and theme for a content
// scale, re-applied when the window moves to a screen of another DPI.
#pragma once

#include <string>

namespace ganarium {

class GuiWindow;

// Body font size in pixels for a content scale (19 px at 1x).
float uiFontPixels(float content_scale);

// Loads the fonts (with glyphs for `glyph_text`) and the theme for `content_scale` and recreates the
// font texture. Call between frames.
void applyUiScale(GuiWindow& window, float content_scale, const std::string& lang, const std::string& glyph_text);

}  // namespace ganarium
