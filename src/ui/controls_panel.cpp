// controls_panel.cpp — the left-hand controls window: transport buttons,
// per-run editors, data editor, layer toggles, scenes and language.
#include <algorithm>
#include <cstdio>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "core/display_names.h"
#include "ui/checkpoint_timeline.h"
#include "ui/fast_forward_control.h"
#include "ui/follow_status.h"
#include "ui/panels.h"
#include "ui/theme.h"

namespace ganarium {

namespace {

Command simple(Command::Kind kind) {
    Command c;
    c.kind = kind;
    return c;
}

const TextId kLayerNames[11] = {TextId::LayerReal,      TextId::LayerFake,     TextId::LayerDField,
                                TextId::LayerContours,  TextId::LayerDOptimal, TextId::LayerDensities,
                                TextId::LayerArrows,    TextId::LayerManifold, TextId::LayerGpLines,
                                TextId::LayerModes,     TextId::LayerLossShapes};

}  // namespace

bool toggleLayerByDigit(ViewLayers& layers, int digit) {
    if (digit < 0 || digit > 9) return false;  // only the first ten layers have a digit key
    const int index = digit == 0 ? 9 : digit - 1;
    bool* slot = layerSlot(layers, index);
    if (!slot) return false;
    *slot = !*slot;
    return true;
}

bool isAdvancedSection(TextId section) {
    return section == TextId::Data || section == TextId::Checkpoints || section == TextId::Record;
}

void drawTransport(UiState& state, const Snapshot& snapshot) {
    const Language L = state.lang;
    const float w = ImGui::GetContentRegionAvail().x;
    const float half = (w - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    if (snapshot.playing) {
        if (ImGui::Button(tr(L, TextId::Pause), ImVec2(w, 0))) postCommand(state, simple(Command::Kind::Pause));
    } else {
        ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(40, 110, 70, 255));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, IM_COL32(50, 135, 85, 255));
        if (ImGui::Button(tr(L, TextId::Play), ImVec2(w, 0))) postCommand(state, simple(Command::Kind::Play));
        ImGui::PopStyleColor(2);
    }
    const float third = (w - ImGui::GetStyle().ItemSpacing.x * 2) / 3.0f;
    if (ImGui::Button(tr(L, TextId::StepD), ImVec2(third, 0))) postCommand(state, simple(Command::Kind::StepD));
    ImGui::SameLine();
    if (ImGui::Button(tr(L, TextId::StepG), ImVec2(third, 0))) postCommand(state, simple(Command::Kind::StepG));
    ImGui::SameLine();
    if (ImGui::Button(tr(L, TextId::StepIteration), ImVec2(third, 0)))
        postCommand(state, simple(Command::Kind::StepIteration));

    state.speed = std::max(0, snapshot.steps_per_frame);
    ImGui::SetNextItemWidth(w * 0.45f);
    int speed = state.speed;
    if (ImGui::SliderInt(tr(L, TextId::Speed), &speed, 0, 100, speed == 0 ? tr(L, TextId::SpeedMax) : "%d",
                         ImGuiSliderFlags_AlwaysClamp)) {
        Command c = simple(Command::Kind::SetSpeed);
        c.count = speed;
        state.speed = speed;
        postCommand(state, c);
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(L, TextId::SpeedHint));

    if (ImGui::Button(tr(L, TextId::Reset), ImVec2(half, 0))) postCommand(state, simple(Command::Kind::Reset));
    ImGui::SameLine();
    if (ImGui::Button(tr(L, TextId::Reseed), ImVec2(half, 0))) {
        Command c = simple(Command::Kind::Reseed);
        c.seed = state.draft.scene.seed + 1;
        postCommand(state, c);
    }
    ImGui::TextDisabled("%s: %llu", tr(L, TextId::Seed), static_cast<unsigned long long>(state.draft.scene.seed));
}

void drawRecordControls(UiState& state) {
    const Language L = state.lang;
    const float w = ImGui::GetContentRegionAvail().x;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float record_w = (w - spacing) * 0.55f;
    const bool active = state.recording.active;
    ImGui::PushStyleColor(ImGuiCol_Button, active ? IM_COL32(170, 30, 35, 255) : IM_COL32(120, 35, 40, 255));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, active ? IM_COL32(200, 45, 50, 255) : IM_COL32(155, 45, 50, 255));
    if (ImGui::Button(tr(L, active ? TextId::StopRecording : TextId::Record), ImVec2(record_w, 0)))
        state.requests.toggle_recording = true;
    ImGui::PopStyleColor(2);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(L, TextId::RecordHint));
    ImGui::SameLine();
    if (ImGui::Button(tr(L, TextId::ScreenshotButton), ImVec2(w - record_w - spacing, 0))) state.requests.screenshot = true;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("F12 -> %s", state.screenshot_dir.c_str());
    ImGui::TextDisabled("%s", tr(L, TextId::VideoFolder));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
    ImGui::BeginDisabled(active);  // the folder of a running clip cannot change
    ImGui::InputText("##record_dir", &state.record_dir);
    ImGui::Checkbox(tr(L, TextId::RecordRealtime), &state.record_realtime);
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", tr(L, TextId::RecordRealtimeHint));
}

