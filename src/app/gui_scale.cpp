// gui_scale.cpp — fonts and theme for the window's content scale.
#include "app/gui_scale.h"

#include <cmath>

#include "app/gui_window.h"
#include "ui/fonts.h"
#include "ui/theme.h"

namespace ganarium {

float uiFontPixels(float content_scale) { return std::round(19.0f * (content_scale > 0 ? content_scale : 1.0f)); }

void applyUiScale(GuiWindow& window, float content_scale, const std::string& lang, const std::string& glyph_text) {
    loadFonts(lang, uiFontPixels(content_scale), glyph_text);
    applyTheme(content_scale > 0 ? content_scale : 1.0f);
    window.reloadFontTexture();
}

}  // namespace ganarium
