// run_editor.cpp — live editing of one run: objective, Lipschitz constraint,
// learning rates, k_d, lambda, c, batch and optimizer (image runs: the
// objective keys, k_d and the remedies; CycleGANs: the objective keys, the
// loss weights and the noise inputs). Every finished edit
// becomes one SetRun command (sliders post when released, not while dragged).
// The widgets edit the UI's draft of the trainer's scene (ui/scene_draft.h).
#include <algorithm>
#include <cstdio>
#include <string>
#include <tuple>
#include <vector>

#include "core/display_names.h"
#include "ui/panels.h"
#include "ui/run_editor_advanced.h"
#include "ui/run_editor_condition.h"
#include "ui/theme.h"
#include "views/panel_title.h"

namespace ganarium {

namespace {

// A combo over a keyword group's canonical names, showing their display names; true when the selection changed.
bool nameCombo(const char* label, NameGroup group, Language lang, int& index) {
    const std::vector<std::string> names = groupKeys(group);
    const bool zh = lang == Language::Chinese;
    const bool valid = index >= 0 && index < static_cast<int>(names.size());
    bool changed = false;
    // Wide enough for the longest display name ("non_saturating" was cut), leaving room for the label.
    float longest = 0;
    for (const std::string& name : names)
        longest = std::max(longest, ImGui::CalcTextSize(displayName(group, name, zh).c_str()).x);
    const ImGuiStyle& style = ImGui::GetStyle();
    const float wanted = longest + style.FramePadding.x * 2 + ImGui::GetFrameHeight();
    const float room = ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(label, nullptr, true).x -
                       style.ItemInnerSpacing.x;
    std::string id = label;
    if (wanted > room) {  // no room beside the label (large presenter text): the label goes above
        ImGui::TextUnformatted(label);
        id = std::string("##") + label;
        ImGui::SetNextItemWidth(std::min(wanted, ImGui::GetContentRegionAvail().x));
    } else {
        ImGui::SetNextItemWidth(std::max(ImGui::CalcItemWidth(), wanted));
    }
    label = id.c_str();
    if (ImGui::BeginCombo(label, valid ? displayName(group, names[index], zh).c_str() : "?")) {
        for (int i = 0; i < static_cast<int>(names.size()); ++i) {
            if (ImGui::Selectable(displayName(group, names[i], zh).c_str(), i == index)) {
                index = i;
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    return changed;
}

// A logarithmic slider over doubles; true when an edit was finished.
bool logSlider(const char* label, double& value, double lo, double hi, const char* format) {
    ImGui::SliderScalar(label, ImGuiDataType_Double, &value, &lo, &hi, format,
                        ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp);
    return ImGui::IsItemDeactivatedAfterEdit();
}

bool intSlider(const char* label, int& value, int lo, int hi) {
    ImGui::SliderInt(label, &value, lo, hi, "%d", ImGuiSliderFlags_AlwaysClamp);
    return ImGui::IsItemDeactivatedAfterEdit();
}

// The Dirac-GAN's controls: method, update scheme, step size, n_D and the method's constant.
bool drawDiracControls(Language L, DiracGanSpec& d) {
    bool changed = false;
    int method = static_cast<int>(d.method);
    if (nameCombo(tr(L, TextId::DiracMethod), NameGroup::DiracMethod, L, method)) {
        d.method = static_cast<DiracMethod>(method);
        changed = true;
    }
    int scheme = static_cast<int>(d.scheme);
    if (nameCombo(tr(L, TextId::DiracScheme), NameGroup::DiracScheme, L, scheme)) {
        d.scheme = static_cast<DiracScheme>(scheme);
        changed = true;
    }
    changed |= logSlider(tr(L, TextId::DiracStepSize), d.h, 1e-3, 2.0, "%.3f");
    if (d.scheme == DiracScheme::Alternating) changed |= intSlider(tr(L, TextId::DStepsPerIteration), d.n_d, 1, 20);
    switch (d.method) {
        case DiracMethod::WeightClip: changed |= logSlider(tr(L, TextId::ClipC), d.clip, 1e-2, 10.0, "%.3f"); break;
        case DiracMethod::GradientPenalty:
            changed |= logSlider(tr(L, TextId::GpLambda), d.gp_lambda, 1e-2, 100.0, "%.3g");
            changed |= logSlider(tr(L, TextId::DiracTarget), d.gp_target, 1e-2, 10.0, "%.3g");
            break;
        case DiracMethod::R1: changed |= logSlider(tr(L, TextId::DiracGamma), d.r1_gamma, 1e-2, 100.0, "%.3g"); break;
        case DiracMethod::InstanceNoise:
            changed |= logSlider(tr(L, TextId::DiracNoise), d.noise_std, 1e-2, 10.0, "%.3g");
            break;
        case DiracMethod::Consensus:
            changed |= logSlider(tr(L, TextId::DiracGamma), d.consensus_gamma, 1e-2, 100.0, "%.3g");
            break;
        default: break;
    }
    return changed;
}

// The objective keys every GAN run kind shares (toy, image, CycleGAN): objective, Lipschitz constraint with
// its c or lambda, and the two learning rates; true when an edit was finished.
template <typename Spec>
bool drawObjectiveControls(Language L, Spec& spec) {
    bool changed = false;
    int objective = static_cast<int>(spec.objective);
    if (nameCombo(tr(L, TextId::Objective), NameGroup::Objective, L, objective)) {
        spec.objective = static_cast<Objective>(objective);
        changed = true;
    }
    int lipschitz = static_cast<int>(spec.lipschitz);
    if (nameCombo(tr(L, TextId::Lipschitz), NameGroup::Lipschitz, L, lipschitz)) {
        spec.lipschitz = static_cast<Lipschitz>(lipschitz);
        changed = true;
    }
    if (spec.lipschitz == Lipschitz::WeightClip) changed |= logSlider(tr(L, TextId::ClipC), spec.clip, 1e-4, 1.0, "%.4f");
    if (spec.lipschitz == Lipschitz::GradientPenalty)
        changed |= logSlider(tr(L, TextId::GpLambda), spec.gp_lambda, 1e-3, 100.0, "%.3g");
    changed |= logSlider(tr(L, TextId::DLearningRate), spec.d_opt.lr, 1e-6, 1e-1, "%.1e");
    changed |= logSlider(tr(L, TextId::GLearningRate), spec.g_opt.lr, 1e-6, 1e-1, "%.1e");
    return changed;
}

// The toy CycleGAN's keys beside the objective ones: cycle and identity weights, noise inputs (the domains in the
// scene file).
bool drawCycleControls(Language L, CycleGanSpec& cycle) {
    bool changed = drawObjectiveControls(L, cycle);
    for (auto [id, value, hi] : {std::tuple<TextId, double*, double>{TextId::CycleLambda, &cycle.lambda_cyc, 50.0},
                                 {TextId::IdentityLambda, &cycle.lambda_id, 20.0}}) {
        const double lo = 0.0;
        ImGui::SliderScalar(tr(L, id), ImGuiDataType_Double, value, &lo, &hi, "%.2f", ImGuiSliderFlags_AlwaysClamp);
        changed |= ImGui::IsItemDeactivatedAfterEdit();
    }
    changed |= intSlider(tr(L, TextId::NoiseInputs), cycle.g_noise_dim, 0, 16);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(L, TextId::NoiseInputsHint));
    return changed;
}

// An image run's keys beside the objective ones: D steps per iteration and, in the advanced view, the image
// remedies (the network shape, data and views in the scene file).
bool drawImageControls(Language L, ImageGanSpec& image, bool advanced) {
    bool changed = drawObjectiveControls(L, image);
    changed |= intSlider(tr(L, TextId::DStepsPerIteration), image.k_d, 1, 20);
    if (advanced) changed |= drawImageRemedyControls(L, image);
    return changed;
}

}  // namespace

void drawRunEditor(UiState& state, const Snapshot& snapshot, int run, bool advanced) {
    if (run < 0 || run >= static_cast<int>(state.draft.scene.runs.size()) || run >= static_cast<int>(snapshot.runs.size()))
        return;
    const Language L = state.lang;
    const RunSnapshot& rs = snapshot.runs[run];
    RunSpec& spec = state.draft.scene.runs[run];  // the draft: sliders keep their value while dragged
    bool changed = false;

    ImGui::PushID(run);
    ImGui::PushStyleColor(ImGuiCol_Text, runColor(run));
    // The (localized) name ellipsized to the panel (a long run name was cut at the edge; the tooltip has it whole).
    const std::string& name = localizedText(rs.name, rs.name_zh, L == Language::Chinese);
    const float name_w = ImGui::GetContentRegionAvail().x - ImGui::GetTreeNodeToLabelSpacing();
    const std::string shown_name = ellipsize(name, name_w, ImGui::GetFontSize());
    const bool open = ImGui::TreeNodeEx("##run", ImGuiTreeNodeFlags_DefaultOpen, "%s", shown_name.c_str());
    if (shown_name != name && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", name.c_str());
    ImGui::PopStyleColor();
    if (rs.status == RunStatus::Diverged) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(1.0f, 0.36f, 0.36f, 1.0f), "%s", tr(L, TextId::Diverged));
        ImGui::SameLine();
        if (ImGui::SmallButton(tr(L, TextId::Resume))) {
            Command c;
            c.kind = Command::Kind::ResumeRun;
            c.run = run;
            postCommand(state, c);
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(L, TextId::ResumeHint));
    }
    if (open && diracOf(spec)) {
        ImGui::PushItemWidth(ImGui::GetContentRegionAvail().x * 0.55f);
        changed = drawDiracControls(L, *diracOf(spec));
        ImGui::PopItemWidth();
        ImGui::TreePop();
    } else if (open && cycleOf(spec)) {
        ImGui::PushItemWidth(ImGui::GetContentRegionAvail().x * 0.55f);
        changed = drawCycleControls(L, *cycleOf(spec));
        ImGui::PopItemWidth();
        ImGui::TreePop();
    } else if (open && imageOf(spec)) {
        ImGui::PushItemWidth(ImGui::GetContentRegionAvail().x * 0.55f);
        changed = drawImageControls(L, *imageOf(spec), advanced);
        ImGui::PopItemWidth();
        ImGui::TreePop();
    } else if (open) {
        ToyGanSpec& toy = std::get<ToyGanSpec>(spec.options);
        ImGui::PushItemWidth(ImGui::GetContentRegionAvail().x * 0.55f);
        changed |= drawObjectiveControls(L, toy);
        changed |= intSlider(tr(L, TextId::DStepsPerIteration), toy.k_d, 1, 20);
        int batch = toy.batch;
        ImGui::SliderInt(tr(L, TextId::Batch), &batch, 8, 2048, "%d",
                         ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp);
        if (ImGui::IsItemDeactivatedAfterEdit()) {
            toy.batch = batch;
            changed = true;
        }
        int optimizer = static_cast<int>(toy.d_opt.kind);
        if (nameCombo(tr(L, TextId::Optimizer), NameGroup::Optimizer, L, optimizer)) {
            toy.d_opt.kind = static_cast<OptimizerKind>(optimizer);
            toy.g_opt.kind = toy.d_opt.kind;
            changed = true;
        }
        changed |= drawConditionControls(L, state.draft.scene.data, toy);
        if (advanced) changed |= drawAdvancedRunControls(L, snapshot.dim, toy);
        ImGui::PopItemWidth();
        ImGui::TreePop();
    }
    ImGui::PopID();
    if (changed) {
        Command c;
        c.kind = Command::Kind::SetRun;
        c.run = run;
        c.run_spec = spec;
        postCommand(state, c);
    }
}

}  // namespace ganarium
