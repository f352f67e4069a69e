// cli_version.cpp — `ganarium --version` (version, LibTorch, BLAS in use,
// threads) and `ganarium --help` (every subcommand and option).
#include <iostream>
#include <thread>

#include "app/commands.h"
#include "core/scene_parser.h"
#include "train/trainer.h"

#ifndef GANARIUM_VERSION
#define GANARIUM_VERSION "0.1.0"
#endif

namespace ganarium {

int runVersionCommand() {
    try {
        std::cout << "ganarium " << GANARIUM_VERSION << '\n';
        std::cout << "LibTorch " << torchVersion() << '\n';
        const BlasInfo blas = detectBlas();
        std::cout << "BLAS     " << blas.name << "  " << (blas.library.empty() ? "(library unknown)" : blas.library)
                  << '\n';
        const unsigned cores = std::thread::hardware_concurrency();
        std::cout << "threads  " << cores << " hardware thread" << (cores == 1 ? "" : "s")
                  << "; the default scene trains on " << defaultScene().threads << '\n';
        if (blas.reference) {
            std::cerr << "WARNING: the reference BLAS is active: training runs about 15x slower.\n"
                         "         Fix: sudo apt-get install libopenblas0-openmp\n"
                         "         or:  sudo update-alternatives --config libblas.so.3-x86_64-linux-gnu\n";
        }
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "ganarium --version: " << e.what() << '\n';
        return 1;
    }
}

int runHelpCommand() {
    std::cout <<
        "ganarium " GANARIUM_VERSION " — a real-time lab for watching GANs learn\n"
        "\n"
        "usage:\n"
        "  ganarium [SCENE] [--frames N] [--screenshot FILE] [--stats] [--lang en|zh] [--fps F] [--paused]\n"
        "           [--presenter] [--threads T] [--record] [--record-dir DIR] [--record-mode M] [--size WxH]\n"
        "           [--training-policy adaptive|idle]\n"
        "      Opens the window on SCENE (a .toml file; the built-in default scene when omitted).\n"
        "      --frames N         quit after N frames (smoke tests)\n"
        "      --screenshot FILE  save the last frame as a PNG, then quit\n"
        "      --stats            print frame-time and training-speed statistics on exit\n"
        "      --lang en|zh       interface language (default en)\n"
        "      --fps F            frame-rate cap (default 60; 0 = uncapped)\n"
        "      --paused           open with training paused\n"
        "      --presenter        presenter mode: text scaled to the window height, high contrast, advanced\n"
        "                         controls hidden, scene caption shown (F5 toggles; alias --presentation)\n"
        "      --threads T        trainer threads (default: the scene's `threads`)\n"
        "      --record           start recording at the first frame (Ctrl+R / F9 toggles)\n"
        "      --record-dir DIR   folder for in-app videos and F12 screenshots (default .; created if missing)\n"
        "      --record-mode M    lockstep: K training steps per video frame (default; reproducible, plays\n"
        "                         faster than the window did); realtime: training runs as on screen and the\n"
        "                         clip plays at the speed the class saw (frames repeated or dropped)\n"
        "      --size WxH         window size in pixels, sides 64 to 4096 (default 1280x720)\n"
        "      --training-policy P  adaptive: training at normal priority, resting while frames run over\n"
        "                         budget (default); idle: training only on cycles nothing else wants\n"
        "\n"
        "  ganarium train [SCENE|default] [--steps N] [--seed S] [--threads T] [--every M]\n"
        "                 [--metrics FILE.json|FILE.csv] [--force] [--no-image-metrics]\n"
        "      Trains headlessly with a progress bar, then prints a table of the final metrics.\n"
        "      --steps N          iterations per run (default: the scene's `steps`)\n"
        "      --seed S           random seed (default: the scene's `seed`)\n"
        "      --threads T        trainer threads, runs spread across them (default: the scene's `threads`)\n"
        "      --every M          metrics cadence in iterations (default: the scene's `metrics_every`)\n"
        "      --metrics FILE     write every metric evaluation as JSON (.json) or CSV (.csv)\n"
        "      --force            replace an existing metrics file (never a symbolic link)\n"
        "      --no-image-metrics image runs: skip the classifier metrics (no classifier load or training)\n"
        "\n"
        "  ganarium record SCENE -o OUT.mp4|OUT.gif [--frames N | --seconds S] [--fps F] [--size WxH]\n"
        "                  [--steps-per-frame K] [--layout auto|CxR] [--lang en|zh] [--png-dir DIR]\n"
        "                  [--caption TEXT] [--seed S] [--force] [--ffmpeg-timeout S]\n"
        "      Renders SCENE offscreen into a deterministic video (K training iterations per frame).\n"
        "      -o, --output FILE  .mp4 (H.264) or .gif\n"
        "      --frames N         number of frames (default: the scene's `steps` / K)\n"
        "      --seconds S        video length in seconds instead of --frames\n"
        "      --fps F            frames per second (default 30)\n"
        "      --size WxH         frame size, even numbers (default 1280x720)\n"
        "      --steps-per-frame K  training iterations between two frames (default 1)\n"
        "      --layout L         run grid: auto, or COLUMNSxROWS such as 2x1, 2x2, 3x2\n"
        "      --lang en|zh       language of titles and labels (default en)\n"
        "      --png-dir DIR      also (or only, without -o) write DIR/frame_00000.png, ...\n"
        "      --force            replace an existing output / PNG frames (never through a symbolic link)\n"
        "      --ffmpeg-timeout S give up when ffmpeg takes no frames for S seconds (default 30)\n"
        "      --caption TEXT     the line under the title    --seed S  replace the scene's seed\n"
        "\n"
        "  ganarium check SCENE...\n"
        "      Validates scene files; prints `OK  path  (N runs, family)` or the problem.\n"
        "\n"
        "  ganarium classifier [--retrain] [--cache-dir DIR] [--reference] [--threads T]\n"
        "      Loads (or trains and caches) the Fashion-MNIST classifier of the image metrics; prints its\n"
        "      test accuracy, and with --reference the metrics of the reference rows (docs/metrics.md).\n"
        "\n"
        "  ganarium follow DIR [--frames N] [--screenshot FILE] [--lang en|zh] [--fps F] [--presenter] [--size WxH]\n"
        "                  [--record] [--record-dir DIR] [--record-mode M] [--stats]\n"
        "      Opens the window on the checkpoint folder of a `ganarium train --checkpoint-dir DIR` run (running\n"
        "      here or elsewhere, or finished): its panels and curves at the newest checkpoint, updated as new ones\n"
        "      appear (DIR is polled every second), and a timeline to show an older one. DIR is only read.\n"
        "\n"
        "  ganarium --version     version, LibTorch, the BLAS in use and threads\n"
        "  ganarium --help        this text\n"
        "\n"
        "Each subcommand also takes --help. Full reference: docs/cli.md\n";
    return 0;
}

}  // namespace ganarium
