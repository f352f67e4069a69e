// record_finalize.h — stage 2 of a recording (see record_ffmpeg.h): once
// ffmpeg has closed the intermediate file, make the final video from it and
// move it into place with one rename, or, after a fault, keep what is
// playable and say where it is. Never leaves a half-written file under the
// final name and never replaces an existing file without --force.
#pragma once

#include <string>

#include "app/record_ffmpeg.h"

namespace ganarium {

class TempOutputFile;

// Where a recording's frames ended up.
enum class VideoOutcome {
    Complete,      // the whole video is at the output path, in its final form
    Partial,       // the output path holds a playable video of the frames before a fault
    Intermediate,  // (GIF) the GIF could not be made: the frames are kept in `path` (FFV1 .mkv)
    Lost,          // nothing playable was written; no file is left behind
};

struct FinalizeResult {
    VideoOutcome outcome = VideoOutcome::Lost;
    std::string path;     // where the frames are ("" when Lost)
    std::string problem;  // why stage 2 or the rename failed ("" when it did not)
};

// Finishes `intermediate` (closed by ffmpeg; `complete` = stage 1 ended cleanly) into `output`.
FinalizeResult finalizeVideo(const std::string& ffmpeg, const EncodeSettings& settings,
                             TempOutputFile& intermediate, const std::string& output, bool overwrite,
                             bool complete);

// One line for the user: where the frames are and whether the file plays.
std::string describeOutcome(const FinalizeResult& result, const std::string& output);

}  // namespace ganarium
