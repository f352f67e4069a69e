// gui_recorder.cpp — record button backend: InAppRecorder + lockstep session.
#include "app/gui_recorder.h"

#include <cstdio>

#include <imgui.h>

#include "app/gui_session.h"
#include "core/errors.h"

namespace ganarium {

bool recordPacingFromName(const std::string& name, RecordPacing& pacing) {
    if (name == "lockstep") pacing = RecordPacing::Lockstep;
    else if (name == "realtime") pacing = RecordPacing::Realtime;
    else return false;
    return true;
}

bool GuiRecorder::start(GuiSession& session, int fb_width, int capture_height) {
    UiState& ui = session.ui();
    try {
        const double fps = 30;
        const std::string path = recorder_.start(ui.record_dir, fb_width, capture_height, fps);
        clip_pacing_ = pacing_;
        if (clip_pacing_ == RecordPacing::Realtime) {
            pacer_ = RealtimePacer(fps);  // the training thread keeps running: no lockstep
            std::printf("recording: %s (%dx%d, %g fps, real time: frames repeated or dropped to follow the clock)\n",
                        path.c_str(), recorder_.width(), recorder_.height(), fps);
        } else {
            session.setLockstep(true);  // before the first capture: every frame of the clip is a lockstep frame
            std::printf("recording: %s (%dx%d, %g fps, %d iterations per frame)\n", path.c_str(), recorder_.width(),
                        recorder_.height(), fps, session.lockstepStepsPerFrame());
        }
        std::fflush(stdout);
        return true;
    } catch (const UserError& error) {
        showBanner(ui, std::string(tr(ui.lang, TextId::RecordFailed)) + ": " + error.what(), true, ImGui::GetTime());
        std::fprintf(stderr, "ganarium: %s\n", error.what());
        return false;
    }
}

std::string GuiRecorder::stop(GuiSession& session) {
    const bool was_recording = recorder_.recording();
    const int64_t frames = recorder_.frames();
    const std::string path = recorder_.stop();
    session.setLockstep(false);
    UiState& ui = session.ui();
    if (!recorder_.lastError().empty()) {
        showBanner(ui, std::string(tr(ui.lang, TextId::RecordingStopped)) + ": " + recorder_.lastError(), true,
                   ImGui::GetTime());
        std::fprintf(stderr, "ganarium: recording stopped: %s\n", recorder_.lastError().c_str());
    } else if (was_recording) {
        showBanner(ui, std::string(tr(ui.lang, TextId::VideoSaved)) + ": " + path, false, ImGui::GetTime());
        if (clip_pacing_ == RecordPacing::Realtime)
            std::printf("video saved: %s (%lld frames, real time: %.2f s of video for %.2f s on screen)\n",
                        path.c_str(), static_cast<long long>(frames), static_cast<double>(frames) / pacer_.fps(),
                        pacer_.wallSeconds());
        else
            std::printf("video saved: %s (%lld frames)\n", path.c_str(), static_cast<long long>(frames));
        std::fflush(stdout);
    }
    return path;
}

void GuiRecorder::toggle(GuiSession& session, int fb_width, int capture_height) {
    if (recorder_.recording())
        stop(session);
    else
        start(session, fb_width, capture_height);
}

void GuiRecorder::capture(GuiSession& session, int fb_width, int fb_height, double now_seconds) {
    if (!recorder_.recording()) return;
    const int copies = clip_pacing_ == RecordPacing::Realtime ? pacer_.framesFor(now_seconds) : 1;
    recorder_.captureFramebuffer(fb_width, fb_height, 0, 0, copies);
    if (!recorder_.recording()) stop(session);  // the encoder failed: stop() shows lastError()
}

void GuiRecorder::publishStatus(GuiSession& session) const {
    RecordingStatus& status = session.ui().recording;
    status.active = recorder_.recording();
    status.seconds = recorder_.elapsedSeconds();
    status.frames = static_cast<long long>(recorder_.frames());
    status.width = recorder_.width();
    status.height = recorder_.height();
}

}  // namespace ganarium
