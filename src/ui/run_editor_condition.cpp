// run_editor_condition.cpp — the conditional and mismatched-pairs checkboxes.
#include "ui/run_editor_condition.h"

#include <imgui.h>

#include "core/condition_data.h"

namespace ganarium {

bool drawConditionControls(Language L, const DataSpec& data, ToyGanSpec& toy) {
    if (toy.fixed_generator) return false;  // a fixed P_G has no condition input
    const bool usable = conditionalDataProblem(data).empty();
    bool changed = false;
    ImGui::BeginDisabled(!usable && !toy.conditional);
    if (ImGui::Checkbox(tr(L, TextId::ConditionalRun), &toy.conditional)) {
        if (!toy.conditional) toy.mismatched_pairs = false;
        changed = true;
    }
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("%s", tr(L, usable ? TextId::ConditionalRunHint : TextId::ConditionalNeedsMixture));
    if (toy.conditional) {
        changed |= ImGui::Checkbox(tr(L, TextId::MismatchedPairs), &toy.mismatched_pairs);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(L, TextId::MismatchedPairsHint));
    }
    return changed;
}

}  // namespace ganarium
