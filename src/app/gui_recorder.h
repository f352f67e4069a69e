// gui_recorder.h — the window's record button behind the UI: starts and
// stops an InAppRecorder clip of the window above the status line, captures
// each rendered frame before the swap, and reports the outcome (saved /
// failed) in the banner and the REC indicator. Two pacings:
//   lockstep (default): the session trains K iterations per captured frame
//     (none dropped, the clip is reproducible, and plays faster than the
//     window did when drawing took longer than 1/30 s);
//   real time: the training thread keeps running as without recording and
//     each rendered frame fills as many video frames as the wall clock says
//     (RealtimePacer: repeated or dropped), so the clip plays at the speed
//     the class saw.
#pragma once

#include <string>

#include "app/in_app_recorder.h"
#include "app/realtime_pacer.h"

namespace ganarium {

class GuiSession;

// How the window's clip is timed.
enum class RecordPacing { Lockstep, Realtime };

// "lockstep" / "realtime" (--record-mode); false for anything else.
bool recordPacingFromName(const std::string& name, RecordPacing& pacing);

class GuiRecorder {
public:
    // The pacing of the clips started from now on (default lockstep).
    void setPacing(RecordPacing pacing) { pacing_ = pacing; }
    RecordPacing pacing() const { return pacing_; }
    // Starts a clip of the top `capture_height` rows of a `fb_width`-wide framebuffer into
    // session.ui().record_dir (sides rounded down to even). False (with an error banner) when it cannot start.
    bool start(GuiSession& session, int fb_width, int capture_height);
    // Ends the clip (the file is playable), leaves lockstep and shows "Video saved". Returns the path.
    std::string stop(GuiSession& session);
    // Starts when idle, stops when recording (the record button, Ctrl+R, F9).
    void toggle(GuiSession& session, int fb_width, int capture_height);
    // After the frame is rendered and before the swap: queues the frame (real time: as many video
    // frames as the pacer gives for `now_seconds`, a steady clock). If the encoder failed (ffmpeg died,
    // disk full), leaves lockstep and shows lastError() in a red banner.
    void capture(GuiSession& session, int fb_width, int fb_height, double now_seconds = 0);
    // Copies the clip's progress into session.ui().recording (for the REC indicator).
    void publishStatus(GuiSession& session) const;

    bool recording() const { return recorder_.recording(); }
    const InAppRecorder& recorder() const { return recorder_; }

private:
    InAppRecorder recorder_;
    RecordPacing pacing_ = RecordPacing::Lockstep;       // for the next clip
    RecordPacing clip_pacing_ = RecordPacing::Lockstep;  // of the clip being recorded
    RealtimePacer pacer_;
};

}  // namespace ganarium
