// checkpoint_timeline.cpp — the checkpoint strip and its rewind commands.
#include "ui/checkpoint_timeline.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ui/i18n.h"

namespace ganarium {

std::vector<int64_t> sharedCheckpoints(const Snapshot& snapshot) {
    std::vector<int64_t> all;
    for (const RunSnapshot& run : snapshot.runs) all.insert(all.end(), run.checkpoints.begin(), run.checkpoints.end());
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    return all;
}

int64_t checkpointAtFraction(const std::vector<int64_t>& checkpoints, double fraction, int64_t last_step) {
    if (checkpoints.empty()) return -1;
    const double target = std::clamp(fraction, 0.0, 1.0) * static_cast<double>(std::max<int64_t>(last_step, 1));
    int64_t best = checkpoints.front();
    for (int64_t step : checkpoints) {
        if (std::fabs(static_cast<double>(step) - target) < std::fabs(static_cast<double>(best) - target)) best = step;
    }
    return best;
}

int64_t checkpointBefore(const std::vector<int64_t>& checkpoints, int64_t step) {
    int64_t found = -1;
    for (int64_t c : checkpoints) {
        if (c < step) found = c;
    }
    return found;
}

Command checkpointDiskCommand(UiState& state, const Snapshot& snapshot, Command::Kind kind) {
    Command command;
    command.kind = kind;
    command.text = state.checkpoint_dir;
    state.checkpoint_notes_seen = snapshot.checkpoint_notes;
    state.checkpoint_errors_seen = snapshot.command_errors;
    state.checkpoint_disk_busy = true;
    return command;
}

bool checkpointDiskBusy(UiState& state, const Snapshot& snapshot) {
    if (state.checkpoint_disk_busy && (snapshot.checkpoint_notes != state.checkpoint_notes_seen ||
                                       snapshot.command_errors != state.checkpoint_errors_seen))
        state.checkpoint_disk_busy = false;  // answered: a note, or a refusal in the red banner
    return state.checkpoint_disk_busy;
}

namespace {

// Posts a save to / load from the folder field.
void postDiskCommand(UiState& state, const Snapshot& snapshot, Command::Kind kind) {
    postCommand(state, checkpointDiskCommand(state, snapshot, kind));
}

// The folder field, "Save checkpoints to disk", "Load..." and the latest note (or "working on ...").
void drawDiskControls(UiState& state, const Snapshot& snapshot) {
    const Language L = state.lang;
    checkpointDiskBusy(state, snapshot);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(L, TextId::CheckpointFolder));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(std::max(80.0f, ImGui::GetContentRegionAvail().x));
    ImGui::InputText("##checkpoint_dir", &state.checkpoint_dir);
    ImGui::BeginDisabled(state.checkpoint_disk_busy || state.checkpoint_dir.empty());
    if (ImGui::Button(tr(L, TextId::SaveCheckpointsToDisk)))
        postDiskCommand(state, snapshot, Command::Kind::SaveCheckpoints);
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24.0f);
        ImGui::TextUnformatted(tr(L, TextId::SaveCheckpointsHint));
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
    // Beside the save button when it fits, else below it (narrow panels, Chinese text).
    const float load_width = ImGui::CalcTextSize(tr(L, TextId::LoadCheckpoints)).x + 2 * ImGui::GetStyle().FramePadding.x;
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < load_width) ImGui::NewLine();
    if (ImGui::Button(tr(L, TextId::LoadCheckpoints))) postDiskCommand(state, snapshot, Command::Kind::LoadCheckpoints);
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", tr(L, TextId::LoadCheckpointsHint));
    ImGui::EndDisabled();
    ImGui::PushTextWrapPos(0.0f);
    if (state.checkpoint_disk_busy) {
        ImGui::TextDisabled(tr(L, TextId::CheckpointDiskBusy), state.checkpoint_dir.c_str());
    } else if (!snapshot.checkpoint_note.empty()) {
        ImGui::TextDisabled("%s", snapshot.checkpoint_note.c_str());
    }
    ImGui::PopTextWrapPos();
}

void postRewind(UiState& state, int64_t step) {
    Command command;
    command.kind = Command::Kind::Rewind;
    command.run = -1;
    command.step = step;
    postCommand(state, command);
}

}  // namespace

int64_t drawCheckpointStrip(const std::vector<int64_t>& checkpoints, int64_t current, Language L, TextId tooltip,
                            TextId hint) {
    if (checkpoints.empty()) return -1;
    // The strip: steps 0..last left to right, a tick per checkpoint, the current step as a bar.
    const int64_t last = std::max(current, checkpoints.back());
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = ImGui::GetFrameHeight();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("##checkpoint_strip", ImVec2(width, height));
    const bool hovered = ImGui::IsItemHovered();
    const float pad = 6.0f;
    const float x0 = origin.x + pad, x1 = origin.x + width - pad, mid = origin.y + height * 0.5f;
    auto xOf = [&](int64_t step) {
        return x0 + (x1 - x0) * static_cast<float>(static_cast<double>(step) / static_cast<double>(std::max<int64_t>(last, 1)));
    };
    const double fraction = (ImGui::GetIO().MousePos.x - x0) / std::max(1.0f, x1 - x0);
    const int64_t under_mouse = hovered ? checkpointAtFraction(checkpoints, fraction, last) : -1;

    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 line = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const ImU32 tick = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 accent = ImGui::GetColorU32(ImGuiCol_PlotHistogram);
    draw->AddLine(ImVec2(x0, mid), ImVec2(x1, mid), line, 2.0f);
    for (int64_t step : checkpoints) {
        const float x = xOf(step);
        const bool chosen = step == under_mouse;
        draw->AddLine(ImVec2(x, mid - height * (chosen ? 0.45f : 0.3f)), ImVec2(x, mid + height * (chosen ? 0.45f : 0.3f)),
                      chosen ? accent : tick, chosen ? 3.0f : 1.5f);
    }
    const float xc = xOf(current);
    draw->AddTriangleFilled(ImVec2(xc - 5, origin.y), ImVec2(xc + 5, origin.y), ImVec2(xc, mid), accent);

    if (under_mouse < 0) return -1;
    ImGui::BeginTooltip();
    ImGui::Text(tr(L, tooltip), static_cast<long long>(under_mouse));
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 22.0f);
    ImGui::TextDisabled("%s", tr(L, hint));
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
    return ImGui::IsItemClicked() ? under_mouse : -1;
}

void drawCheckpointTimeline(UiState& state, const Snapshot& snapshot) {
    const Language L = state.lang;
    const std::vector<int64_t> checkpoints = sharedCheckpoints(snapshot);
    int64_t current = 0;
    for (const RunSnapshot& run : snapshot.runs) current = std::max(current, run.step);
    ImGui::TextUnformatted(tr(L, TextId::Checkpoints));
    if (checkpoints.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", tr(L, TextId::NoCheckpoints));
        drawDiskControls(state, snapshot);
        return;
    }
    const int64_t back_to = checkpointBefore(checkpoints, current);
    ImGui::SameLine();
    ImGui::BeginDisabled(back_to < 0);
    if (ImGui::SmallButton(tr(L, TextId::RewindBack))) postRewind(state, back_to);
    ImGui::EndDisabled();
    if (back_to >= 0 && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip(tr(L, TextId::RewindToStep), static_cast<long long>(back_to));
    const int64_t clicked = drawCheckpointStrip(checkpoints, current, L, TextId::RewindToStep, TextId::RewindHint);
    if (clicked >= 0) postRewind(state, clicked);
    drawDiskControls(state, snapshot);
}

}  // namespace ganarium
