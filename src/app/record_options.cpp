// record_options.cpp — command-line parsing and validation for `ganarium record`.
#include "app/record_options.h"

#include <algorithm>
#include <cmath>
#include <ostream>
#include <vector>

#include "app/cli_args.h"
#include "app/cli_size.h"
#include "core/errors.h"
#include "core/lesson.h"
#include "ui/i18n.h"
#include "ui/scene_frame.h"

namespace ganarium {

void printRecordUsage(std::ostream& out) {
    out << "usage: ganarium record SCENE -o OUT.mp4|OUT.gif [--frames N | --seconds S] [--fps F] [--size WxH]\n"
           "                       [--steps-per-frame K] [--layout auto|CxR] [--lang en|zh] [--caption TEXT]\n"
           "                       [--png-dir DIR] [--seed S] [--no-curves] [--no-image-metrics] [--stats] [--force]\n"
           "                       [--ffmpeg-timeout S] [--lesson]\n"
           "Renders SCENE offscreen, exactly as the window's presentation mode shows it, into a video.\n"
           "Lockstep: K training iterations per frame, so video time is training time and the same\n"
           "scene and seed always give the same frames.\n"
           "  SCENE                a .toml scene file, or `default` for the built-in scene\n"
           "  -o, --output FILE    .mp4 (H.264, plays everywhere) or .gif (for slides)\n"
           "  --frames N           number of frames (default: the scene's `steps` / K)\n"
           "  --seconds S          video length in seconds instead of --frames\n"
           "  --fps F              frames per second of the video (default 30)\n"
           "  --size WxH           frame size in pixels, even numbers (default 1280x720)\n"
           "  --steps-per-frame K  training iterations between two frames (default 1)\n"
           "  --layout L           run grid: auto, or COLUMNSxROWS such as 2x1, 3x1, 2x2, 3x2 (default auto)\n"
           "  --lang en|zh         language of titles, legend and labels (default en)\n"
           "  --caption TEXT       the line under the title (default: the scene's caption)\n"
           "  --png-dir DIR        also (or only, without -o) write DIR/frame_00000.png, ...\n"
           "  --seed S             replace the scene's seed\n"
           "  --no-curves          only the run panels: no curves/weights strip (small GIFs)\n"
           "  --no-image-metrics   image runs: no class bars or classifier metrics (otherwise they come from the\n"
           "                       classifier cached by `ganarium classifier`; none is trained here)\n"
           "  --stats              print the time per frame spent training, drawing, reading back, encoding\n"
           "  --force              replace an existing output file or PNG frames (a symbolic link is never followed)\n"
           "  --ffmpeg-timeout S   give up when ffmpeg takes no frame data for S seconds (default 30)\n"
           "  --lesson             record the scene's lesson ([[lesson.step]]s) from its first step to its last,\n"
           "                       each step's caption burned in and given the time its advance rule needs\n"
           "                       (default length: the whole lesson; --frames / --seconds cut it short)\n"
           "Ctrl-C or SIGTERM stops between two training steps and still leaves a playable video\n"
           "(exit code 130 / 143). A fault part-way (disk full, ffmpeg killed) keeps the frames so far.\n";
}

RecordOptions parseRecordOptions(int argc, char** argv, int first) {
    std::vector<std::string> storage;
    for (int i = 0; i < argc; ++i) storage.push_back(std::string(argv[i]) == "-o" ? "--output" : argv[i]);
    std::vector<char*> args;
    for (auto& s : storage) args.push_back(s.data());
    const CliArgs cli(argc, args.data(), first,
                      {"output", "frames", "seconds", "fps", "size", "steps-per-frame", "layout", "lang", "caption",
                       "png-dir", "seed", "ffmpeg-timeout"},
                      {"help", "stats", "no-curves", "no-image-metrics", "force", "lesson"});
    RecordOptions o;
    if (cli.has("help")) {
        o.help = true;
        return o;
    }
    o.stats = cli.has("stats");
    o.curves = !cli.has("no-curves");
    o.image_metrics = !cli.has("no-image-metrics");
    o.force = cli.has("force");
    o.lesson = cli.has("lesson");
    o.ffmpeg_timeout = cli.number("ffmpeg-timeout", 30, 0.1, 86400);
    if (cli.positional().size() > 1)
        throw UserError("record takes one scene, got " + std::to_string(cli.positional().size()) +
                        " arguments (did you forget -o before the output file?)");
    o.scene = cli.positional().empty() ? "" : cli.positional()[0];
    o.output = cli.value("output").value_or("");
    o.png_dir = cli.value("png-dir").value_or("");
    if (o.output.empty() && o.png_dir.empty())
        throw UserError("record needs an output: -o OUT.mp4 (or OUT.gif), and/or --png-dir DIR");
    if (cli.has("frames") && cli.has("seconds"))
        throw UserError("give either --frames or --seconds, not both");
    o.fps = cli.number("fps", 30, 1, 240);
    if (cli.has("frames")) o.frames = cli.integer("frames", 0, 1, 10000000);
    if (cli.has("seconds")) o.seconds = cli.number("seconds", 0, 0.01, 36000);
    if (auto size = cli.value("size")) {
        const PixelSize frame = parseSizeOption(*size, true);
        o.width = frame.width;
        o.height = frame.height;
    }
    o.steps_per_frame = static_cast<int>(cli.integer("steps-per-frame", 1, 1, 1000000));
    o.layout = cli.value("layout").value_or("auto");
    int cols = 0, rows = 0;
    if (o.layout != "auto" && !gridForLayout(o.layout, 1, 1.0f, 1.0f, cols, rows))
        throw UserError("--layout must be `auto` or COLUMNSxROWS such as 2x1, 3x1, 2x2 or 3x2 (got '" + o.layout +
                        "')");
    Language language = Language::English;
    const std::string lang = cli.value("lang").value_or("en");
    if (!languageFromCode(lang, language)) throw UserError("--lang must be `en` or `zh` (got '" + lang + "')");
    o.lang = languageCode(language);
    if (auto caption = cli.value("caption")) o.caption = *caption;
    if (o.lesson && o.caption)
        throw UserError("--caption and --lesson do not go together: a lesson shows each step's own caption");
    if (cli.has("seed")) o.seed = static_cast<uint64_t>(cli.integer("seed", 0, 0, 1LL << 62));
    return o;
}

int64_t resolveFrameCount(const RecordOptions& options, const SceneSpec& scene) {
    if (options.frames) return *options.frames;
    if (options.seconds) return std::max<int64_t>(1, std::llround(*options.seconds * options.fps));
    if (options.lesson && scene.lesson) return lessonFrameBudget(*scene.lesson, options.fps);  // it ends with its last step
    const int64_t k = std::max(1, options.steps_per_frame);
    return std::max<int64_t>(1, (scene.steps + k - 1) / k);
}

}  // namespace ganarium
