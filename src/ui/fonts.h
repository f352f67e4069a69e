// fonts.h — run-time font loading for the window and the recorder. Fonts
// are not vendored: DejaVu Sans (fonts-dejavu-core) for Latin, Greek and
// maths, Noto Sans CJK or WenQuanYi Micro Hei (ui/cjk_font.h) merged in for Chinese.
// Missing files fall back to ImGui's built-in font with a warning.
#pragma once

#include <string>

#include <imgui.h>

#include "core/scene_spec.h"
#include "ui/i18n.h"

namespace ganarium {

// Where the fonts are looked up (Debian package paths).
constexpr const char* kLatinFontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

// Replaces the current ImGui context's fonts: a body font of `size_px` pixels and a
// large title font (1.6x). `lang` is "en" or "zh" ("zh" adds the common simplified
// Chinese set; the UI's own Chinese strings are always included so switching works).
// Returns false (after a warning on stderr) when a font file was missing.
bool loadFonts(const std::string& lang, float size_px);

// Same, plus glyphs for every character of `extra_text` (UTF-8): run-time strings such
// as the scene title, caption and run names, which need not be in the common set.
bool loadFonts(const std::string& lang, float size_px, const std::string& extra_text);

// The scene's run-time text (title, caption, run names) for the glyph set.
std::string sceneGlyphText(const SceneSpec& scene);

// When `text` differs from `known_text` (then remembered) and the atlas lacks some of its
// characters, rebuilds the atlas with them (loadFonts(lang, size_px, text)). True when it
// rebuilt: the caller must then recreate the renderer's font texture (between frames).
bool refreshGlyphs(const std::string& text, const std::string& lang, float size_px, std::string& known_text);

// True when the body font has a real glyph (not the fallback) for every character of `text`.
bool fontHasGlyphs(const std::string& text);

// True when a CJK font (fonts-noto-cjk or fonts-wqy-microhei) is installed (ui/cjk_font.h).
bool chineseFontAvailable();

// `wanted`, or English after telling stderr which package to install when it is Chinese and no CJK font exists.
Language usableLanguage(Language wanted);

// The large title font (index 1 of the atlas) or the default font when absent.
ImFont* largeFont();

// The body font (index 0 of the atlas).
ImFont* bodyFont();

}  // namespace ganarium
