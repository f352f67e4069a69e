// gui_session.h — one interactive session: the Trainer (threaded, or
// synchronous for tests and, while recording, in lockstep), the UI state with its draft of the scene, and the
// shared SceneFrame. Builds one frame of UI per call, forwards the UI's
// commands to the trainer and serves its requests (open, save, screenshot).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <imgui.h>

#include "app/lockstep_driver.h"
#include "core/scene_spec.h"
#include "core/snapshot.h"
#include "core/training_share.h"
#include "render/shader_program.h"
#include "train/trainer.h"
#include "ui/lesson_control.h"
#include "ui/panels.h"
#include "ui/scene_frame.h"
#include "ui/ui_state.h"

namespace ganarium {

// Where the window's training thread runs (measured in docs/gui.md, "Training under load").
enum class TrainingPolicy {
    Adaptive,  // normal priority; it rests whenever the frames run over budget (core/training_share.h) — the default
    Idle,      // SCHED_IDLE (nice 19 where refused): only the cycles nothing else wants
    Normal,    // normal priority, never rests (tests)
};

// How a session runs.
struct GuiSessionOptions {
    bool threaded = true;        // Trainer::start() on its own thread; false: advance() each frame (tests)
    bool start_playing = true;
    int sync_steps_per_frame = 1;  // synchronous mode: iterations per frame while playing
    TrainingPolicy training_policy = TrainingPolicy::Adaptive;  // threaded mode: the training thread's share of the CPU
    Language lang = Language::English;
    bool presenter = false;      // start in presenter mode (--presenter; the scene's `presenter` key does too)
    std::vector<std::string> scene_dirs;  // folders the scene browser lists
    std::string output_dir;      // --record-dir: folder of in-app videos AND screenshots ("" = the UI's default ".")
    std::string shader_dir = defaultShaderDir();  // GL shaders (hot reload); the embedded copies stand behind it
    TrainerOptions trainer;
};

class GuiSession {
public:
    // Starts training `scene`. Throws UserError when the scene cannot be built.
    GuiSession(const SceneSpec& scene, GuiSessionOptions options);
    ~GuiSession();
    GuiSession(const GuiSession&) = delete;
    GuiSession& operator=(const GuiSession&) = delete;

    // Opens a scene file (what the scene browser does). On error: banner, current session kept, false.
    bool openScene(const std::string& path);
    // Replaces the session's scene with `scene` (new trainer). On error: banner, false.
    bool openSceneSpec(const SceneSpec& scene);
    // Writes the trainer's scene with the display state on screen to `path` as TOML, with `title` (when given)
    // as its title in the UI language; the browser then lists the folder. On error: banner, false.
    bool saveSceneAs(const std::string& path, const std::string& title = "");

    // Builds one frame of UI (between ImGui::NewFrame and ImGui::Render) for a `size` pixel window.
    void buildFrame(ImVec2 size, const ShortcutKeys& keys = {});
    // Serves load/save requests and forwards queued commands to the trainer (after buildFrame).
    void serviceRequests();
    // True (and clears it) when the UI asked for a screenshot of this frame.
    bool takeScreenshotRequest();
    // True (and clears it) when the UI asked to start or stop the video.
    bool takeRecordToggleRequest();

    // Lockstep (while recording): the training thread is stopped; each frame applies the UI's
    // commands, advances K = speed iterations if playing (speed "max": the iterations per 1/30 s
    // the thread was doing, at least 1) and takes a fresh snapshot, so each drawn frame is exactly
    // K iterations after the previous one. Threaded sessions do that step for frame i+1 on a worker
    // while frame i is drawn and captured (buildFrame starts it; commands wait one frame); tests'
    // synchronous sessions do it in serviceRequests(). Switching it off restarts the training
    // thread in the same play/pause state.
    void setLockstep(bool on);
    bool lockstep() const { return lockstep_; }
    // Iterations per frame in lockstep.
    int lockstepStepsPerFrame() const;
    // Threaded lockstep trains the next frame on a worker while this one is drawn and captured:
    // waits for that step (no-op when none is in flight).
    void waitForLockstepStep();
    // Adaptive training policy: one rendered frame's work time in ms (build UI + render + swap).
    void noteFrameWork(double work_ms);
    // Height of the status line at the bottom (0 in presenter mode), in ImGui pixels.
    float statusLineHeight() const;

    // The snapshot drawn by the last buildFrame (never null).
    const SnapshotPtr& snapshot() const { return snapshot_; }
    UiState& ui() { return ui_; }
    SceneFrame& frame() { return frame_; }
    // The open scene's lesson (inactive when the scene has none).
    LessonControl& lesson() { return lesson_; }
    Trainer& trainer() { return *trainer_; }
    // The trainer's scene with every edit it applied (its display part as loaded; the screen's is frame().display()).
    SceneSpec scene() const;
    // Width of the controls panel for a window of width `w` (0 when hidden).
    float controlsWidth(float w) const;

private:
    void startTrainer(const SceneSpec& scene);
    void launchTrainerThread(bool playing);
    void forwardCommands();
    void applyCommands(std::vector<Command>& commands);
    void startLockstepStep();
    bool pipelined() const { return options_.threaded && lockstep_; }
    void reportShaderErrors();
    bool synchronous() const { return !options_.threaded || lockstep_; }

    GuiSessionOptions options_;
    std::unique_ptr<Trainer> trainer_;
    UiState ui_;
    SceneFrame frame_;
    SnapshotPtr snapshot_;
    bool sync_playing_ = false;  // whole-session play state as the UI last set it (both modes)
    bool lockstep_ = false;
    int max_speed_steps_ = 1;    // lockstep K when the speed is "max": the pace before recording started
    std::string shader_errors_;  // the shader errors the banner last reported
    LockstepDriver lockstep_driver_;          // lockstep steps: the next frame's training + snapshot
    std::vector<Command> deferred_;           // pipelined lockstep: commands waiting for the trainer
    TrainingShare training_share_;            // adaptive policy: the training thread's share of wall time
    LessonControl lesson_;                    // the scene's [[lesson.step]]s: caption bar, arrow keys, advance rules
};

}  // namespace ganarium
