// data_editor.cpp — switching the data distribution (family + key
// parameters, one SetData per finished edit) and the draw-data mode toggle.
#include <cstdio>
#include <string>
#include <vector>

#include "core/display_names.h"
#include "ui/panels.h"

namespace ganarium {

namespace {

bool editDouble(const char* label, double& value, double lo, double hi, bool log_scale = false) {
    ImGui::SliderScalar(label, ImGuiDataType_Double, &value, &lo, &hi, "%.3g",
                        ImGuiSliderFlags_AlwaysClamp | (log_scale ? ImGuiSliderFlags_Logarithmic : 0));
    return ImGui::IsItemDeactivatedAfterEdit();
}

bool editInt(const char* label, int& value, int lo, int hi) {
    ImGui::SliderInt(label, &value, lo, hi, "%d", ImGuiSliderFlags_AlwaysClamp);
    return ImGui::IsItemDeactivatedAfterEdit();
}

// Families offered in the menu: same dimension as the current data; custom data comes from drawing.
std::vector<DataFamily> menuFamilies(int dim) {
    std::vector<DataFamily> out;
    for (int i = 0; i <= static_cast<int>(DataFamily::Points2D); ++i) {
        const auto f = static_cast<DataFamily>(i);
        if (familyDimension(f) != dim || f == DataFamily::Points2D || f == DataFamily::Blobs2D ||
            f == DataFamily::Mixture1D)
            continue;
        out.push_back(f);
    }
    return out;
}

}  // namespace

void drawDataEditor(UiState& state, const Snapshot& snapshot) {
    const Language L = state.lang;
    DataSpec& data = state.draft.scene.data;  // the draft; each finished edit posts SetData
    bool changed = false;
    ImGui::PushID("data");
    ImGui::PushItemWidth(ImGui::GetContentRegionAvail().x * 0.5f);

    const int dim = familyDimension(data.family);
    const bool zh = L == Language::Chinese;
    if (ImGui::BeginCombo(tr(L, TextId::Family), displayName(NameGroup::Family, familyName(data.family), zh).c_str())) {
        for (DataFamily f : menuFamilies(dim)) {
            if (ImGui::Selectable(displayName(NameGroup::Family, familyName(f), zh).c_str(), f == data.family) &&
                f != data.family) {
                DataSpec fresh;
                fresh.family = f;
                data = fresh;
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    switch (data.family) {
        case DataFamily::Gaussian1D:
            changed |= editDouble(tr(L, TextId::Mean), data.mean, -5, 5);
            changed |= editDouble(tr(L, TextId::StdDev), data.std, 1e-3, 3, true);
            break;
        case DataFamily::Uniform1D:
            changed |= editDouble(tr(L, TextId::Low), data.low, -5, 5);
            changed |= editDouble(tr(L, TextId::High), data.high, -5, 5);
            break;
        case DataFamily::TwoIntervals1D:
            changed |= editDouble(tr(L, TextId::Low), data.low, -5, 5);
            changed |= editDouble(tr(L, TextId::High), data.high, -5, 5);
            changed |= editDouble(tr(L, TextId::Low2), data.low2, -5, 5);
            changed |= editDouble(tr(L, TextId::High2), data.high2, -5, 5);
            break;
        case DataFamily::Ring:
            changed |= editInt(tr(L, TextId::Modes), data.modes, 1, 64);
            changed |= editDouble(tr(L, TextId::Radius), data.radius, 0.1, 10);
            changed |= editDouble(tr(L, TextId::ModeStd), data.std, 1e-3, 2, true);
            break;
        case DataFamily::Grid:
            changed |= editInt(tr(L, TextId::GridSize), data.grid_n, 1, 10);
            changed |= editDouble(tr(L, TextId::Spacing), data.spacing, 0.1, 5);
            changed |= editDouble(tr(L, TextId::ModeStd), data.std, 1e-3, 2, true);
            break;
        case DataFamily::Circles:
            changed |= editDouble(tr(L, TextId::Radius), data.radius, 0.1, 10);
            changed |= editDouble(tr(L, TextId::Noise), data.noise, 1e-3, 1, true);
            break;
        case DataFamily::Gaussian2D:
            changed |= editDouble(tr(L, TextId::StdDev), data.std, 1e-3, 3, true);
            break;
        case DataFamily::SwissRoll:
        case DataFamily::TwoMoons:
        case DataFamily::Spiral:
        case DataFamily::Line:
        case DataFamily::Points2D:
            changed |= editDouble(tr(L, TextId::Noise), data.noise, 1e-3, 1, true);
            break;
        default:
            break;
    }
    if (data.family == DataFamily::Uniform1D && data.high <= data.low) data.high = data.low + 0.1;
    if (data.family == DataFamily::TwoIntervals1D) {
        if (data.high <= data.low) data.high = data.low + 0.1;
        if (data.high2 <= data.low2) data.high2 = data.low2 + 0.1;
    }
    ImGui::PopItemWidth();

    if (changed) {
        Command c;
        c.kind = Command::Kind::SetData;
        c.data = data;
        postCommand(state, c);
    }

    if (snapshot.dim == 2) {
        ImGui::Separator();
        ImGui::Checkbox(tr(L, TextId::DrawData), &state.draw_mode);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(L, TextId::DrawDataHint));
        if (state.draw_mode) {
            ImGui::TextDisabled("%s", tr(L, TextId::DrawDataHint));
            float std_value = state.blob_std;
            ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.5f);
            if (ImGui::SliderFloat(tr(L, TextId::BlobStd), &std_value, 0.01f, 1.0f, "%.2f",
                                   ImGuiSliderFlags_Logarithmic))
                state.blob_std = std_value;
            if (ImGui::Button(tr(L, TextId::ClearData))) {
                Command c;
                c.kind = Command::Kind::ClearData;
                postCommand(state, c);
            }
        }
    }
    ImGui::PopID();
}

}  // namespace ganarium
