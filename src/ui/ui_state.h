// ui_state.h — what the interface remembers between frames (language,
// panel toggles, text fields, banner, the editors' scene draft) plus the
// outbox of Commands for the trainer and the requests only the app can serve
// (load, save, screenshot). The UI never touches the Trainer: the app drains
// `outbox` each frame. How the scene is shown (layers, curves tab, grid) is
// the SceneFrame's DisplayState.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/command.h"
#include "core/scene_spec.h"
#include "ui/i18n.h"
#include "ui/draw_mode.h"
#include "ui/follow_status.h"
#include "ui/scene_draft.h"

namespace ganarium {

// One scene file found by the scene browser.
struct SceneEntry {
    std::string path;
    std::string title;   // [scene] title, or the file name when it does not parse
    std::string title_zh;  // [scene] title_zh (empty: `title` in both languages)
    std::string error;   // non-empty when the file does not parse
};

// A message at the top of the window: errors stay until dismissed, info fades.
struct Banner {
    std::string text;
    bool error = false;
    double until = 0;    // ImGui time when an info banner disappears
};

// Requests that need the app (files, GL read-back).
struct UiRequests {
    std::string load_path;      // non-empty: open this scene file
    std::string save_path;      // non-empty: write the trainer's scene and the display state here
    std::string save_title;     // with save_path: the saved scene's title (empty: keep it)
    bool screenshot = false;    // save the next finished frame as PNG
    bool reload_fonts = false;  // language changed: rebuild the font atlas
    bool toggle_recording = false;  // start or stop the in-app video (button, Ctrl+R, F9)
    bool quit = false;
};

// Numbers the status line shows that do not come from the snapshot.
struct FrameInfo {
    double fps = 0;        // rendered frames per second (frames are rendered on demand)
    double frame_ms = 0;   // work time of the last rendered frame
    double training_share = 1;  // the window's training policy: share of wall time training may use (core/training_share.h)
    std::string blas_name;
    bool blas_reference = false;
};

// The in-app recorder as the UI shows it (filled by the app each frame).
struct RecordingStatus {
    bool active = false;
    double seconds = 0;      // video time recorded so far
    long long frames = 0;    // frames captured so far
    int width = 0, height = 0;  // clip size in pixels
};

// Interface state of one window.
struct UiState {
    Language lang = Language::English;
    bool chinese_font = true;        // a CJK font is installed (else switching to Chinese says what to install)
    SceneDraft draft;                // the editors' copy of the trainer's scene (ui/scene_draft.h)
    std::vector<Command> outbox;     // commands for the trainer, in order
    UiRequests requests;
    Banner banner;
    FrameInfo frame;

    bool show_help = false;
    bool show_controls = true;
    bool draw_mode = false;          // clicks/drags in a 2D panel edit the data
    DrawUndo draw_undo;              // the data before this draw-mode session's first edit (ui/draw_mode.h)
    float blob_std = 0.15f;
    bool painting = false;           // a drag is in progress
    bool pressed_on_panel = false;   // the left button went down over a 2D panel
    double last_paint_x = 0, last_paint_y = 0;
    std::vector<double> paint_buffer;  // points painted this frame, flushed as AddPoints

    std::string save_path = "my_scene.toml";
    std::string save_title;          // title written by "save as" (prefilled with the scene's title)
    std::string save_title_of;       // source path of the scene save_title was prefilled from
    std::string open_path;           // "open a scene file" field: any path on disk
    std::string screenshot_dir = ".";
    std::string record_dir = ".";    // where the record button writes ganarium-DATE-TIME.mp4
    bool record_realtime = false;    // the next clip follows the wall clock (else lockstep: K steps per video frame)
    RecordingStatus recording;
    std::vector<std::string> scene_dirs;   // folders the browser lists
    std::vector<SceneEntry> scenes;
    bool scenes_scanned = false;
    uint64_t reseed_value = 0;       // seed the Reseed button uses (0: scene seed + 1)
    int speed = 1;
    int fast_forward_steps = 1000;  // length of the next fast-forward
    float zoom = 1.0f;               // Ctrl +/- text size factor (0.5..3; Ctrl 0 resets)
    std::string checkpoint_dir = "checkpoints";  // the timeline's save/load folder
    uint64_t checkpoint_notes_seen = 0;  // Snapshot::checkpoint_notes when the last save/load was posted
    uint64_t checkpoint_errors_seen = 0; // Snapshot::command_errors then
    bool checkpoint_disk_busy = false;   // a save/load is posted and not answered yet
    FollowStatus follow;                 // `ganarium follow DIR`: the folder followed (inactive otherwise)
};

// Queues `command` for the trainer; a scene edit marks the draft as waiting for the trainer's answer.
void postCommand(UiState& state, Command command);

// Shows an info (fading) or error (sticky) message.
void showBanner(UiState& state, const std::string& text, bool error, double now);

}  // namespace ganarium
