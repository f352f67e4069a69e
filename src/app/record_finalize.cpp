// record_finalize.cpp — remux / GIF palette pass, atomic rename, fallbacks.
#include "app/record_finalize.h"

#include <sys/stat.h>

#include <exception>

#include "app/output_file.h"
#include "app/record_mp4_fragments.h"
#include "app/record_process.h"

namespace ganarium {

namespace {

off_t fileSize(const std::string& path) {
    struct stat st{};
    return ::lstat(path.c_str(), &st) == 0 ? st.st_size : 0;
}

// The last lines of a captured ffmpeg output, on one line.
std::string lastLines(const std::string& text) {
    std::string out = text.size() > 400 ? text.substr(text.size() - 400) : text;
    for (char& c : out)
        if (c == '\n' || c == '\r') c = ' ';
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

// Runs stage 2 into a fresh temporary file and moves it onto `output`; "" on success, else why not.
std::string makeFinalFile(const std::string& ffmpeg, const EncodeSettings& settings, const std::string& intermediate,
                          const std::string& output, bool overwrite) {
    try {
        const std::string suffix = settings.format == VideoFormat::Mp4 ? ".mp4" : ".gif";
        TempOutputFile final_file(output, "final", suffix, {"the video", "-o"});
        int code = -1;
        const std::string said =
            runAndCapture(ffmpegFinishArguments(ffmpeg, settings, intermediate, final_file.path()), code);
        if (code != 0 || fileSize(final_file.path()) == 0)
            return "ffmpeg could not make the final file (exit " + std::to_string(code) + ")" +
                   (said.empty() ? "" : ": " + lastLines(said));
        const std::string moved = final_file.publish(output, overwrite);
        return moved.empty() ? "" : "cannot move the finished video onto '" + output + "': " + moved;
    } catch (const std::exception& e) {
        return e.what();
    }
}

// Moves the intermediate file onto `to`; on failure keeps it under its temporary name. Returns where it is.
std::string keepIntermediate(TempOutputFile& intermediate, const std::string& to, bool overwrite,
                             std::string& problem) {
    const std::string moved = intermediate.publish(to, overwrite);
    if (moved.empty()) return to;
    intermediate.keep();
    problem += (problem.empty() ? "" : "; ") + std::string("cannot move it onto '") + to + "': " + moved;
    return intermediate.path();
}

}  // namespace

FinalizeResult finalizeVideo(const std::string& ffmpeg, const EncodeSettings& settings, TempOutputFile& intermediate,
                             const std::string& output, bool overwrite, bool complete) {
    FinalizeResult result;
    if (fileSize(intermediate.path()) == 0) {
        result.problem = "ffmpeg wrote no video data";
        return result;
    }
    if (settings.format == VideoFormat::Mp4 && !complete && trimToCompleteFragments(intermediate.path()) <= 0) {
        result.problem = "not one complete second of video reached the disk";
        return result;
    }
    if (complete || settings.format == VideoFormat::Gif) {
        // A cut-off FFV1 file still decodes up to the cut: the GIF then holds the frames before it.
        result.problem = makeFinalFile(ffmpeg, settings, intermediate.path(), output, overwrite);
        if (result.problem.empty()) {
            result.outcome = complete ? VideoOutcome::Complete : VideoOutcome::Partial;
            result.path = output;
            return result;
        }
    }
    if (settings.format == VideoFormat::Mp4) {
        // The fragmented MP4 plays as it is: it becomes the output.
        result.path = keepIntermediate(intermediate, output, overwrite, result.problem);
        result.outcome = VideoOutcome::Partial;
    } else {
        result.path = keepIntermediate(intermediate, output + ".partial.mkv", false, result.problem);
        result.outcome = VideoOutcome::Intermediate;
    }
    return result;
}

std::string describeOutcome(const FinalizeResult& result, const std::string& output) {
    switch (result.outcome) {
        case VideoOutcome::Complete:
            return output + " is complete.";
        case VideoOutcome::Partial:
            if (result.path != output)
                return "The frames recorded are kept in " + result.path + " (playable); rename it to " + output + ".";
            if (videoFormatForPath(output) == VideoFormat::Gif)
                return output + " holds the frames recorded before the fault (playable).";
            return output +
                   " holds the frames recorded before the fault, as a fragmented MP4: it plays in browsers and "
                   "players (to move its index to the front for slide software: ffmpeg -i " +
                   output + " -c copy -movflags +faststart fixed.mp4).";
        case VideoOutcome::Intermediate:
            return "The GIF could not be made; the frames are kept losslessly in " + result.path +
                   " (FFV1 video, plays in mpv or VLC). Make the GIF later with: ffmpeg -i " + result.path +
                   " -filter_complex \"[0:v]split[a][b];[a]palettegen[p];[b][p]paletteuse\" " + output;
        case VideoOutcome::Lost:
            break;
    }
    return "No playable video was written" + (result.problem.empty() ? std::string(".") : " (" + result.problem + ").");
}

}  // namespace ganarium
