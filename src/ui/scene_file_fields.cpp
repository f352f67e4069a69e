// scene_file_fields.cpp — the scene browser's "open a file anywhere" field and
// the title that "save as" writes (prefilled with the scene's title in the UI
// language, so a saved scene can get its own title).
#include <filesystem>

#include "core/display_names.h"
#include "ui/panels.h"

#include <imgui_stdlib.h>

namespace ganarium {

void drawOpenField(UiState& state) {
    const Language L = state.lang;
    ImGui::TextUnformatted(tr(L, TextId::OpenSceneFile));
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.65f);
    const bool entered = ImGui::InputTextWithHint("##open_path", "/path/to/scene.toml", &state.open_path,
                                                  ImGuiInputTextFlags_EnterReturnsTrue);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(L, TextId::OpenHint));
    ImGui::SameLine();
    if ((ImGui::Button(tr(L, TextId::Open)) || entered) && !state.open_path.empty())
        state.requests.load_path = state.open_path;
}

void drawSaveTitleField(UiState& state) {
    const Language L = state.lang;
    const SceneSpec& scene = state.draft.scene;
    if (state.save_title_of != scene.source_path || state.save_title.empty()) {
        state.save_title = localizedText(scene.title, scene.title_zh, L == Language::Chinese);
        state.save_title_of = scene.source_path;
    }
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.65f);
    ImGui::InputText(tr(L, TextId::SceneTitle), &state.save_title);
}

void listSavedFolder(UiState& state, const std::string& path) {
    std::error_code ec;
    const std::filesystem::path folder = std::filesystem::absolute(path, ec).parent_path();
    if (ec) return;
    bool listed = false;
    for (const std::string& dir : state.scene_dirs)
        listed = listed || std::filesystem::equivalent(dir, folder, ec);
    if (!listed) state.scene_dirs.push_back(folder.string());
    state.scenes_scanned = false;
}

}  // namespace ganarium
