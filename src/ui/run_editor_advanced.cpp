// run_editor_advanced.cpp — fixed generator, k_G, Adam betas and SGD momentum
// (see run_editor_advanced.h). Betas and momentum apply to both networks.
#include "ui/run_editor_advanced.h"

#include <imgui.h>

namespace ganarium {

namespace {

// A slider over `value` in [lo, hi] that also writes `twin` (the other network's copy) while it moves;
// true when an edit was finished.
bool sharedSlider(const char* label, double& value, double& twin, double lo, double hi) {
    if (ImGui::SliderScalar(label, ImGuiDataType_Double, &value, &lo, &hi, "%.3f", ImGuiSliderFlags_AlwaysClamp))
        twin = value;
    return ImGui::IsItemDeactivatedAfterEdit();
}

}  // namespace

DataSpec fixedGeneratorDefault(const DataSpec& current, int dim) {
    if (familyDimension(current.family) == dim && !(current == DataSpec{})) return current;  // the run's own
    DataSpec fixed;
    if (dim == 1) {
        fixed.family = DataFamily::Gaussian1D;
        fixed.mean = 1.5;
        fixed.std = 0.5;
    } else {
        fixed.family = DataFamily::Gaussian2D;
        fixed.center = {1.0, 1.0};
        fixed.std = 0.5;
    }
    return fixed;
}

bool drawAdvancedRunControls(Language L, int dim, ToyGanSpec& toy) {
    bool changed = false;
    if (ImGui::Checkbox(tr(L, TextId::FixedGenerator), &toy.fixed_generator)) {
        if (toy.fixed_generator) toy.fixed_data = fixedGeneratorDefault(toy.fixed_data, dim);
        changed = true;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(L, TextId::FixedGeneratorHint));
    if (!toy.fixed_generator) {
        ImGui::SliderInt(tr(L, TextId::GStepsPerIteration), &toy.k_g, 1, 20, "%d", ImGuiSliderFlags_AlwaysClamp);
        changed |= ImGui::IsItemDeactivatedAfterEdit();
    }
    if (toy.d_opt.kind == OptimizerKind::Adam) {
        changed |= sharedSlider(tr(L, TextId::AdamBeta1), toy.d_opt.beta1, toy.g_opt.beta1, 0.0, 0.99);
        changed |= sharedSlider(tr(L, TextId::AdamBeta2), toy.d_opt.beta2, toy.g_opt.beta2, 0.5, 0.999);
    } else if (toy.d_opt.kind == OptimizerKind::SGD) {
        changed |= sharedSlider(tr(L, TextId::SgdMomentum), toy.d_opt.momentum, toy.g_opt.momentum, 0.0, 0.99);
    }
    return changed;
}

}  // namespace ganarium
