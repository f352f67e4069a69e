// record_session.cpp — the lockstep loop: advance K, snapshot, draw, read back, encode.
#include "app/record_session.h"

#include <glad/gl.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <memory>
#include <vector>

#include "app/classifier_wait.h"
#include "app/headless_context.h"
#include "app/lockstep_driver.h"
#include "app/offscreen_frame.h"
#include "app/output_file.h"
#include "app/png_file.h"
#include "app/record_imgui.h"
#include "app/record_lesson.h"
#include "app/record_signals.h"
#include "app/terminal_progress.h"
#include "app/video_encoder.h"
#include "core/errors.h"
#include "train/trainer.h"
#include "ui/fonts.h"
#include "ui/i18n.h"
#include "ui/scene_frame.h"

namespace ganarium {

namespace {

// "DIR/frame_00042.png"
std::string pngPath(const std::string& dir, int64_t index) {
    char name[32];
    std::snprintf(name, sizeof name, "frame_%05lld.png", static_cast<long long>(index));
    return dir + "/" + name;
}

// Where finished pixels go: the encoder's next buffer and/or a PNG file.
class FrameSink {
public:
    FrameSink(VideoEncoder* encoder, std::string png_dir, bool overwrite, int width, int height)
        : encoder_(encoder), png_dir_(std::move(png_dir)), overwrite_(overwrite), width_(width), height_(height) {}

    // A top-down RGBA buffer for the next frame.
    uint8_t* begin() {
        current_ = encoder_ ? &encoder_->beginFrame() : &own_;
        if (current_->size() != static_cast<size_t>(width_) * height_ * 4)
            current_->assign(static_cast<size_t>(width_) * height_ * 4, 0);
        return current_->data();
    }
    // Delivers the buffer from begin(); false when an output failed (see pngError() / the encoder).
    bool commit(int64_t index) {
        bool ok = true;
        if (!png_dir_.empty()) {
            for (size_t i = 3; i < current_->size(); i += 4) (*current_)[i] = 255;  // opaque stills
            png_error_ = writePngFile(pngPath(png_dir_, index), overwrite_, width_, height_, *current_);
            if (!png_error_.empty()) ok = false;
        }
        if (encoder_ && !encoder_->submitFrame()) ok = false;
        return ok;
    }
    // Why a PNG could not be written ("" when all were).
    const std::string& pngError() const { return png_error_; }

private:
    VideoEncoder* encoder_;
    std::string png_dir_;
    bool overwrite_;
    int width_, height_;
    std::vector<uint8_t> own_;
    std::vector<uint8_t>* current_ = nullptr;
    std::string png_error_;
};

}  // namespace

float recordFontPixels(int height) { return std::clamp(20.0f * static_cast<float>(height) / 720.0f, 11.0f, 60.0f); }

RecordResult recordScene(const SceneSpec& scene, const RecordOptions& options, const std::string& ffmpeg,
                         StopSignalGuard& stop) {
    RecordResult result;
    result.frames_requested = resolveFrameCount(options, scene);
    const int w = options.width, h = options.height;

    auto context = HeadlessContext::create();
    result.context = context->backendName() + ": " + context->rendererDescription();
    // Two targets used in turn; frame i is flushed, then read back only after
    // the wait for frame i+1's training, so the software rasteriser finishes
    // frame i meanwhile instead of stalling the loop.
    OffscreenFrame targets[2] = {OffscreenFrame(w, h), OffscreenFrame(w, h)};
    int current = 0, unread = -1;
    FrameReadback readback(w, h);
    Language lang = Language::English;
    languageFromCode(options.lang, lang);
    lang = usableLanguage(lang);  // no CJK font: says which package to install, records in English
    OffscreenImGui gui(w, h, options.fps, languageCode(lang), recordFontPixels(h),
                       sceneGlyphText(scene) + "\n" + options.caption.value_or(""));

    SceneFrame frame;
    frame.applySceneDisplay(scene);    // the scene's layers (show / hide) and curves tab
    frame.camera().fixed_axes = true;  // stable framing: the axes never jump during a video
    SceneFrameOptions frame_options;
    frame_options.layout = options.layout;
    frame_options.presentation = true;
    frame_options.caption = options.caption.value_or("");
    frame_options.font_scale = 1.0f;
    frame_options.show_plots = options.curves;
    if (!options.curves) frame_options.show_weights = 0;
    frame_options.lang = lang;

    TrainerOptions trainer_options;
    trainer_options.snapshots_in_train = false;
    trainer_options.display_samples = 0;  // as the window: by run count
    // Image runs: the class bars and image metrics when a classifier is cached (deterministic: the recording waits
    // for it before step 0); a recording never trains one.
    trainer_options.image_metrics = options.image_metrics;
    trainer_options.classifier.cached_only = true;
    auto classifier_wait = std::make_shared<ClassifierWait>();
    trainer_options.wait_for_image_metrics = [classifier_wait](const ClassifierStatus& status) { (*classifier_wait)(status); };
    Trainer trainer(scene, trainer_options);
    classifier_wait->finish();

    std::unique_ptr<VideoEncoder> encoder;
    if (!options.output.empty()) {
        EncodeSettings settings;
        settings.width = w;
        settings.height = h;
        settings.fps = options.fps;
        settings.format = videoFormatForPath(options.output);
        EncoderControls controls;
        controls.overwrite = options.force;
        controls.stall_seconds = options.ffmpeg_timeout;
        controls.stop = &stop.flag();
        encoder = std::make_unique<VideoEncoder>(ffmpeg, settings, options.output, 3, controls);
    }
    FrameSink sink(encoder.get(), options.png_dir, options.force, w, h);

    ProgressOptions progress_options;
    progress_options.unit = "frames";
    TerminalProgress progress(std::cerr, "record", result.frames_requested, progress_options);
    const auto start = std::chrono::steady_clock::now();
    int64_t delivered = 0;
    bool failed = false;
    // Takes the oldest pending readback into the sink.
    using Clock = std::chrono::steady_clock;
    auto since = [](Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); };
    auto deliverOldest = [&]() {
        auto t = Clock::now();
        uint8_t* pixels = sink.begin();  // waits while ffmpeg is behind
        result.output_s += since(t);
        t = Clock::now();
        readback.takeOldest(pixels);
        result.readback_s += since(t);
        t = Clock::now();
        if (!sink.commit(delivered)) failed = true;
        result.output_s += since(t);
        ++delivered;
    };

