// scene_browser.cpp — the scenes/ folder listing (title per file), "save
// scene as" and the screenshot button. Files are read and written by the
// app when it serves UiRequests; this file only scans folders and asks.
#include <algorithm>
#include <filesystem>
#include <new>
#include <set>

#include "core/display_names.h"
#include "core/scene_parser.h"
#include "ui/panels.h"

#include <imgui_stdlib.h>

namespace ganarium {

namespace fs = std::filesystem;

std::vector<SceneEntry> scanSceneFolders(const std::vector<std::string>& dirs) {
    std::vector<SceneEntry> out;
    std::set<std::string> seen;
    for (const std::string& dir : dirs) {
        std::error_code ec;
        if (!fs::is_directory(dir, ec)) continue;
        std::vector<fs::path> files;
        for (const auto& entry : fs::directory_iterator(dir, ec))
            if (entry.path().extension() == ".toml") files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        for (const fs::path& file : files) {
            const std::string canonical = fs::weakly_canonical(file, ec).string();
            if (!seen.insert(canonical).second) continue;
            SceneEntry e;
            e.path = file.string();
            e.title = file.filename().string();
            try {  // a scene file must never end the window: every failure becomes that entry's error
                const SceneSpec scene = loadSceneFile(e.path);
                e.title = scene.title;
                e.title_zh = scene.title_zh;
            } catch (const std::bad_alloc&) {
                e.error = e.path + ": not enough memory to read this scene (is its `csv` file huge?)";
            } catch (const std::exception& err) {
                e.error = err.what();
            } catch (...) {
                e.error = e.path + ": unexpected error while reading this scene";
            }
            out.push_back(std::move(e));
        }
    }
    return out;
}

void drawSceneBrowser(UiState& state) {
    const Language L = state.lang;
    if (!state.scenes_scanned) {
        state.scenes = scanSceneFolders(state.scene_dirs);
        state.scenes_scanned = true;
    }
    ImGui::PushID("scenes");
    if (ImGui::SmallButton(tr(L, TextId::Refresh))) state.scenes_scanned = false;
    if (state.scenes.empty()) ImGui::TextDisabled("%s", tr(L, TextId::NoScenesFound));
    for (size_t i = 0; i < state.scenes.size(); ++i) {
        const SceneEntry& e = state.scenes[i];
        ImGui::PushID(static_cast<int>(i));
        const bool current = fs::path(e.path).filename() == fs::path(state.draft.scene.source_path).filename();
        if (!e.error.empty()) ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 120, 120, 255));
        const std::string& title = localizedText(e.title, e.title_zh, L == Language::Chinese);
        if (ImGui::Selectable(title.c_str(), current)) state.requests.load_path = e.path;
        if (!e.error.empty()) ImGui::PopStyleColor();
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s%s%s", e.path.c_str(), e.error.empty() ? "" : "\n", e.error.c_str());
        ImGui::PopID();
    }
    drawOpenField(state);
    ImGui::Separator();
    ImGui::TextUnformatted(tr(L, TextId::SaveSceneAs));
    drawSaveTitleField(state);
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.65f);
    ImGui::InputText("##save_path", &state.save_path);
    ImGui::SameLine();
    if (ImGui::Button(tr(L, TextId::Save)) && !state.save_path.empty()) {
        state.requests.save_path = state.save_path;
        state.requests.save_title = state.save_title;
    }
    ImGui::TextUnformatted(tr(L, TextId::ScreenshotFolder));
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
    ImGui::InputText("##shot_dir", &state.screenshot_dir);
    if (ImGui::Button(tr(L, TextId::Screenshot))) state.requests.screenshot = true;
    ImGui::PopID();
}

}  // namespace ganarium
