// record_command.cpp — `ganarium record`: checks everything that can be
// checked before work (options, ffmpeg, output path, PNG folder, scene),
// runs the lockstep recording and reports what was written and where the
// frames are after a fault. Exit codes: 0 done, 1 the recording failed
// part-way, 2 bad input, 130 Ctrl-C, 143 SIGTERM (also when a fault came
// with the stop request).
#include <signal.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

#include "app/cli_scene_argument.h"
#include "app/commands.h"
#include "app/output_file.h"
#include "app/record_ffmpeg.h"
#include "app/record_options.h"
#include "app/record_readability.h"
#include "app/record_session.h"
#include "app/record_signals.h"
#include "app/terminal_progress.h"
#include "core/errors.h"
#include "core/lesson.h"
#include "ui/scene_frame.h"

namespace ganarium {

namespace {

// Creates the PNG folder if needed (its parent must exist) and checks that it is writable and, unless
// `overwrite`, holds no frame_00000.png yet (every frame is also opened exclusively when written).
void preparePngDirectory(const std::string& dir, bool overwrite) {
    struct stat st{};
    if (::stat(dir.c_str(), &st) != 0) {
        if (::mkdir(dir.c_str(), 0755) != 0)
            throw UserError("cannot create the PNG folder '" + dir + "': " + std::strerror(errno) +
                            " (create its parent folder first, or choose another --png-dir)");
    } else if (!S_ISDIR(st.st_mode)) {
        throw UserError("--png-dir '" + dir + "' is a file, not a folder");
    }
    requireOutputPath(dir + "/frame_00000.png", overwrite, {"the PNG frame", "--png-dir"});
}

std::string describeLength(int64_t frames, double fps) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%lld frames (%.1f s at %g fps)", static_cast<long long>(frames),
                  static_cast<double>(frames) / fps, fps);
    return buf;
}

int record(const RecordOptions& options, StopSignalGuard& stop) {
    // 1. Everything that can fail cheaply fails now, before any training or file.
    std::string ffmpeg;
    if (!options.output.empty()) {
        const VideoFormat format = videoFormatForPath(options.output);
        ffmpeg = requireFfmpeg(format);
        requireWritableOutput(options.output, options.force);
    }
    if (!options.png_dir.empty()) preparePngDirectory(options.png_dir, options.force);
    SceneSpec scene = loadSceneArgument(options.scene);
    if (options.seed) scene.seed = *options.seed;
    if (options.lesson && !scene.lesson)
        throw UserError(options.scene + " has no lesson: --lesson records the [[lesson.step]] tables of a lesson scene "
                        "(the ones in scenes/lessons/, or see docs/teaching.md to write one)");
    const int64_t frames = resolveFrameCount(options, scene);
    int cols = 0, rows = 0;
    if (!gridForLayout(options.layout, static_cast<int>(scene.runs.size()), 1.0f, 1.0f, cols, rows))
        throw UserError("--layout " + options.layout + " has room for fewer panels than the scene's " +
                        std::to_string(scene.runs.size()) + " runs; use `auto` or a bigger grid");
    if (options.layout == "auto") {
        const std::string problem = recordReadabilityProblem(scene, options.width, options.height, options.curves);
        if (!problem.empty()) throw UserError(problem);
    }

    std::cerr << "Scene:   " << scene.title << "  ("
              << (isDefaultSceneArgument(options.scene) ? "built-in default" : options.scene) << ")\n"
              << "Output:  " << (options.output.empty() ? "" : options.output)
              << (options.png_dir.empty() ? "" : (options.output.empty() ? "" : " + ") + options.png_dir + "/frame_*.png")
              << "   " << options.width << "x" << options.height << '\n'
              << "Length:  "
              << (options.lesson ? "the lesson's " + std::to_string(scene.lesson->steps.size()) + " steps, at most " +
                                       describeLength(frames, options.fps) + ", " +
                                       std::to_string(options.steps_per_frame) + " training step(s) per frame while a step plays"
                                 : describeLength(frames, options.fps) + ", " + std::to_string(options.steps_per_frame) +
                                       " training step(s) per frame = " +
                                       std::to_string(frames * options.steps_per_frame) + " steps")
              << ", seed " << scene.seed << '\n';

    // 2. The recording.
    const RecordResult r = recordScene(scene, options, ffmpeg, stop);
    const double rate = r.seconds > 0 ? static_cast<double>(r.frames_rendered) / r.seconds : 0.0;
    std::cerr << "Render:  " << r.context << '\n';
    if (options.stats && r.frames_rendered > 0) {
        const double n = static_cast<double>(r.frames_rendered) / 1000.0;  // -> milliseconds per frame
        char line[256];
        std::snprintf(line, sizeof line,
                      "Stats:   per frame: train %.1f ms + snapshot %.1f ms (worker thread; waited %.1f ms), draw %.1f ms, "
                      "readback %.1f ms, output %.1f ms; total %.1f ms\n",
                      r.train_s / n, r.snapshot_s / n, r.wait_s / n, r.draw_s / n, r.readback_s / n, r.output_s / n,
                      r.seconds / n);
        std::cerr << line;
    }
    char speed[96];
    std::snprintf(speed, sizeof speed, "%.1f frames/s", rate);

    // 3. The report.
    const int64_t written = options.output.empty() ? r.frames_rendered : r.frames_encoded;
    if (!r.error.empty()) {
        std::cerr << "ganarium record: " << r.error << '\n';
        if (!options.output.empty()) {
            if (r.video_ok)
                std::cerr << "The first " << written << " frames are in " << options.output << " (playable).\n";
            else
                std::cerr << describeOutcome(r.video, options.output) << '\n';
        }
        if (r.stop_signal != 0) std::cerr << "Interrupted after " << written << " frames.\n";
        return r.stop_signal != 0 ? exitCodeForStopSignal(r.stop_signal) : 1;
    }
    if (r.stop_signal != 0) {
        std::cerr << "Interrupted after " << written << " of " << r.frames_requested << " frames (step "
                  << r.last_step << ").";
        if (!options.output.empty()) std::cerr << " " << options.output << " holds them and is playable.";
        std::cerr << '\n';
        return exitCodeForStopSignal(r.stop_signal);
    }
    std::cerr << "Done:    " << describeLength(written, options.fps) << " up to step " << r.last_step << " in "
              << formatDuration(r.seconds) << " (" << speed << ")";
    if (!options.output.empty()) std::cerr << " -> " << options.output;
    if (!options.png_dir.empty()) std::cerr << " + " << r.frames_rendered << " PNGs in " << options.png_dir;
    std::cerr << '\n';
    return 0;
}

}  // namespace

int runRecordCommand(int argc, char** argv) {
    StopSignalGuard stop;  // first: every thread started from here on inherits the blocked signals
    try {
        const RecordOptions options = parseRecordOptions(argc, argv, 2);
        if (options.help) {
            printRecordUsage(std::cout);
            return 0;
        }
        return record(options, stop);
    } catch (const SceneError& e) {
        std::cerr << e.what() << '\n';
        return 2;
    } catch (const UserError& e) {
        std::cerr << "ganarium record: " << e.what() << '\n';
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "ganarium record: unexpected error: " << e.what() << '\n';
        return 1;
    }
}

}  // namespace ganarium
