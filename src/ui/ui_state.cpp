// ui_state.cpp — posting commands and keeping the UI's copy of the scene in
// step with what the trainer does with them (custom-data rules: core customDataAfter).
#include "ui/ui_state.h"

#include <utility>

namespace ganarium {

void applyToSpec(SceneSpec& spec, const Command& command) {
    using K = Command::Kind;
    DataSpec& data = spec.data;
    switch (command.kind) {
        case K::Reseed:
            spec.seed = command.seed;
            break;
        case K::SetRun:
            if (command.run < 0) {
                for (RunSpec& run : spec.runs) run = command.run_spec;
            } else if (command.run < static_cast<int>(spec.runs.size())) {
                spec.runs[command.run] = command.run_spec;
            } else if (command.run == static_cast<int>(spec.runs.size()) && spec.runs.size() < 6) {
                spec.runs.push_back(command.run_spec);
            }
            break;
        case K::SetData:
            data = command.data;
            break;
        case K::AddBlob:
        case K::AddPoints:
        case K::ClearData:
            data = customDataAfter(data, command);
            break;
        case K::LoadScene:
            if (command.scene) spec = *command.scene;
            break;
        case K::RestartFrom:
            for (size_t i = 0; i < spec.runs.size(); ++i) {
                if (spec.runs[i].kind != RunKind::DiracGan) continue;
                if (command.run >= 0 && static_cast<size_t>(command.run) != i) continue;
                spec.runs[i].dirac.theta0 = command.x;
                spec.runs[i].dirac.psi0 = command.y;
            }
            break;
        default:
            break;
    }
}

void postCommand(UiState& state, Command command) {
    applyToSpec(state.spec, command);
    state.outbox.push_back(std::move(command));
}

void showBanner(UiState& state, const std::string& text, bool error, double now) {
    state.banner.text = text;
    state.banner.error = error;
    state.banner.until = error ? 1e300 : now + 5.0;
}

}  // namespace ganarium
