// gui_session.cpp — one interactive session: trainer lifetime, the per-frame
// UI composition (controls | shared frame | status line) and the requests
// the UI cannot serve itself (open, save).
#include "app/gui_session.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <thread>
#include <utility>

#include <sched.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "core/errors.h"
#include "core/scene_parser.h"
#include "ui/cjk_font.h"
#include "ui/follow_status.h"

namespace ganarium {

namespace {

// SCHED_IDLE for the calling thread (runs only when no normal thread wants the CPU); nice 19 where refused.
void lowerThisThreadsPriority() {
    sched_param param{};
    if (sched_setscheduler(0, SCHED_IDLE, &param) == 0) return;
    const auto tid = static_cast<id_t>(syscall(SYS_gettid));
    setpriority(PRIO_PROCESS, tid, 19);
}

}  // namespace

GuiSession::GuiSession(const SceneSpec& scene, GuiSessionOptions options)
    : options_(std::move(options)), frame_(options_.shader_dir) {
    ui_.lang = options_.lang;
    ui_.scene_dirs = options_.scene_dirs;
    if (!options_.output_dir.empty()) ui_.record_dir = ui_.screenshot_dir = options_.output_dir;
    frame_.display().presenter = options_.presenter;
    const BlasInfo blas = detectBlas();
    ui_.frame.blas_name = blas.name;
    ui_.frame.blas_reference = blas.reference;
    startTrainer(scene);
}

GuiSession::~GuiSession() {
    waitForLockstepStep();
    if (trainer_ && options_.threaded) trainer_->stop();
}

void GuiSession::startTrainer(const SceneSpec& scene) {
    auto trainer = std::make_unique<Trainer>(scene, options_.trainer);  // may throw UserError: keep the old one
    waitForLockstepStep();
    deferred_.clear();  // edits of the old scene
    if (trainer_ && options_.threaded) trainer_->stop();
    trainer_ = std::move(trainer);
    trainer_->setTrainingShare(training_share_.share());  // the machine is as busy as it was
    resetDraft(ui_.draft);  // the editors start from the new trainer's scene (its first snapshot)
    ui_.outbox.clear();
    ui_.draw_mode = false;
    frame_.resetCamera();
    const bool presenter = frame_.display().presenter;  // the teacher's mode outlives the scene
    frame_.setDisplay(scene.display);  // the scene's layers, curves tab, grid and presenter mode
    frame_.display().presenter = frame_.display().presenter || presenter;
    const std::vector<std::string> grids = gridChoices(static_cast<int>(scene.runs.size()));
    std::string& layout = frame_.display().layout;
    if (std::find(grids.begin(), grids.end(), layout) == grids.end()) layout = "auto";  // a grid too small for the runs
    const bool playing = options_.start_playing && !scene.lesson;  // a lesson's steps say when training plays
    sync_playing_ = playing;
    if (!synchronous()) {
        Command speed;
        speed.kind = Command::Kind::SetSpeed;
        // As fast as the trainer can go (the UI never waits for it), except for scenes of Dirac-GAN runs only:
        // their steps cost microseconds, so flat out the whole path would be over before anyone saw it.
        speed.count = sceneUsesData(scene) ? 0 : 1;
        trainer_->post(speed);
        launchTrainerThread(playing);
        snapshot_ = trainer_->latest();
    } else {
        if (playing) {
            Command play;
            play.kind = Command::Kind::Play;
            trainer_->apply(play);
        }
        snapshot_ = trainer_->snapshot();
    }
    lesson_.open(scene, ui_, frame_, snapshot_->version);  // its first step's commands go out with the next service
}

void GuiSession::launchTrainerThread(bool playing) {
    // Start the training thread from a launcher thread, so the Idle policy lowers only it: Linux threads inherit
    // the scheduling policy and nice value (the pool's workers follow). The Adaptive policy keeps normal
    // priority and rests the thread instead whenever frames run over budget (noteFrameWork).
    std::thread launcher([this, playing] {
        if (options_.training_policy == TrainingPolicy::Idle) lowerThisThreadsPriority();
        trainer_->start(playing);
    });
    launcher.join();
}

void GuiSession::noteFrameWork(double work_ms) {
    if (options_.training_policy != TrainingPolicy::Adaptive || synchronous()) return;
    if (training_share_.addFrame(work_ms)) trainer_->setTrainingShare(training_share_.share());
    ui_.frame.training_share = training_share_.share();
}

void GuiSession::setLockstep(bool on) {
    if (on == lockstep_) return;
    if (!options_.threaded) {  // already synchronous: lockstep only changes K
        lockstep_ = on;
        return;
    }
    if (on) {
        // Speed "max" has no fixed K: keep the pace the screen showed (iterations per 1/30 s).
        max_speed_steps_ = std::max(1, static_cast<int>(std::lround(trainer_->latest()->steps_per_second / 30.0)));
        trainer_->stop();
        Command play;  // sync_playing_ follows every Play/Pause the UI sent (forwardCommands)
        play.kind = sync_playing_ ? Command::Kind::Play : Command::Kind::Pause;
        trainer_->apply(play);
        lockstep_ = true;
        snapshot_ = trainer_->snapshot();
    } else {
        waitForLockstepStep();
        applyCommands(deferred_);  // the thread starts from every edit made while recording
        lockstep_ = false;
        launchTrainerThread(sync_playing_);
    }
}

int GuiSession::lockstepStepsPerFrame() const {
    if (!options_.threaded && !lockstep_) return std::max(1, options_.sync_steps_per_frame);
    const int speed = trainer_->stepsPerFrame();  // no training thread runs in lockstep
    return speed > 0 ? speed : max_speed_steps_;
}

void GuiSession::waitForLockstepStep() {
    if (!lockstep_driver_.busy()) return;
    LockstepFrame next = lockstep_driver_.wait();  // a failed step falls back to latest() (logged)
    if (next.snapshot) snapshot_ = std::move(next.snapshot);
}

void GuiSession::startLockstepStep() {
    // Edits from the previous frame first (the trainer is idle now), then K iterations and the next
    // snapshot on the driver's thread while this frame is drawn, read back and encoded.
    applyCommands(deferred_);
    const int k = sync_playing_ ? lockstepStepsPerFrame() : 0;
    lockstep_driver_.start(*trainer_, k);
}

float GuiSession::statusLineHeight() const {
    if (frame_.display().presenter) return 0.0f;
    // Outside a frame (before the first one) GetFontSize() is 0: fall back to the body font's size.
    const ImGuiIO& io = ImGui::GetIO();
    float font_size = ImGui::GetFontSize();
    if (font_size <= 0 && io.Fonts->Fonts.Size > 0) font_size = io.Fonts->Fonts[0]->FontSize * io.FontGlobalScale;
    return font_size * 1.4f;  // text plus a margin that scales with it (HiDPI)
}

bool GuiSession::openSceneSpec(const SceneSpec& scene) {
    try {
        startTrainer(scene);
        return true;
    } catch (const std::exception& error) {  // a scene file never ends the window, whatever it holds
        showBanner(ui_, std::string(tr(ui_.lang, TextId::LoadFailed)) + "\n" + error.what(), true, ImGui::GetTime());
        return false;
    }
}

bool GuiSession::openScene(const std::string& path) {
    SceneSpec scene;
    try {
        scene = loadSceneFile(path);
    } catch (const std::exception& error) {  // UserError, and bad_alloc or worse from a hostile file
        showBanner(ui_, std::string(tr(ui_.lang, TextId::LoadFailed)) + "\n" + error.what(), true, ImGui::GetTime());
        return false;
    }
    return openSceneSpec(scene);
}

SceneSpec GuiSession::scene() const {
    // No training thread runs: the trainer's own scene already holds the edits applied this frame.
    if (synchronous() && !lockstep_driver_.busy()) return trainer_->scene();
    return *trainer_->latest()->scene;  // the newest scene the training thread published
}

bool GuiSession::saveSceneAs(const std::string& path, const std::string& title) {
    // The trainer's scene (never an edit it refused) with the display state on screen.
    SceneSpec scene = this->scene();
    scene.display = frame_.display();
    if (!title.empty()) (ui_.lang == Language::Chinese ? scene.title_zh : scene.title) = title;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (out) out << sceneToToml(scene);
    out.close();
    if (!out) {
        showBanner(ui_, std::string(tr(ui_.lang, TextId::SaveFailed)) + ": " + path, true, ImGui::GetTime());
        return false;
    }
    showBanner(ui_, std::string(tr(ui_.lang, TextId::SavedTo)) + ": " + path, false, ImGui::GetTime());
    listSavedFolder(ui_, path);
    if (!title.empty()) {  // the window shows the title the file now has
        Command retitle;
        retitle.kind = Command::Kind::SetTitle;
        retitle.text = title;
        retitle.count = ui_.lang == Language::Chinese ? 1 : 0;
        postCommand(ui_, retitle);
    }
    return true;
}

float GuiSession::controlsWidth(float w) const {
    if (!ui_.show_controls) return 0;
    const float fs = ImGui::GetFontSize();
    return std::clamp(w * 0.25f, fs * 15.0f, fs * 22.0f);
}

void GuiSession::buildFrame(ImVec2 size, const ShortcutKeys& keys) {
    if (pipelined()) {
        waitForLockstepStep();  // this frame shows exactly K iterations after the previous one
        startLockstepStep();
    } else if (!synchronous()) {
        snapshot_ = trainer_->latest();
    }
    const Snapshot& snap = *snapshot_;
    if (ui_.lang == Language::Chinese && !ui_.chinese_font) {  // L or the language combo, without a CJK font
        ui_.lang = Language::English;
        showBanner(ui_, missingChineseFontMessage(), true, ImGui::GetTime());
    }
    followTrainer(ui_, snap, ImGui::GetTime());  // the editors' draft; a refused edit: banner, draft reverted
    const float status_h = statusLineHeight();
    const float controls_w = controlsWidth(size.x);
    const bool presenter = frame_.display().presenter;

    SceneFrameOptions frame_options;
    frame_options.lang = ui_.lang;
    frame_options.transparent_background = true;
    frame_options.presenter = presenter;
    frame_options.show_caption = true;
    frame_options.layout = frame_.display().layout;
    lesson_.decorate(frame_options);  // a lesson: its step's caption and "3 / 9" in the caption bar
    // Banners get a strip above the panels: they never cover a panel title.
    const float banner_h = bannerHeight(ui_, std::max(1.0f, size.x - controls_w));
    const ImVec2 frame_origin(controls_w, banner_h);
    const ImVec2 frame_size(std::max(1.0f, size.x - controls_w), std::max(1.0f, size.y - status_h - banner_h));
    // While drawing data, drags paint points instead of panning: freeze the camera for this frame.
    const bool fixed = frame_.camera().fixed_axes;
    if (ui_.draw_mode) frame_.camera().fixed_axes = true;
    if (ui_.follow.active && ui_.follow.shown_step < 0)  // `ganarium follow` before its first checkpoint
        drawFollowWaiting(ui_.follow, ui_.lang, frame_origin.x, frame_origin.y, frame_size.x, frame_size.y);
    else
        frame_.draw(snap, frame_options, frame_origin, frame_size);
    frame_.camera().fixed_axes = fixed;
    if (controls_w > 0) drawControlsPanel(ui_, snap, frame_, ImVec2(0, 0), ImVec2(controls_w, size.y - status_h));
    else ui_.draft.held = false;  // no editor on screen holds the draft
    if (status_h > 0) drawStatusLine(ui_, snap, ImVec2(0, size.y - status_h), ImVec2(size.x, status_h));
    reportShaderErrors();
    drawBanner(ui_, ImVec2(frame_origin.x, 0.0f), frame_size.x);
    // Over the run panels' bottom edge (their legend), not over the curves beside them.
    const ImVec2 grid_min = frame_.gridMin(), grid_max = frame_.gridMax();
    drawDrawModeCue(ui_, snap.dim, grid_min, ImVec2(grid_max.x - grid_min.x, grid_max.y - grid_min.y));
    drawHelpOverlay(ui_);
    handleShortcuts(ui_, snap, frame_, keys);
    if (ui_.follow.active) handleFollowKeys(ui_.follow);
    lesson_.update(ui_, frame_, snap);
    handleDataDrawing(ui_, snap, frame_);
    handlePhasePlaneClicks(ui_, frame_);
    handleImageGridClicks(ui_, frame_);
}

void GuiSession::reportShaderErrors() {
    std::string errors = frame_.shaderErrors();
    if (errors == shader_errors_) return;
    const bool fixed = errors.empty();
    shader_errors_ = std::move(errors);
    if (fixed) {
        showBanner(ui_, tr(ui_.lang, TextId::ShaderFixed), false, ImGui::GetTime());
    } else {
        showBanner(ui_, std::string(tr(ui_.lang, TextId::ShaderError)) + "\n" + shader_errors_, true, ImGui::GetTime());
    }
}

void GuiSession::forwardCommands() {
    if (ui_.follow.active) {  // a followed run is trained elsewhere: only showing a checkpoint reaches the trainer
        auto trains = [](const Command& command) { return !followAllows(command.kind); };
        ui_.outbox.erase(std::remove_if(ui_.outbox.begin(), ui_.outbox.end(), trains), ui_.outbox.end());
    }
    if (pipelined()) {  // the worker may be training: the next frame applies them before its step
        for (Command& command : ui_.outbox) deferred_.push_back(std::move(command));
    } else if (!synchronous()) {
        for (Command& command : ui_.outbox) {
            if (command.kind == Command::Kind::Play && command.run < 0) sync_playing_ = true;
            if (command.kind == Command::Kind::Pause && command.run < 0) sync_playing_ = false;
            trainer_->post(std::move(command));
        }
    } else {
        applyCommands(ui_.outbox);
    }
    ui_.outbox.clear();
}

void GuiSession::applyCommands(std::vector<Command>& commands) {
    for (const Command& command : commands) {
        if (command.kind == Command::Kind::Play && command.run < 0) sync_playing_ = true;
        if (command.kind == Command::Kind::Pause && command.run < 0) sync_playing_ = false;
        try {
            trainer_->apply(command);
        } catch (const UserError&) {
            // Refused: the trainer counts it, and the next snapshot's command_error reaches the banner.
        }
    }
    commands.clear();
}

void GuiSession::serviceRequests() {
    forwardCommands();
    if (!ui_.requests.save_path.empty()) {
        saveSceneAs(ui_.requests.save_path, ui_.requests.save_title);
        ui_.requests.save_path.clear();
        ui_.requests.save_title.clear();
    }
    if (!ui_.requests.load_path.empty()) {
        const std::string path = std::move(ui_.requests.load_path);
        ui_.requests.load_path.clear();
        openScene(path);
    }
    if (synchronous() && !pipelined()) {
        LockstepFrame next = lockstep_driver_.stepNow(*trainer_, sync_playing_ ? lockstepStepsPerFrame() : 0);
        if (next.snapshot) snapshot_ = std::move(next.snapshot);
    }
}

bool GuiSession::takeRecordToggleRequest() {
    const bool requested = ui_.requests.toggle_recording;
    ui_.requests.toggle_recording = false;
    return requested;
}

bool GuiSession::takeScreenshotRequest() {
    const bool requested = ui_.requests.screenshot;
    ui_.requests.screenshot = false;
    return requested;
}

}  // namespace ganarium
