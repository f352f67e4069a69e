// cjk_font.cpp — CJK font search (see cjk_font.h).
#include "ui/cjk_font.h"

#include <cstdlib>
#include <filesystem>
#include <sstream>

namespace ganarium {

namespace {

struct Candidate {
    const char* file;
    int face;
};

// Preference order: Noto Sans CJK (collection, then the single-language OTF), WenQuanYi Micro Hei, Zen Hei.
const Candidate kCandidates[] = {
    {"NotoSansCJK-Regular.ttc", 2},
    {"NotoSansCJKsc-Regular.otf", 0},
    {"wqy-microhei.ttc", 0},
    {"wqy-zenhei.ttc", 0},
};

// The first file named `name` under `dir` (recursively), or "".
std::string findFile(const std::string& dir, const char* name) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return "";
    for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
         !ec && it != end; it.increment(ec)) {
        if (it->path().filename() == name && it->is_regular_file(ec)) return it->path().string();
    }
    return "";
}

}  // namespace

std::vector<std::string> fontSearchDirs() {
    if (const char* custom = std::getenv("GANARIUM_FONT_DIRS")) {
        std::vector<std::string> dirs;
        std::istringstream in(custom);
        for (std::string dir; std::getline(in, dir, ':');)
            if (!dir.empty()) dirs.push_back(dir);
        return dirs;
    }
    return {"/usr/share/fonts", "/usr/local/share/fonts"};
}

std::optional<FontFile> findChineseFont(const std::vector<std::string>& dirs) {
    for (const Candidate& candidate : kCandidates) {
        for (const std::string& dir : dirs) {
            std::string path = findFile(dir, candidate.file);
            if (!path.empty()) return FontFile{std::move(path), candidate.face};
        }
    }
    return std::nullopt;
}

std::string missingChineseFontMessage() {
    return "ganarium: no Chinese font found (looked for Noto Sans CJK and WenQuanYi Micro Hei under the system font "
           "folders). Install one: `sudo apt install fonts-noto-cjk` (preferred) or `sudo apt install "
           "fonts-wqy-microhei`. The interface stays in English.";
}

}  // namespace ganarium
