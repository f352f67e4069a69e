// interaction.cpp — keyboard shortcuts and the draw-data mouse gestures
// (click: Gaussian blob, drag: painted points) over the 2D run panels.
#include <algorithm>
#include <cmath>

#include "ui/panels.h"

namespace ganarium {

namespace {

Command simple(Command::Kind kind) {
    Command c;
    c.kind = kind;
    return c;
}

}  // namespace

float zoomStep(float zoom, int direction) {
    if (direction == 0) return 1.0f;
    const float next = direction > 0 ? zoom * 1.1f : zoom / 1.1f;
    return std::fabs(next - 1.0f) < 0.02f ? 1.0f : std::clamp(next, 0.5f, 3.0f);
}

void handleShortcuts(UiState& state, const Snapshot& snapshot, SceneFrame& frame, const ShortcutKeys& keys) {
    const ImGuiIO& io = ImGui::GetIO();
    auto pressed = [](int key) { return key >= 0 && ImGui::IsKeyPressed(key, false); };
    // Recording works even while a text field has focus (Ctrl+R types nothing; F9 neither).
    if ((io.KeyCtrl && !io.KeyAlt && pressed(keys.ctrl_r)) || pressed(keys.f9)) state.requests.toggle_recording = true;
    if (pressed(keys.f5)) frame.display().presenter = !frame.display().presenter;
    if (io.KeyCtrl && !io.KeyAlt && !io.WantTextInput) {  // zoom: '=' is '+' without Shift on most layouts
        if (pressed('=') || pressed(keys.keypad_plus)) state.zoom = zoomStep(state.zoom, 1);
        if (pressed('-') || pressed(keys.keypad_minus)) state.zoom = zoomStep(state.zoom, -1);
        if (pressed('0')) state.zoom = zoomStep(state.zoom, 0);
    }
    if (io.WantTextInput || io.KeyCtrl || io.KeyAlt) return;
    if (pressed(ImGui::GetKeyIndex(ImGuiKey_Space)))
        postCommand(state, simple(snapshot.playing ? Command::Kind::Pause : Command::Kind::Play));
    if (pressed('S')) postCommand(state, simple(Command::Kind::StepIteration));
    if (pressed('D')) postCommand(state, simple(Command::Kind::StepD));
    if (pressed('G')) postCommand(state, simple(Command::Kind::StepG));
    if (pressed('R')) postCommand(state, simple(Command::Kind::Reset));
    if (pressed('H') || pressed(keys.f1)) state.show_help = !state.show_help;
    if (pressed(keys.f12)) state.requests.screenshot = true;
    if (pressed('F')) frame.camera().fixed_axes = !frame.camera().fixed_axes;
    if (pressed('B') && snapshot.dim == 2) state.draw_mode = !state.draw_mode;
    if (pressed('L')) state.lang = state.lang == Language::English ? Language::Chinese : Language::English;
    for (int digit = 0; digit <= 9; ++digit)
        if (pressed('0' + digit)) toggleLayerByDigit(frame.layers(), digit);
    if (pressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        if (!state.show_help) state.draw_mode = false;  // Esc closes the help first, then leaves draw mode
        state.show_help = false;
    }
}

void handleDataDrawing(UiState& state, const Snapshot& snapshot, SceneFrame& frame) {
    if (!state.draw_mode || snapshot.dim != 2) {
        state.painting = false;
        return;
    }
    double x = 0, y = 0;
    const bool over = frame.hoveredDataPoint(x, y);
    const ImGuiIO& io = ImGui::GetIO();
    const float drag_threshold = io.MouseDragThreshold;
    if (ImGui::IsMouseClicked(0)) {
        state.pressed_on_panel = over;
        state.painting = false;
        state.last_paint_x = x;
        state.last_paint_y = y;
    }
    if (over && state.pressed_on_panel && ImGui::IsMouseDragging(0, drag_threshold)) {
        if (!state.painting) {
            state.painting = true;
            state.paint_buffer.push_back(state.last_paint_x);
            state.paint_buffer.push_back(state.last_paint_y);
        }
        const double spacing = std::max(0.01, state.blob_std * 0.3);
        if (std::hypot(x - state.last_paint_x, y - state.last_paint_y) >= spacing) {
            state.paint_buffer.push_back(x);
            state.paint_buffer.push_back(y);
            state.last_paint_x = x;
            state.last_paint_y = y;
        }
    }
    if (ImGui::IsMouseReleased(0)) {
        if (!state.painting && over && state.pressed_on_panel) {
            Command c;
            c.kind = Command::Kind::AddBlob;
            c.x = x;
            c.y = y;
            c.std = state.blob_std;
            rememberDataBeforeDrawing(state.draw_undo, state.draft.scene.data);
            postCommand(state, c);
        }
        state.painting = false;
        state.pressed_on_panel = false;
    }
    if (!state.paint_buffer.empty()) {
        Command c;
        c.kind = Command::Kind::AddPoints;
        c.points.swap(state.paint_buffer);
        rememberDataBeforeDrawing(state.draw_undo, state.draft.scene.data);
        postCommand(state, c);
        state.paint_buffer.clear();
    }
}

void handlePhasePlaneClicks(UiState& state, SceneFrame& frame) {
    int run = -1;
    double theta = 0, psi = 0;
    if (!frame.clickedPoint(run, theta, psi)) return;
    // Every Dirac-GAN run restarts from the same point, so the methods stay comparable side by side.
    Command c;
    c.kind = Command::Kind::RestartFrom;
    c.run = -1;
    c.x = std::round(theta * 100) / 100;  // two decimals: what the read-out showed, and a tidy scene file
    c.y = std::round(psi * 100) / 100;
    postCommand(state, c);
}

void handleImageGridClicks(UiState& state, SceneFrame& frame) {
    int run = -1, tile = -1;
    if (!frame.clickedTile(run, tile)) return;
    // Every image run picks the same tile, so runs side by side compare on the same z.
    Command c;
    c.kind = Command::Kind::PickTile;
    c.run = -1;
    c.count = tile;
    postCommand(state, c);
}

}  // namespace ganarium
