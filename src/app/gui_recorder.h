// gui_recorder.h — the window's record button behind the UI: starts and
// stops an InAppRecorder clip of the window above the status line, puts the
// session into lockstep while recording (K training iterations per captured
// frame, none dropped), captures each rendered frame before the swap, and
// reports the outcome (saved / failed) in the banner and the REC indicator.
#pragma once

#include <string>

#include "app/in_app_recorder.h"

namespace ganarium {

class GuiSession;

class GuiRecorder {
public:
    // Starts a clip of the top `capture_height` rows of a `fb_width`-wide framebuffer into
    // session.ui().record_dir. False (with an error banner) when it cannot start.
    bool start(GuiSession& session, int fb_width, int capture_height);
    // Ends the clip (the file is playable), leaves lockstep and shows "Video saved". Returns the path.
    std::string stop(GuiSession& session);
    // Starts when idle, stops when recording (the record button, Ctrl+R, F9).
    void toggle(GuiSession& session, int fb_width, int capture_height);
    // After the frame is rendered and before the swap: queues the frame. If the encoder failed
    // (ffmpeg died, disk full), leaves lockstep and shows lastError() in a red banner.
    void capture(GuiSession& session, int fb_width, int fb_height);
    // Copies the clip's progress into session.ui().recording (for the REC indicator).
    void publishStatus(GuiSession& session) const;

    bool recording() const { return recorder_.recording(); }
    const InAppRecorder& recorder() const { return recorder_; }

private:
    InAppRecorder recorder_;
};

}  // namespace ganarium
