// fonts.cpp — builds the ImGui font atlas from system fonts.
#include "ui/fonts.h"

#include <cstdio>
#include <fstream>

#include <imgui_internal.h>  // ImTextCharFromUtf8

#include "core/lesson.h"
#include "ui/cjk_font.h"
#include "ui/i18n.h"

namespace ganarium {

namespace {

bool fileExists(const char* path) { return std::ifstream(path).good(); }

// Latin, Latin-1, Greek, general punctuation, arrows, maths operators, geometric shapes.
const ImWchar kLatinRanges[] = {0x0020, 0x00FF, 0x0370, 0x03FF, 0x2000, 0x206F, 0x2190, 0x21FF,
                                0x2200, 0x22FF, 0x25A0, 0x25FF, 0};

// Adds one font of `size` pixels (Latin + merged CJK) to the atlas; returns false if files were missing.
bool addFont(ImFontAtlas& atlas, float size, const ImVector<ImWchar>& cjk_ranges, bool& warned) {
    bool ok = true;
    ImFontConfig latin;
    latin.OversampleH = 2;
    latin.OversampleV = 1;
    if (fileExists(kLatinFontPath)) {
        atlas.AddFontFromFileTTF(kLatinFontPath, size, &latin, kLatinRanges);
    } else {
        ok = false;
        if (!warned)
            std::fprintf(stderr, "warning: %s not found (install fonts-dejavu-core); using ImGui's built-in font\n",
                         kLatinFontPath);
        ImFontConfig fallback;
        fallback.SizePixels = size;
        atlas.AddFontDefault(&fallback);
    }
    if (const std::optional<FontFile> cjk = findChineseFont(fontSearchDirs())) {
        ImFontConfig merge;
        merge.MergeMode = true;
        merge.FontNo = cjk->face;
        merge.OversampleH = 1;
        merge.OversampleV = 1;
        merge.PixelSnapH = true;
        atlas.AddFontFromFileTTF(cjk->path.c_str(), size, &merge, cjk_ranges.Data);
    } else {
        ok = false;  // the caller switches a Chinese interface back to English (chineseFontAvailable)
    }
    warned = warned || !ok;
    return ok;
}

}  // namespace

bool loadFonts(const std::string& lang, float size_px) { return loadFonts(lang, size_px, std::string()); }

bool loadFonts(const std::string& lang, float size_px, const std::string& extra_text) {
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    atlas.Clear();

    // Glyphs: the UI's own Chinese strings and the run-time text always; the common simplified
    // set when the UI is Chinese.
    ImFontGlyphRangesBuilder builder;
    builder.AddText(allChineseText().c_str());
    if (!extra_text.empty()) builder.AddText(extra_text.c_str());
    if (lang == "zh") builder.AddRanges(atlas.GetGlyphRangesChineseSimplifiedCommon());
    ImVector<ImWchar> cjk_ranges;  // must outlive atlas.Build(): the atlas keeps a pointer
    builder.BuildRanges(&cjk_ranges);

    bool warned = false;
    bool ok = addFont(atlas, size_px, cjk_ranges, warned);
    ok = addFont(atlas, size_px * 1.6f, cjk_ranges, warned) && ok;
    atlas.Build();  // rasterise now, while cjk_ranges is alive
    return ok;
}

std::string sceneGlyphText(const SceneSpec& scene) {
    std::string text = scene.title + "\n" + scene.caption + "\n" + scene.title_zh + "\n" + scene.caption_zh;
    for (const RunSpec& run : scene.runs) text += "\n" + run.name + "\n" + run.name_zh;
    if (scene.lesson)  // the lesson's captions (core/lesson.h)
        for (const LessonStep& step : scene.lesson->steps) text += "\n" + step.caption + "\n" + step.caption_zh;
    return text;
}

bool fontHasGlyphs(const std::string& text) {
    const ImFont* font = bodyFont();
    if (!font || !ImGui::GetIO().Fonts->IsBuilt()) return false;
    const char* p = text.c_str();
    const char* end = p + text.size();
    while (p < end) {
        unsigned int c = 0;
        const int n = ImTextCharFromUtf8(&c, p, end);
        if (n <= 0) break;
        p += n;
        if (c < 0x20) continue;  // control characters (newlines) are never drawn as glyphs
        if (!font->FindGlyphNoFallback(static_cast<ImWchar>(c))) return false;
    }
    return true;
}

bool refreshGlyphs(const std::string& text, const std::string& lang, float size_px, std::string& known_text) {
    if (text == known_text) return false;
    known_text = text;
    if (fontHasGlyphs(text)) return false;
    loadFonts(lang, size_px, text);
    return true;
}

bool chineseFontAvailable() { return findChineseFont(fontSearchDirs()).has_value(); }

Language usableLanguage(Language wanted) {
    if (wanted != Language::Chinese || chineseFontAvailable()) return wanted;
    std::fprintf(stderr, "%s\n", missingChineseFontMessage().c_str());
    return Language::English;
}

ImFont* largeFont() {
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    return atlas.Fonts.Size > 1 ? atlas.Fonts[1] : ImGui::GetFont();
}

ImFont* bodyFont() {
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    return atlas.Fonts.Size > 0 ? atlas.Fonts[0] : ImGui::GetFont();
}

}  // namespace ganarium
