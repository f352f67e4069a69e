// fast_forward_control.cpp — the fast-forward control (see fast_forward_control.h).
#include "ui/fast_forward_control.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "ui/i18n.h"

namespace ganarium {

namespace {

void postFastForward(UiState& state, int steps) {
    Command command;
    command.kind = Command::Kind::FastForward;
    command.count = steps;
    postCommand(state, command);
}

}  // namespace

float fastForwardFraction(const Snapshot& snapshot) {
    if (snapshot.fast_forward_total <= 0) return 0.0f;
    return std::clamp(static_cast<float>(snapshot.fast_forward_done) / static_cast<float>(snapshot.fast_forward_total),
                      0.0f, 1.0f);
}

void drawFastForward(UiState& state, const Snapshot& snapshot) {
    const Language L = state.lang;
    const float w = ImGui::GetContentRegionAvail().x;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    if (snapshot.fast_forward_total > 0) {
        char text[96];
        std::snprintf(text, sizeof(text), tr(L, TextId::FastForwardProgress),
                      static_cast<long long>(snapshot.fast_forward_done), static_cast<long long>(snapshot.fast_forward_total));
        const float stop_width = ImGui::CalcTextSize(tr(L, TextId::FastForwardStop)).x + 2 * ImGui::GetStyle().FramePadding.x;
        ImGui::ProgressBar(fastForwardFraction(snapshot), ImVec2(w - stop_width - spacing, 0), text);
        ImGui::SameLine();
        if (ImGui::Button(tr(L, TextId::FastForwardStop))) postFastForward(state, 0);
        return;
    }
    const float button_width = w * 0.55f;
    if (ImGui::Button(tr(L, TextId::FastForward), ImVec2(button_width, 0))) postFastForward(state, state.fast_forward_steps);
    if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 22.0f);
        ImGui::TextUnformatted(tr(L, TextId::FastForwardHint));
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(w - button_width - spacing);
    ImGui::InputInt("##fast_forward_steps", &state.fast_forward_steps, 0, 0);
    state.fast_forward_steps = std::clamp(state.fast_forward_steps, 1, 10000000);
}

}  // namespace ganarium
