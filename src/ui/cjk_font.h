// cjk_font.h — finding a font with Chinese glyphs at run time: Noto Sans CJK
// (fonts-noto-cjk, preferred) or WenQuanYi Micro Hei / Zen Hei
// (fonts-wqy-microhei, fonts-wqy-zenhei), searched under the system font
// folders. GANARIUM_FONT_DIRS (folders separated by ':') replaces those
// folders, e.g. to test a machine without any CJK font.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace ganarium {

// A font file and the face to use inside a collection (.ttc).
struct FontFile {
    std::string path;
    int face = 0;  // NotoSansCJK-Regular.ttc: face 2 is Simplified Chinese
};

// The folders searched: GANARIUM_FONT_DIRS when set, else /usr/share/fonts and /usr/local/share/fonts.
std::vector<std::string> fontSearchDirs();

// The best CJK font under `dirs` (searched recursively, in preference order), or nothing.
std::optional<FontFile> findChineseFont(const std::vector<std::string>& dirs);

// Said on stderr when Chinese was asked for but no CJK font exists: which package to install.
std::string missingChineseFontMessage();

}  // namespace ganarium
