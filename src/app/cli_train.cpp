// cli_train.cpp — `ganarium train SCENE [--steps N] [--seed S] [--threads T]
// [--every M] [--metrics FILE.json|FILE.csv] [--force] [--checkpoint-dir DIR]
// [--checkpoint-every N] [--resume DIR]`: headless, synchronous
// training with a progress bar, a final per-run metrics table and an optional
// metrics file. Ctrl-C or SIGTERM stops between two training steps and still
// reports and writes what was trained (exit code 130 / 143).
#include <signal.h>

#include <algorithm>
#include <chrono>
#include <iomanip>
#include <iostream>
#include <memory>
#include <optional>

#include "app/classifier_wait.h"
#include "app/cli_args.h"
#include "app/cli_scene_argument.h"
#include "app/commands.h"
#include "app/metrics_export.h"
#include "app/metrics_table.h"
#include "app/record_signals.h"
#include "app/terminal_progress.h"
#include "train/trainer.h"

namespace ganarium {

namespace {

void printTrainUsage(std::ostream& out) {
    out << "usage: ganarium train [SCENE|default] [--steps N] [--seed S] [--threads T] [--every M]\n"
           "                      [--metrics FILE.json|FILE.csv] [--force] [--no-image-metrics]\n"
           "                      [--checkpoint-dir DIR] [--checkpoint-every N] [--resume DIR]\n"
           "Trains every run of SCENE headlessly and prints a table of the final metrics.\n"
           "  SCENE            a .toml scene file, or `default` (also when omitted) for the built-in scene\n"
           "  --steps N        iterations per run (default: the scene's `steps`)\n"
           "  --seed S         random seed (default: the scene's `seed`)\n"
           "  --threads T      trainer threads; runs are spread across them (default: the scene's `threads`)\n"
           "  --every M        evaluate metrics every M iterations (default: the scene's `metrics_every`)\n"
           "  --metrics FILE   write every metric evaluation to FILE (.json or .csv)\n"
           "  --force          replace an existing metrics file (never a symbolic link)\n"
           "  --no-image-metrics  image runs: skip the classifier metrics (no classifier load or first-use training)\n"
           "  --checkpoint-dir DIR  write every checkpoint to DIR/<NN>-<run>/step-<N>/, and the last step at the end\n"
           "  --checkpoint-every N  a checkpoint each N iterations (default: the scene's `checkpoint_every`)\n"
           "  --resume DIR     continue every run from its latest checkpoint in DIR (the same scene; --steps counts\n"
           "                   from step 0); new checkpoints go to DIR too unless --checkpoint-dir says otherwise\n"
           "Ctrl-C (or SIGTERM) stops between two steps; the table and the metrics file are still\n"
           "written, and the exit code is 130 (143 for SIGTERM). The metrics file appears whole or not at all.\n";
}

// Prints the BLAS in use; a loud warning with the fix when it is the slow reference BLAS.
void reportBlas() {
    const BlasInfo blas = detectBlas();
    std::cout << "BLAS:    " << blas.name << " (" << (blas.library.empty() ? "unknown library" : blas.library)
              << ")\n";
    if (blas.reference) {
        std::cerr << "WARNING: LibTorch is using the reference BLAS, which makes training about 15x slower.\n"
                     "         Fix: sudo apt-get install libopenblas0-openmp\n"
                     "         or select OpenBLAS with: sudo update-alternatives --config "
                     "libblas.so.3-x86_64-linux-gnu\n";
    }
}

// True when some running run's metric log does not end at its current step.
bool needsFinalEvaluation(const Snapshot& snap) {
    return std::any_of(snap.runs.begin(), snap.runs.end(), [](const RunSnapshot& run) {
        if (run.status == RunStatus::Diverged) return false;
        return run.metrics.empty() || run.metrics.step(run.metrics.size() - 1) < run.step;
    });
}

int trainScene(const CliArgs& args, const StopSignalGuard& stop) {
    if (args.positional().size() > 1)
        throw UserError("train takes one scene, got " + std::to_string(args.positional().size()) +
                        " (run one `ganarium train` per scene)");
    const std::string scene_argument = args.positional().empty() ? "" : args.positional()[0];
    SceneSpec scene = loadSceneArgument(scene_argument);
    const int64_t steps = args.integer("steps", scene.steps, 1, 100000000);
    scene.seed = static_cast<uint64_t>(args.integer("seed", static_cast<long long>(scene.seed), 0, 1LL << 62));
    scene.threads = static_cast<int>(args.integer("threads", scene.threads, 1, 64));
    scene.metrics_every = static_cast<int>(args.integer("every", scene.metrics_every, 1, 1000000));
    scene.checkpoint_every = args.integer("checkpoint-every", scene.checkpoint_every, 1, 100000000);
    const std::string resume_dir = args.value("resume").value_or("");
    const std::string checkpoint_dir = args.value("checkpoint-dir").value_or(resume_dir);

    std::optional<MetricsFile> metrics_file;  // opened now: a bad path fails before any training
    if (auto path = args.value("metrics")) metrics_file.emplace(*path, args.has("force"));

    std::cout << "Scene:   " << scene.title << "  ("
              << (isDefaultSceneArgument(scene_argument) ? "built-in default" : scene_argument) << ")\n"
              << "Runs:    " << scene.runs.size() << "   steps " << steps << "   seed " << scene.seed
              << "   threads " << scene.threads << "   metrics every " << scene.metrics_every << '\n';
    reportBlas();
    std::cout.flush();

    TrainerOptions options;
    options.image_metrics = !args.has("no-image-metrics");
    options.checkpoint_dir = resume_dir.empty() ? checkpoint_dir : "";  // resuming: written once the runs are loaded
    auto wait = std::make_shared<ClassifierWait>();
    options.wait_for_image_metrics = [wait](const ClassifierStatus& status) { (*wait)(status); };
    Trainer trainer(scene, options);  // with image runs: waits for their classifier first (step 0 is judged too)
    wait->finish();
    if (!resume_dir.empty()) {
        const auto started = std::chrono::steady_clock::now();
        const std::string note = trainer.loadCheckpoints(resume_dir);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        std::cout << note << " (" << std::fixed << std::setprecision(2) << seconds << std::defaultfloat << " s)\n";
        trainer.writeCheckpointsTo(checkpoint_dir);
    }
    TerminalProgress progress(std::cout, "train", steps);
    const int64_t chunk = std::clamp<int64_t>(steps / 200, 1, 25);
    while (trainer.iteration() < steps && !stop.stopRequested()) {
        const int64_t before = trainer.iteration();
        trainer.advance(std::min(chunk, steps - before), &stop.flag());
        progress.update(trainer.iteration());
        if (trainer.iteration() == before) break;  // every run has stopped (diverged), or a stop came
    }
    const bool interrupted = stop.stopRequested();
    progress.finish(interrupted ? "(interrupted)" : "");
    if (!checkpoint_dir.empty()) {
        trainer.checkpointNow();  // before any final evaluation, so a resumed run's history matches an uninterrupted one
        std::cout << "Checkpoints in " << checkpoint_dir << '\n';
    }

    SnapshotPtr snap = trainer.snapshot();
    if (needsFinalEvaluation(*snap)) {
        trainer.evaluateMetrics();
        snap = trainer.snapshot();
    }
    std::cout << '\n' << formatMetricsTable(snap->runs);
    if (metrics_file) {
        metrics_file->write(scene.title, scene.seed, snap->runs, interrupted);
        std::cout << "Metrics written to " << metrics_file->path() << '\n';
    }
    if (interrupted) {
        std::cout << "Interrupted at step " << trainer.iteration() << " of " << steps << " ("
                  << (stop.stopSignal() == SIGTERM ? "SIGTERM" : "Ctrl-C") << ").\n";
        return exitCodeForStopSignal(stop.stopSignal());
    }
    return 0;
}

}  // namespace

int runTrainCommand(int argc, char** argv) {
    const StopSignalGuard stop;  // first: every thread started from here on inherits the blocked signals
    try {
        CliArgs args(argc, argv, 2, {"steps", "seed", "threads", "every", "metrics", "checkpoint-dir", "checkpoint-every", "resume"}, {"help", "force", "no-image-metrics"});
        if (args.has("help")) {
            printTrainUsage(std::cout);
            return 0;
        }
        return trainScene(args, stop);
    } catch (const SceneError& e) {
        std::cerr << e.what() << '\n';
        return 2;
    } catch (const UserError& e) {
        std::cerr << "ganarium train: " << e.what() << '\n';
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "ganarium train: unexpected error: " << e.what() << '\n';
        return 1;
    }
}

}  // namespace ganarium
