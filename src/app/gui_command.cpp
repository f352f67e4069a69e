// gui_command.cpp — `ganarium [SCENE] [--frames N] [--screenshot F] [--stats]
// [--lang en|zh] [--fps N] [--paused]`: the real-time window and its frame
// loop; also `ganarium follow DIR [...]`, the same window on a checkpoint
// folder (app/directory_follower.h: a paused trainer, loads posted as new
// checkpoints appear). The trainer runs on its own thread; each frame takes its latest
// snapshot and never waits for it.
//
// Pacing: vsync is on (glfwSwapInterval(1)) and a 60 Hz tick (--fps N; 0 =
// render every tick flat out) also caps the loop where swaps do not block
// (Xvfb). Frames are rendered on demand: when the trainer published a new
// snapshot (~30/s while training), on input, while an info banner counts
// down (an error banner stays until dismissed: no redraws), and for
// the last --frames tick; other ticks sleep, leaving the CPU to training.
// --frames counts ticks. While recording (record button, Ctrl+R / F9,
// --record) every tick is rendered and captured, and the session runs in
// lockstep, or with --record-mode realtime keeps its training thread and the
// clip follows the wall clock (gui_recorder.h). --stats reports the rendered frames' work time
// (build UI + render + swap), their interval, and training steps/s.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <set>
#include <thread>

#include "app/cli_args.h"
#include "app/cli_size.h"
#include "app/commands.h"
#include "app/directory_follower.h"
#include "app/gui_screenshot.h"
#include "app/gui_session.h"
#include "app/gui_recorder.h"
#include "app/gui_scale.h"
#include "app/gui_stats.h"
#include "app/gui_window.h"
#include "core/display_names.h"
#include "core/scene_parser.h"
#include "ui/fonts.h"
#include "ui/theme.h"

#include <GLFW/glfw3.h>

