// panels.h — the interactive panels around the shared frame: controls
// (transport, runs, data, layers, language), scene browser and files, status
// line, help overlay, banner, keyboard shortcuts and the draw-data mode.
// Each reads the snapshot, edits UiState and posts Commands; none touches
// the trainer, the window or files directly (see UiRequests).
#pragma once

#include <string>
#include <vector>

#include <imgui.h>

#include "core/snapshot.h"
#include "ui/scene_frame.h"
#include "ui/ui_state.h"

namespace ganarium {

// Key codes of the platform layer (GLFW) for the shortcuts; letters and digits are ASCII.
struct ShortcutKeys {
    int f1 = 290, f5 = 294, f9 = 298, f12 = 301;  // GLFW_KEY_F1, GLFW_KEY_F5, GLFW_KEY_F9, GLFW_KEY_F12
    int keypad_plus = 334, keypad_minus = 333;   // GLFW_KEY_KP_ADD, GLFW_KEY_KP_SUBTRACT (Ctrl: zoom)
    int ctrl_r = 'R';                   // with Ctrl held: start / stop recording
};

// The left-hand controls window at `pos` with `size`.
void drawControlsPanel(UiState& state, const Snapshot& snapshot, SceneFrame& frame, ImVec2 pos, ImVec2 size);

// Transport buttons: play/pause, D/G/iteration steps, speed, reset, reseed.
void drawTransport(UiState& state, const Snapshot& snapshot);
// Live editor of run `run`'s objective and hyperparameters; `advanced` adds the less common controls
// (fixed generator, k_G, Adam betas, momentum: hidden in presenter mode).
void drawRunEditor(UiState& state, const Snapshot& snapshot, int run, bool advanced = true);
// Data family and key parameters, plus the draw-data mode.
void drawDataEditor(UiState& state, const Snapshot& snapshot);
// Record / stop and screenshot buttons with the video folder.
void drawRecordControls(UiState& state);
// "REC mm:ss  N frames" (red) for the status line; "" when not recording.
std::string recordingIndicatorText(const RecordingStatus& status, Language lang);
// Layer toggles, fixed axes and camera reset.
void drawLayerToggles(UiState& state, SceneFrame& frame);
// Scene browser, "save scene as" and screenshot buttons.
void drawSceneBrowser(UiState& state);
// "Open a scene file": a path field and Open button (any folder, not only the browser's).
void drawOpenField(UiState& state);
// The title "save as" writes, prefilled with the scene's title in the UI language.
void drawSaveTitleField(UiState& state);
// After a save to `path`: the browser also lists that file's folder, and rescans (a Refresh shows the file).
void listSavedFolder(UiState& state, const std::string& path);

// The status line (steps/s, FPS, BLAS, diverged runs) at `pos` with `size`.
void drawStatusLine(UiState& state, const Snapshot& snapshot, ImVec2 pos, ImVec2 size);
// The keyboard help overlay when state.show_help.
void drawHelpOverlay(UiState& state);
// The banner (error or info) centred at the top of [x, x + width].
void drawBanner(UiState& state, ImVec2 pos, float width);
// Height of the strip the banner takes at the top of an area `width` wide (0 when none is shown).
float bannerHeight(const UiState& state, float width);

// Keyboard shortcuts (ignored while a text field has focus).
void handleShortcuts(UiState& state, const Snapshot& snapshot, SceneFrame& frame, const ShortcutKeys& keys);
// Draw-data mode: click adds a blob, drag paints points (call after the frame is drawn).
void handleDataDrawing(UiState& state, const Snapshot& snapshot, SceneFrame& frame);
// Phase plane: a click starts every Dirac-GAN run again from the clicked (theta, psi) (after the frame is drawn).
void handlePhasePlaneClicks(UiState& state, SceneFrame& frame);
// A click on a generated tile of an image grid picks it for every image run (A, then B; right click clears).
void handleImageGridClicks(UiState& state, SceneFrame& frame);

// Lists *.toml in `dirs` (sorted, deduplicated by real path) with their titles.
std::vector<SceneEntry> scanSceneFolders(const std::vector<std::string>& dirs);

// Ctrl +/-: the zoom one step (x1.1) larger / smaller within 0.5..3; Ctrl 0 resets it to 1.
float zoomStep(float zoom, int direction);

// True for the controls-panel sections presenter mode hides (everything but transport, runs' objective
// and the presenter switch): `section` is a TextId of a section header.
bool isAdvancedSection(TextId section);

// Toggles layer number `digit` (1-9, 0 = 10th) of `layers`; false when out of range.
bool toggleLayerByDigit(ViewLayers& layers, int digit);

}  // namespace ganarium
