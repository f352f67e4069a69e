// gui_scale.h — the window's text size and theme: the HiDPI content scale,
// presenter mode (text that grows with the window height, high contrast) and
// the Ctrl +/- zoom. UiScaler rebuilds the font atlas between frames when the
// wanted size or theme changed (a member, not function-static state).
#pragma once

#include <string>

namespace ganarium {

class GuiWindow;
class GuiSession;

// Body font size in pixels for a content scale (19 px at 1x).
float uiFontPixels(float content_scale);

// Presenter mode's body font for a window `window_height` logical pixels tall: 22 px at 720,
// 28 px at 1080 (linear, 16..48), times the content scale.
float presenterFontPixels(float window_height, float content_scale);

// The body font the window wants: presenter or normal size, times the zoom (0.5..3), whole pixels.
float wantedFontPixels(bool presenter, float window_height, float content_scale, float zoom);

// Loads the fonts (with glyphs for `glyph_text`) and the theme for `content_scale` and recreates the
// font texture. Call between frames.
void applyUiScale(GuiWindow& window, float content_scale, const std::string& lang, const std::string& glyph_text);

// Same for a body font of `font_px` pixels (theme sizes follow it) in the normal or high-contrast theme.
void applyUiFont(GuiWindow& window, float font_px, bool high_contrast, const std::string& lang,
                 const std::string& glyph_text);

// Keeps the window's fonts and theme in step with the session's presenter mode, zoom and language.
class UiScaler {
public:
    // Before each frame: rebuilds fonts and theme when the wanted size or theme changed, or when the
    // scene shows characters the atlas lacks. `window_height` in logical pixels.
    void update(GuiWindow& window, GuiSession& session, float window_height, float content_scale);
    // The body font size last applied (0 before the first update).
    float fontPixels() const { return font_px_; }

private:
    float font_px_ = 0;
    bool high_contrast_ = false;
    std::string lang_;
    std::string glyph_text_;
};

}  // namespace ganarium
