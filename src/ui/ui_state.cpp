// ui_state.cpp — posting commands for the trainer and showing banners.
#include "ui/ui_state.h"

#include <utility>

namespace ganarium {

void postCommand(UiState& state, Command command) {
    if (changesScene(command.kind)) state.draft.in_flight = true;
    state.outbox.push_back(std::move(command));
}

void showBanner(UiState& state, const std::string& text, bool error, double now) {
    state.banner.text = text;
    state.banner.error = error;
    state.banner.until = error ? 1e300 : now + 5.0;
}

}  // namespace ganarium
