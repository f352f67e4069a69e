// ui_state.cpp — posting commands and keeping the UI's copy of the scene in
// step with what the trainer does with them (mirrors train/trainer_commands.cpp).
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
            if (data.family != DataFamily::Blobs2D) {
                const DataSpec fresh;
                data = fresh;
                data.family = DataFamily::Blobs2D;
            }
            data.means.push_back(command.x);
            data.means.push_back(command.y);
            data.stds.push_back(command.std);
            data.weights.push_back(1.0);
            break;
        case K::AddPoints:
            if (data.family != DataFamily::Points2D) {
                const DataSpec fresh;
                data = fresh;
                data.family = DataFamily::Points2D;
            }
            data.csv_path.clear();
            data.points.insert(data.points.end(), command.points.begin(), command.points.end());
            break;
        case K::ClearData:
            if (data.family != DataFamily::Blobs2D && data.family != DataFamily::Points2D) {
                const DataSpec fresh;
                data = fresh;
                data.family = DataFamily::Points2D;
            }
            data.means.clear();
            data.stds.clear();
            data.weights.clear();
            data.points.clear();
            data.csv_path.clear();
            break;
        case K::LoadScene:
            if (command.scene) spec = *command.scene;
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