namespace ganarium {

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

// Folders the scene browser lists: the source tree's scenes/ and ./scenes.
std::vector<std::string> sceneFolders() {
    std::vector<std::string> dirs;
#ifdef GANARIUM_SCENE_DIR
    dirs.push_back(GANARIUM_SCENE_DIR);
    dirs.push_back(std::string(GANARIUM_SCENE_DIR) + "/lessons");
#endif
    dirs.push_back("scenes");
    dirs.push_back("scenes/lessons");  // the lessons (docs/teaching.md)
    return dirs;
}

struct GuiArgs {
    SceneSpec scene;
    long long frames = 0;          // 0 = until the window is closed
    std::string screenshot;
    bool stats = false;
    Language lang = Language::English;
    double fps = 60;
    bool paused = false;
    bool presenter = false;        // --presenter (alias --presentation)
    int threads = 0;               // trainer threads; 0 = the scene's `threads`
    bool record = false;           // start recording at the first frame
    std::string record_dir;        // folder of the record button's videos and F12 screenshots ("" = the current directory)
    RecordPacing record_pacing = RecordPacing::Lockstep;  // --record-mode
    PixelSize size{1280, 720};     // --size: the window's size (its framebuffer's under Xvfb)
    TrainingPolicy training_policy = TrainingPolicy::Adaptive;  // --training-policy
    std::string follow_dir;        // `ganarium follow DIR`: the checkpoint folder shown ("" = a scene is trained)
    bool help = false;             // `ganarium follow --help`
};

const char* kFollowUsage =
    "usage: ganarium follow DIR [--frames N] [--screenshot FILE] [--stats] [--lang en|zh] [--fps N] [--presenter]\n"
    "                       [--record] [--record-dir DIR] [--record-mode lockstep|realtime] [--size WxH]\n"
    "Opens the window on DIR, the checkpoint folder of `ganarium train SCENE --checkpoint-dir DIR` (running here\n"
    "or elsewhere, or finished): the runs' panels and curves at the newest checkpoint, updated as new ones appear\n"
    "(DIR is polled every second), and a timeline to show an older one. DIR is only read, never written.\n";

// The scene a follow window holds until DIR's first checkpoint: never trained, never drawn (the waiting text is).
SceneSpec followPlaceholderScene(const std::string& dir) {
    SceneSpec scene = defaultScene();
    scene.title = "Following " + dir;
    scene.title_zh = "正在跟随 " + dir;
    scene.lesson.reset();
    return scene;
}

// `follow`: DIR must be a folder (train --checkpoint-dir makes it with the first checkpoint).
void checkFollowedFolder(const std::string& dir) {
    std::error_code error;
    const auto status = std::filesystem::status(dir, error);
    if (!std::filesystem::exists(status))
        throw UserError("follow: no folder " + dir + ". Give the folder that `ganarium train SCENE --checkpoint-dir " +
                        dir + "` writes (it appears with the run's first checkpoint; start the training first).");
    if (!std::filesystem::is_directory(status))
        throw UserError("follow: " + dir + " is not a folder. Give the folder that `ganarium train SCENE "
                        "--checkpoint-dir DIR` writes (it holds 01-<run>/step-<N>/ folders).");
}

// The window's options (`follow`: `ganarium follow DIR ...`, which trains nothing and takes no scene options).
GuiArgs parseGuiArgs(int argc, char** argv, bool follow = false) {
    const std::set<std::string> scene_values = {"frames", "screenshot", "lang", "fps", "threads", "record-dir",
                                                   "record-mode", "size", "training-policy"};
    const std::set<std::string> follow_values = {"frames", "screenshot", "lang", "fps", "record-dir", "record-mode",
                                                    "size"};
    CliArgs args(argc, argv, follow ? 2 : 1, follow ? follow_values : scene_values,
                 follow ? std::set<std::string>{"help", "stats", "presenter", "presentation", "record"}
                        : std::set<std::string>{"stats", "paused", "presenter", "presentation", "record"});
    GuiArgs out;
    if (follow && args.has("help")) {
        out.help = true;
        return out;
    }
    if (follow) {
        if (args.positional().size() != 1)
            throw UserError("follow: expected one checkpoint folder, got " + std::to_string(args.positional().size()) +
                            " (usage: ganarium follow DIR [--frames N] [--screenshot FILE] ...; see ganarium follow --help)");
        out.follow_dir = args.positional()[0];
        checkFollowedFolder(out.follow_dir);
    } else if (args.positional().size() > 1) {
        throw UserError("expected at most one scene file, got " + std::to_string(args.positional().size()) +
                        " (usage: ganarium [SCENE.toml] [--frames N] [--screenshot FILE] [--stats] [--lang en|zh] [--fps N] [--paused] [--presenter] [--record] [--record-dir DIR] [--record-mode lockstep|realtime] [--size WxH] [--training-policy adaptive|idle])");
    }
    if (follow) out.scene = followPlaceholderScene(out.follow_dir);
    else out.scene = args.positional().empty() ? defaultScene() : loadSceneFile(args.positional()[0]);
    out.frames = args.integer("frames", 0, 1, 100000000);
    out.screenshot = args.value("screenshot").value_or("");
    out.stats = args.has("stats");
    out.fps = args.number("fps", 60, 0, 1000);
    out.paused = args.has("paused");
    out.threads = static_cast<int>(args.integer("threads", 0, 0, 64));
    out.presenter = args.has("presenter") || args.has("presentation");
    out.record = args.has("record");
    out.record_dir = args.value("record-dir").value_or("");
    if (auto mode = args.value("record-mode"); mode && !recordPacingFromName(*mode, out.record_pacing))
        throw UserError("--record-mode must be 'lockstep' (K training steps per video frame, the default) or "
                        "'realtime' (the clip plays at the speed the window showed), got '" + *mode + "'");
    if (auto size = args.value("size")) out.size = parseSizeOption(*size, false);
    if (auto policy = args.value("training-policy")) {
        if (*policy == "idle") out.training_policy = TrainingPolicy::Idle;
        else if (*policy != "adaptive")
            throw UserError("--training-policy must be 'adaptive' (normal priority, training rests when frames run "
                            "over budget; the default) or 'idle' (training only on cycles nothing else wants), got '" +
                            *policy + "'");
    }
    if (!out.screenshot.empty() && out.frames == 0)
        throw UserError("--screenshot FILE saves the last of --frames N frames: add --frames (e.g. --frames 300 "
                        "for 5 s at 60 Hz); in the window, press F12 instead");
    if (auto lang = args.value("lang"); lang && !languageFromCode(*lang, out.lang))
        throw UserError("--lang must be 'en' or 'zh', got '" + *lang + "'");
    return out;
}

// F12 / the screenshot buttons: a new timestamped PNG in the screenshot folder (--record-dir), or a red banner.
void saveRequestedScreenshot(GuiWindow& window, GuiSession& session) {
    int w = 0, h = 0;
    window.framebufferSize(w, h);
    const Language L = session.ui().lang;
    try {
        const std::string path = saveScreenshotInFolder(session.ui().screenshot_dir, w, h);
        showBanner(session.ui(), std::string(tr(L, TextId::ScreenshotSaved)) + ": " + path, false, ImGui::GetTime());
        std::printf("screenshot saved: %s (%dx%d)\n", path.c_str(), w, h);
    } catch (const UserError& error) {
        showBanner(session.ui(), std::string(tr(L, TextId::SaveFailed)) + ": " + error.what(), true, ImGui::GetTime());
        std::fprintf(stderr, "ganarium: %s\n", error.what());
    }
}

void saveScreenshot(GuiWindow& window, GuiSession& session, const std::string& path, bool quiet) {
    int w = 0, h = 0;
    window.framebufferSize(w, h);
    const bool ok = saveFramebufferPng(path, w, h);
    const Language L = session.ui().lang;
    if (ok) {
        if (!quiet) showBanner(session.ui(), std::string(tr(L, TextId::ScreenshotSaved)) + ": " + path, false, ImGui::GetTime());
        std::printf("screenshot saved: %s (%dx%d)\n", path.c_str(), w, h);
    } else {
        showBanner(session.ui(), std::string(tr(L, TextId::SaveFailed)) + ": " + path, true, ImGui::GetTime());
        std::fprintf(stderr, "ganarium: could not write the screenshot %s\n", path.c_str());
    }
}

// "● REC 01:23 · Ganarium — TITLE" while recording (the title bar is never in the video).
void updateWindowTitle(GuiWindow& window, GuiSession& session, const std::string& base, std::string& shown) {
    std::string title = base;
    const RecordingStatus& rec = session.ui().recording;
    if (rec.active) {
        const long long s = static_cast<long long>(rec.seconds);
        char buf[48];
        std::snprintf(buf, sizeof buf, "\u25CF REC %02lld:%02lld \u00B7 ", s / 60, s % 60);
        title = buf + base;
    }
    if (title == shown) return;
    shown = title;
    glfwSetWindowTitle(window.handle(), title.c_str());
}

int runWindow(const GuiArgs& args) {
    std::string why;
    if (!displayEnvironmentPresent(why)) {
        std::fprintf(stderr, "ganarium: %s\n", noDisplayMessage(why).c_str());
        return kNoDisplayExitCode;
    }
    GuiWindowOptions window_options;
    window_options.title = "Ganarium — " + args.scene.title;
    window_options.width = args.size.width;
    window_options.height = args.size.height;
    auto window = GuiWindow::open(window_options, why);
    if (!window) {
        std::fprintf(stderr, "ganarium: %s\n", noDisplayMessage(why).c_str());
        return kNoDisplayExitCode;
    }
    const bool chinese_font = chineseFontAvailable();
    const Language lang = usableLanguage(args.lang);
    std::string window_title = window_options.title;

    const bool following = !args.follow_dir.empty();
    GuiSessionOptions options;
    options.lang = lang;
    options.start_playing = !args.paused && !following;  // a followed run trains elsewhere
    options.presenter = args.presenter;
    options.training_policy = args.training_policy;
    options.trainer.threads = args.threads;
    options.trainer.display_samples = 0;  // by run count: smaller panels get fewer dots (cheaper frames)
    options.trainer.image_metrics = !following;  // image runs: the classifier loads (or trains once) in the background;
                                                 // a followed run's curves come from its metrics.csv
    options.scene_dirs = sceneFolders();
    options.output_dir = args.record_dir;
    GuiSession session(args.scene, options);
    std::unique_ptr<DirectoryFollower> follower;  // `ganarium follow DIR`
    if (following) follower = std::make_unique<DirectoryFollower>(args.follow_dir);
    session.ui().requests.toggle_recording = args.record;
    session.ui().chinese_font = chinese_font;
    UiScaler scaler;  // fonts and theme: content scale (HiDPI), presenter mode, zoom, language
    scaler.update(*window, session, static_cast<float>(args.size.height), window->contentScale());
    GuiRecorder recorder;
    session.ui().record_realtime = args.record_pacing == RecordPacing::Realtime;  // the check box starts as --record-mode says
    // Automated screenshots: park the pointer in the window's top-left corner (on a display without a
    // mouse, such as Xvfb, it sits mid-screen) so no hover read-out lands in the picture.
    if (!args.screenshot.empty()) glfwSetCursorPos(window->handle(), 0, 0);

    ShortcutKeys keys;
    keys.f1 = GLFW_KEY_F1;
    keys.f5 = GLFW_KEY_F5;
    keys.f9 = GLFW_KEY_F9;
    keys.f12 = GLFW_KEY_F12;
    keys.ctrl_r = GLFW_KEY_R;
    FrameStats stats(static_cast<int>(std::min<long long>(args.frames > 0 ? args.frames : 4096, 1 << 20)));
    const int warmup = 10;
    const auto start = Clock::now();
    const auto frame_period = std::chrono::duration_cast<Clock::duration>(
        std::chrono::duration<double>(args.fps > 0 ? 1.0 / args.fps : 0.0));
    auto next_deadline = Clock::now();
    auto previous = Clock::now();
    double rendered_fps = 0, interval_ema_ms = 0, last_work_ms = 0;
    long long rendered = 0;
    double share_sum = 0;  // the adaptive policy's training share, summed over rendered frames (--stats)
    uint64_t drawn_version = 0;
    int quiet_ticks = 0;
    for (long long tick = 0; !window->shouldClose() && (args.frames == 0 || tick < args.frames); ++tick) {
        // Render on demand: a new snapshot, recent input, a banner on screen, or the last automated frame.
        // Otherwise the tick is skipped and the CPU stays with the trainer (the snapshot rate is ~30/s).
        const bool input = window->pollInput(0);
        quiet_ticks = input ? 0 : quiet_ticks + 1;
        const bool last = args.frames > 0 && tick + 1 == args.frames;
        const bool follow_changed =
            follower && follower->tick(session, std::chrono::duration<double>(Clock::now() - start).count());
        const uint64_t version = session.trainer().latest()->version;
        if (session.takeRecordToggleRequest()) {
            int fb_w = 0, fb_h = 0;
            window->framebufferSize(fb_w, fb_h);
            const float display_h = std::max(1.0f, ImGui::GetIO().DisplaySize.y);
            const float pixel_scale = display_h > 1.0f ? static_cast<float>(fb_h) / display_h : 1.0f;
            const int status_px = static_cast<int>(std::ceil(session.statusLineHeight() * pixel_scale));
            if (!recorder.recording())
                recorder.setPacing(session.ui().record_realtime ? RecordPacing::Realtime : RecordPacing::Lockstep);
            recorder.toggle(session, fb_w, fb_h - status_px);  // the status line (REC indicator) stays out
        }
        recorder.publishStatus(session);
        const Snapshot& shown = *session.snapshot();
        const bool chinese = session.ui().lang == Language::Chinese;
        updateWindowTitle(*window, session, "Ganarium — " + localizedText(shown.scene_title, shown.scene_title_zh, chinese),
                          window_title);
        const bool info_banner = !session.ui().banner.text.empty() && !session.ui().banner.error;  // counting down
        const bool render = input || quiet_ticks < 3 || version != drawn_version || last || info_banner || follow_changed ||
                            args.fps <= 0 || recorder.recording() || session.ui().requests.toggle_recording;
        if (render) {
            {
                int win_w = 0, win_h = 0;  // logical size: presenter text follows the window's height
                glfwGetWindowSize(window->handle(), &win_w, &win_h);
                scaler.update(*window, session, static_cast<float>(win_h > 0 ? win_h : args.size.height),
                              window->contentScale());
            }
            const auto t0 = Clock::now();
            const double interval = std::chrono::duration<double, std::milli>(t0 - previous).count();
            previous = t0;
            window->beginFrame();
            session.ui().frame.fps = rendered_fps;
            session.ui().frame.frame_ms = last_work_ms;
            session.buildFrame(ImGui::GetIO().DisplaySize, keys);
            drawn_version = session.snapshot()->version;
            const auto t_built = Clock::now();
            window->renderFrame();
            const auto t_rendered = Clock::now();
            if (session.takeScreenshotRequest()) saveRequestedScreenshot(*window, session);
            if (last && !args.screenshot.empty()) saveScreenshot(*window, session, args.screenshot, true);
            if (recorder.recording()) {
                int fb_w = 0, fb_h = 0;
                window->framebufferSize(fb_w, fb_h);
                recorder.capture(session, fb_w, fb_h, std::chrono::duration<double>(t_rendered - start).count());
            }
            window->swap();
            const auto t_swapped = Clock::now();
            session.serviceRequests();
            // Average the intervals, not their inverses: a few back-to-back frames (input bursts) would
            // otherwise dominate and show absurd rates.
            interval_ema_ms = interval_ema_ms <= 0 ? interval : 0.9 * interval_ema_ms + 0.1 * interval;
            rendered_fps = interval_ema_ms > 0 ? 1000.0 / interval_ema_ms : 0.0;
            last_work_ms = msSince(t0);
            if (!recorder.recording()) session.noteFrameWork(last_work_ms);
            share_sum += session.ui().frame.training_share;
            if (++rendered > warmup) {
                stats.addFrame(msSince(t0), interval);
                stats.addPhases(std::chrono::duration<double, std::milli>(t_built - t0).count(),
                                std::chrono::duration<double, std::milli>(t_rendered - t_built).count(),
                                std::chrono::duration<double, std::milli>(t_swapped - t_rendered).count());
            }
        }
        if (tick >= warmup && !following)  // a followed run trains elsewhere: its loads are not training
            stats.addTraining(std::chrono::duration<double>(Clock::now() - start).count(), session.trainer().iteration());
        if (args.fps > 0) {  // frame limiter (vsync does not block under Xvfb); input wakes it early
            next_deadline += frame_period;
            const auto now = Clock::now();
            if (next_deadline < now - frame_period) next_deadline = now;  // fell behind: do not try to catch up
            const double wait = std::chrono::duration<double>(next_deadline - now).count();
            if (wait > 0 && window->pollInput(wait)) quiet_ticks = -1;  // input while waiting: render next tick
        }
    }
    if (recorder.recording()) recorder.stop(session);  // finalise the clip while the GL context is alive
    if (args.stats) {
        std::printf("%s", stats.report().c_str());
        if (args.training_policy == TrainingPolicy::Adaptive && rendered > 0 && !following)
            std::printf("training share (adaptive policy): mean %.0f %% over rendered frames, %.0f %% at the end\n",
                        100.0 * share_sum / static_cast<double>(rendered), 100.0 * session.ui().frame.training_share);
    }
    return 0;
}

// The window of `ganarium [SCENE]` (follow: false) or `ganarium follow DIR` (true), errors to stderr with exit 2.
int runWindowCommand(int argc, char** argv, bool follow) {
    GuiArgs args;
    try {
        args = parseGuiArgs(argc, argv, follow);
        if (args.help) {
            std::printf("%s", kFollowUsage);
            return 0;
        }
    } catch (const UserError& error) {
        std::fprintf(stderr, "ganarium: %s\n", error.what());
        return 2;
    }
    try {
        return runWindow(args);
    } catch (const UserError& error) {
        std::fprintf(stderr, "ganarium: %s\n", error.what());
        return 2;
    }
}

}  // namespace

int runGuiCommand(int argc, char** argv) { return runWindowCommand(argc, argv, false); }

int runFollowCommand(int argc, char** argv) { return runWindowCommand(argc, argv, true); }

}  // namespace ganarium
