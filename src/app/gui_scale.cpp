// gui_scale.cpp — fonts and theme for the window's content scale, presenter mode and zoom.
#include "app/gui_scale.h"

#include <algorithm>
#include <cmath>

#include "app/gui_session.h"
#include "app/gui_window.h"
#include "ui/fonts.h"
#include "ui/theme.h"

namespace ganarium {

namespace {

constexpr float kBaseFontPx = 19.0f;

float positiveScale(float content_scale) { return content_scale > 0 ? content_scale : 1.0f; }

// The glyphs a session shows at run time: the scene's texts and the browser's titles.
std::string sessionGlyphText(GuiSession& session) {
    const SnapshotPtr& drawn = session.snapshot();  // its scene is shared, not copied
    std::string text = drawn->scene ? sceneGlyphText(*drawn->scene) : std::string();
    for (const SceneEntry& entry : session.ui().scenes) text += "\n" + entry.title + "\n" + entry.title_zh;
    return text;
}

}  // namespace

float uiFontPixels(float content_scale) { return std::round(kBaseFontPx * positiveScale(content_scale)); }

float presenterFontPixels(float window_height, float content_scale) {
    const float logical = std::clamp(22.0f + (window_height - 720.0f) / 60.0f, 16.0f, 48.0f);
    return std::round(logical * positiveScale(content_scale));
}

float wantedFontPixels(bool presenter, float window_height, float content_scale, float zoom) {
    const float base = presenter ? presenterFontPixels(window_height, content_scale) : uiFontPixels(content_scale);
    return std::round(base * std::clamp(zoom, 0.5f, 3.0f));
}

void applyUiScale(GuiWindow& window, float content_scale, const std::string& lang, const std::string& glyph_text) {
    applyUiFont(window, uiFontPixels(content_scale), false, lang, glyph_text);
}

void applyUiFont(GuiWindow& window, float font_px, bool high_contrast, const std::string& lang,
                 const std::string& glyph_text) {
    loadFonts(lang, font_px, glyph_text);
    applyTheme(font_px / kBaseFontPx, high_contrast);
    window.reloadFontTexture();
}

void UiScaler::update(GuiWindow& window, GuiSession& session, float window_height, float content_scale) {
    const bool presenter = session.frame().display().presenter;
    const float px = wantedFontPixels(presenter, window_height, content_scale, session.ui().zoom);
    // A language switch alone does not rebuild: the UI's own Chinese strings are always in the atlas
    // (ui/fonts.h), and the common Chinese set is added at the next rebuild.
    if (px != font_px_ || presenter != high_contrast_) {
        font_px_ = px;
        high_contrast_ = presenter;
        lang_ = languageCode(session.ui().lang);
        glyph_text_ = sessionGlyphText(session);
        applyUiFont(window, font_px_, high_contrast_, lang_, glyph_text_);
        return;
    }
    if (refreshGlyphs(sessionGlyphText(session), lang_, font_px_, glyph_text_)) window.reloadFontTexture();
}

}  // namespace ganarium
