// run_editor.cpp — live editing of one run: objective, Lipschitz constraint,
// learning rates, k_d, lambda, c, batch and optimizer. Every finished edit
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

// The toy CycleGAN's main keys: objective, cycle and identity weights, learning rates (the rest in the scene file).
bool drawCycleControls(Language L, CycleGanSpec& cycle) {
    bool changed = false;
    int objective = static_cast<int>(cycle.objective);
    if (nameCombo(tr(L, TextId::Objective), NameGroup::Objective, L, objective)) {
        cycle.objective = static_cast<Objective>(objective);
        changed = true;
    }
    for (auto [id, value, hi] : {std::tuple<TextId, double*, double>{TextId::CycleLambda, &cycle.lambda_cyc, 50.0},
                                 {TextId::IdentityLambda, &cycle.lambda_id, 20.0}}) {
        const double lo = 0.0;
        ImGui::SliderScalar(tr(L, id), ImGuiDataType_Double, value, &lo, &hi, "%.2f", ImGuiSliderFlags_AlwaysClamp);
        changed |= ImGui::IsItemDeactivatedAfterEdit();
    }
    changed |= logSlider(tr(L, TextId::DLearningRate), cycle.d_opt.lr, 1e-6, 1e-1, "%.1e");
    changed |= logSlider(tr(L, TextId::GLearningRate), cycle.g_opt.lr, 1e-6, 1e-1, "%.1e");
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
        ImageGanSpec& image = *imageOf(spec);  // edited in the scene file; the learning rates here
        ImGui::PushItemWidth(ImGui::GetContentRegionAvail().x * 0.55f);
        changed |= logSlider(tr(L, TextId::DLearningRate), image.d_opt.lr, 1e-6, 1e-1, "%.1e");
        changed |= logSlider(tr(L, TextId::GLearningRate), image.g_opt.lr, 1e-6, 1e-1, "%.1e");
        ImGui::PopItemWidth();
        ImGui::TreePop();
    } else if (open) {
        ToyGanSpec& toy = std::get<ToyGanSpec>(spec.options);
        ImGui::PushItemWidth(ImGui::GetContentRegionAvail().x * 0.55f);
        int objective = static_cast<int>(toy.objective);
        if (nameCombo(tr(L, TextId::Objective), NameGroup::Objective, L, objective)) {
            toy.objective = static_cast<Objective>(objective);
            changed = true;
        }
        int lipschitz = static_cast<int>(toy.lipschitz);
        if (nameCombo(tr(L, TextId::Lipschitz), NameGroup::Lipschitz, L, lipschitz)) {
            toy.lipschitz = static_cast<Lipschitz>(lipschitz);
            changed = true;
        }
        if (toy.lipschitz == Lipschitz::WeightClip)
            changed |= logSlider(tr(L, TextId::ClipC), toy.clip, 1e-4, 1.0, "%.4f");
        if (toy.lipschitz == Lipschitz::GradientPenalty)
            changed |= logSlider(tr(L, TextId::GpLambda), toy.gp_lambda, 1e-3, 100.0, "%.3g");
        changed |= logSlider(tr(L, TextId::DLearningRate), toy.d_opt.lr, 1e-6, 1e-1, "%.1e");
        changed |= logSlider(tr(L, TextId::GLearningRate), toy.g_opt.lr, 1e-6, 1e-1, "%.1e");
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