// Combo over gridChoices(runs) for the display's grid; a layout that no longer fits the scene falls back to auto.
void drawGridChoice(UiState& state, DisplayState& display, int runs) {
    const Language L = state.lang;
    const std::vector<std::string> choices = gridChoices(runs);
    std::string& layout = display.layout;
    if (std::find(choices.begin(), choices.end(), layout) == choices.end()) layout = "auto";
    const auto label = [&](const std::string& c) { return c == "auto" ? std::string(tr(L, TextId::PanelGridAuto)) : c; };
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.5f);
    if (ImGui::BeginCombo(tr(L, TextId::PanelGrid), label(layout).c_str())) {
        for (const std::string& c : choices)
            if (ImGui::Selectable(label(c).c_str(), c == layout)) layout = c;
        ImGui::EndCombo();
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(L, TextId::PanelGridHint));
}

void drawLayerToggles(UiState& state, SceneFrame& frame) {
    const Language L = state.lang;
    ViewLayers& layers = frame.layers();
    for (int i = 0; i < 11; ++i) {
        char label[96];
        // Layers past the tenth have no digit key: an indent keeps the names aligned.
        if (i < 10) std::snprintf(label, sizeof label, "%d  %s", (i + 1) % 10, tr(L, kLayerNames[i]));
        else std::snprintf(label, sizeof label, "    %s", tr(L, kLayerNames[i]));
        ImGui::Checkbox(label, layerSlot(layers, i));
    }
    ImGui::Checkbox(tr(L, TextId::FixedAxes), &frame.camera().fixed_axes);
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(L, TextId::ResetCamera))) frame.resetCamera();
}

void drawControlsPanel(UiState& state, const Snapshot& snapshot, SceneFrame& frame, ImVec2 pos, ImVec2 size) {
    const Language L = state.lang;
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    ImGui::Begin("##controls", nullptr,
                 ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoBackground);  // clear colour = bg
    const std::string& title = localizedText(snapshot.scene_title, snapshot.scene_title_zh, L == Language::Chinese);
    ImGui::TextWrapped("%s", title.c_str());
    ImGui::Checkbox(tr(L, TextId::PresenterMode), &frame.display().presenter);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(L, TextId::PresenterHint));
    // Presenter mode keeps what a lecture needs; isAdvancedSection names what it hides.
    const auto shown = [&](TextId section) { return !frame.display().presenter || !isAdvancedSection(section); };
    ImGui::Separator();
    const bool following = state.follow.active;  // `ganarium follow`: the folder's timeline instead of training
    if (following) {
        drawFollowControls(state.follow, L);
    } else {
        drawTransport(state, snapshot);
        drawFastForward(state, snapshot);
        if (shown(TextId::Checkpoints)) drawCheckpointTimeline(state, snapshot);
    }
    if (shown(TextId::Record)) {
        ImGui::Separator();
        drawRecordControls(state);
    }

    ImGui::SetNextItemOpen(true, ImGuiCond_Once);
    if (!following && ImGui::CollapsingHeader(tr(L, TextId::Runs))) {
        for (int r = 0; r < static_cast<int>(snapshot.runs.size()); ++r)
            drawRunEditor(state, snapshot, r, !frame.display().presenter);
    }
    // A scene of Dirac-GAN runs only has no data to edit (P_data is fixed at delta_0).
    if (!following && sceneUsesData(state.draft.scene) && shown(TextId::Data) && ImGui::CollapsingHeader(tr(L, TextId::Data))) drawDataEditor(state, snapshot);
    if (ImGui::CollapsingHeader(tr(L, TextId::Layers))) {
        drawLayerToggles(state, frame);
        if (snapshot.runs.size() > 1) drawGridChoice(state, frame.display(), static_cast<int>(snapshot.runs.size()));
    }
    if (!following && ImGui::CollapsingHeader(tr(L, TextId::Scenes))) drawSceneBrowser(state);

    ImGui::Separator();
    int lang = state.lang == Language::Chinese ? 1 : 0;
    const char* names[] = {"English", "中文"};
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.5f);
    if (ImGui::Combo(tr(L, TextId::Language), &lang, names, 2))
        state.lang = lang == 1 ? Language::Chinese : Language::English;
    if (ImGui::Button(tr(L, TextId::Help))) state.show_help = !state.show_help;
    // A widget still being dragged or typed in keeps the draft it edits (the trainer's scene waits).
    state.draft.held = ImGui::IsAnyItemActive();
    ImGui::End();
}

}  // namespace ganarium