    // Starts the readback of a drawn target; delivers the previous frame when two are pending.
    auto readTarget = [&](int index) {
        auto t = Clock::now();
        glBindFramebuffer(GL_READ_FRAMEBUFFER, targets[index].framebuffer());
        readback.startRead();
        result.readback_s += since(t);
        if (readback.pending() == 2) deliverOldest();
    };

    // Training runs one frame ahead on the driver's thread: while frame i is drawn,
    // read back and encoded, the trainer already advances to frame i+1. The
    // sequence of training steps and snapshots is the same as without overlap.
    LockstepDriver driver(&stop.flag());  // a stop request ends training between two steps
    const int k = options.steps_per_frame;
    // --lesson: the lesson enters its steps between frames, while the trainer is idle.
    std::unique_ptr<LessonRecording> lesson;
    if (options.lesson && scene.lesson) {
        // A lesson's own grid (`layout`), unless --layout asks for another.
        if (options.layout == "auto") frame_options.layout = scene.display.layout;
        lesson = std::make_unique<LessonRecording>(scene, options.fps, std::cerr);
        lesson->begin(trainer, &stop.flag());
    }
    auto stepsNext = [&]() { return lesson ? lesson->stepsForNextFrame(k) : k; };
    if (result.frames_requested > 0 && !stop.stopRequested()) driver.start(trainer, stepsNext());
    for (int64_t i = 0; i < result.frames_requested && !failed && driver.busy(); ++i) {
        auto t = Clock::now();
        const LockstepFrame trained = driver.wait();
        result.wait_s += since(t);
        if (stop.stopRequested()) break;  // this frame's training may be cut short: not drawn
        if (!trained.error.empty()) {  // last resort (runs catch their own errors): frames so far are kept
            result.error = "training failed: " + trained.error;
            break;
        }
        result.train_s += trained.train_s;
        result.snapshot_s += trained.snapshot_s;
        const SnapshotPtr& snapshot = trained.snapshot;
        for (const RunSnapshot& run : snapshot->runs) result.last_step = std::max(result.last_step, run.step);
        bool more = true;
        if (lesson) {  // this frame shows the step it was trained in; then the lesson may move on
            lesson->decorate(frame_options, frame);
            more = lesson->afterFrame(*snapshot, trainer, &stop.flag());
        }
        if (more && i + 1 < result.frames_requested && !stop.stopRequested()) driver.start(trainer, stepsNext());
        // The previous frame was rasterised while we waited for training: read it now.
        if (unread >= 0) readTarget(unread);
        unread = -1;

        t = Clock::now();
        gui.beginFrame();
        frame.draw(*snapshot, frame_options, ImVec2(0, 0), ImVec2(static_cast<float>(w), static_cast<float>(h)));
        result.draw_s += since(t);
        t = Clock::now();
        targets[current].bind();
        glDisable(GL_SCISSOR_TEST);
        glClearColor(0.086f, 0.098f, 0.118f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
        gui.renderFrame();
        glFlush();
        result.draw_s += since(t);
        unread = current;
        current = 1 - current;
        ++result.frames_rendered;
        progress.update(delivered, "step " + std::to_string(result.last_step));
        if (!more) break;  // the lesson's last step has had its time
    }
    driver.wait();  // stopped early: the frame in training ends at the next step (never drawn)
    if (unread >= 0 && !failed) readTarget(unread);
    while (readback.pending() > 0 && !failed) deliverOldest();
    std::vector<uint8_t> discard(static_cast<size_t>(w) * h * 4);
    while (readback.pending() > 0) readback.takeOldest(discard.data());  // after a failure: drop the rest
    OffscreenFrame::unbind();
    progress.update(delivered, "step " + std::to_string(result.last_step));
    result.stop_signal = stop.stopSignal();
    progress.finish(result.stop_signal ? "(interrupted)" : (failed || !result.error.empty() ? "(failed)" : ""));

    if (!sink.pngError().empty()) result.error += (result.error.empty() ? "" : "\n") + sink.pngError();
    if (encoder) {
        result.video_ok = encoder->finish();
        result.video = encoder->outcome();
        result.frames_encoded = encoder->framesWritten();
        // The encoder's final message holds the first failure and ffmpeg's own words.
        if (!result.video_ok) result.error += (result.error.empty() ? "" : "\n") + encoder->error();
    }
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

}  // namespace ganarium
