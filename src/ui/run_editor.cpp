// run_editor.cpp — live editing of one run: objective, Lipschitz constraint,
// learning rates, k_d, lambda, c, batch and optimizer. Every finished edit
// becomes one SetRun command (sliders post when released, not while dragged).
// The widgets edit the UI's draft of the trainer's scene (ui/scene_draft.h).
#include <cstdio>
#include <string>
#include <vector>

#include "ui/panels.h"
#include "ui/theme.h"

namespace ganarium {

namespace {

// A combo over canonical names; true when the selection changed.
bool nameCombo(const char* label, const std::vector<std::string>& names, int& index) {
    bool changed = false;
    if (ImGui::BeginCombo(label, index >= 0 && index < static_cast<int>(names.size()) ? names[index].c_str() : "?")) {
        for (int i = 0; i < static_cast<int>(names.size()); ++i) {
            if (ImGui::Selectable(names[i].c_str(), i == index)) {
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
    if (nameCombo(tr(L, TextId::DiracMethod), diracMethodNames(), method)) {
        d.method = static_cast<DiracMethod>(method);
        changed = true;
    }
    int scheme = static_cast<int>(d.scheme);
    if (nameCombo(tr(L, TextId::DiracScheme), diracSchemeNames(), scheme)) {
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

}  // namespace

void drawRunEditor(UiState& state, const Snapshot& snapshot, int run) {
    if (run < 0 || run >= static_cast<int>(state.draft.scene.runs.size()) || run >= static_cast<int>(snapshot.runs.size()))
        return;
    const Language L = state.lang;
    const RunSnapshot& rs = snapshot.runs[run];
    RunSpec& spec = state.draft.scene.runs[run];  // the draft: sliders keep their value while dragged
    bool changed = false;

    ImGui::PushID(run);
    ImGui::PushStyleColor(ImGuiCol_Text, runColor(run));
    const bool open = ImGui::TreeNodeEx("##run", ImGuiTreeNodeFlags_DefaultOpen, "%s", rs.name.c_str());
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
        if (nameCombo(tr(L, TextId::Objective), objectiveNames(), objective)) {
            toy.objective = static_cast<Objective>(objective);
            changed = true;
        }
        int lipschitz = static_cast<int>(toy.lipschitz);
        if (nameCombo(tr(L, TextId::Lipschitz), lipschitzNames(), lipschitz)) {
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
        if (nameCombo(tr(L, TextId::Optimizer), optimizerNames(), optimizer)) {
            toy.d_opt.kind = static_cast<OptimizerKind>(optimizer);
            toy.g_opt.kind = toy.d_opt.kind;
            changed = true;
        }
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
