// run_editor_advanced.cpp — fixed generator, k_G, Adam betas and SGD momentum, the mode-collapse remedies
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

// A hover tooltip for the last item.
void hint(Language L, TextId id) {
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(L, id));
}

// An integer slider; true when an edit was finished.
bool intSlider(const char* label, int& value, int lo, int hi) {
    ImGui::SliderInt(label, &value, lo, hi, "%d", ImGuiSliderFlags_AlwaysClamp);
    return ImGui::IsItemDeactivatedAfterEdit();
}

}  // namespace

// The remedies toy and image runs share (feature matching, packing, instance noise), with `own` drawn after
// feature matching: the remedies only that kind has. True when an edit was finished.
template <typename Spec, typename Own>
bool drawSharedRemedies(Language L, Spec& spec, double noise_hi, Own own) {
    bool changed = false;
    ImGui::Separator();
    ImGui::TextUnformatted(tr(L, TextId::RemediesHeader));
    changed |= ImGui::Checkbox(tr(L, TextId::FeatureMatching), &spec.feature_matching);
    hint(L, TextId::FeatureMatchingHint);
    changed |= own();
    changed |= intSlider(tr(L, TextId::PackSize), spec.pack, 1, 8);
    hint(L, TextId::PackSizeHint);
    double lo = 0.0;
    ImGui::SliderScalar(tr(L, TextId::InstanceNoise), ImGuiDataType_Double, &spec.instance_noise, &lo, &noise_hi,
                        "%.2f", ImGuiSliderFlags_AlwaysClamp);
    changed |= ImGui::IsItemDeactivatedAfterEdit();
    hint(L, TextId::InstanceNoiseHint);
    if (spec.instance_noise > 0)
        changed |= intSlider(tr(L, TextId::InstanceNoiseSteps), spec.instance_noise_steps, 100, 20000);
    return changed;
}

bool drawRemedyControls(Language L, ToyGanSpec& toy) {
    return drawSharedRemedies(L, toy, 2.0, [&] {
        bool changed = ImGui::Checkbox(tr(L, TextId::MinibatchDiscrimination), &toy.minibatch_discrimination);
        hint(L, TextId::MinibatchDiscriminationHint);
        changed |= intSlider(tr(L, TextId::UnrolledSteps), toy.unrolled_steps, 0, 10);
        hint(L, TextId::UnrolledStepsHint);
        return changed;
    });
}

bool drawImageRemedyControls(Language L, ImageGanSpec& image) {
    // Pixels live in [-1, 1]: noise up to 1 already hides most of an image.
    return drawSharedRemedies(L, image, 1.0, [&] {
        const bool changed = ImGui::Checkbox(tr(L, TextId::MinibatchStddev), &image.minibatch_stddev);
        hint(L, TextId::MinibatchStddevHint);
        return changed;
    });
}

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
    changed |= drawRemedyControls(L, toy);
    return changed;
}

}  // namespace ganarium
