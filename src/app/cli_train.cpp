// cli_train.cpp — `ganarium train SCENE [--steps N] [--seed S] [--threads T]
// [--every M] [--metrics FILE.json|FILE.csv]`: headless, synchronous training
// with a progress bar, a final per-run metrics table and an optional metrics
// file. Ctrl-C stops early and still reports what was trained.
#include <algorithm>
#include <csignal>
#include <iostream>
#include <optional>

#include "app/cli_args.h"
#include "app/cli_scene_argument.h"
#include "app/commands.h"
#include "app/metrics_export.h"
#include "app/metrics_table.h"
#include "app/terminal_progress.h"
#include "train/trainer.h"

namespace ganarium {

namespace {

// Set by the SIGINT handler. A signal handler can only talk to the program
// through a flag of this type, so this is the one piece of file-level state.
volatile std::sig_atomic_t g_interrupt_requested = 0;

extern "C" void onInterrupt(int) {
    g_interrupt_requested = 1;
    std::signal(SIGINT, SIG_DFL);  // a second Ctrl-C kills at once
}

// Installs the Ctrl-C handler for its lifetime and restores the previous one.
class InterruptGuard {
public:
    InterruptGuard() {
        g_interrupt_requested = 0;
        previous_ = std::signal(SIGINT, onInterrupt);
    }
    ~InterruptGuard() { std::signal(SIGINT, previous_ == SIG_ERR ? SIG_DFL : previous_); }
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;
    bool requested() const { return g_interrupt_requested != 0; }

private:
    void (*previous_)(int) = SIG_DFL;
};

void printTrainUsage(std::ostream& out) {
    out << "usage: ganarium train [SCENE|default] [--steps N] [--seed S] [--threads T] [--every M]\n"
           "                      [--metrics FILE.json|FILE.csv]\n"
           "Trains every run of SCENE headlessly and prints a table of the final metrics.\n"
           "  SCENE            a .toml scene file, or `default` (also when omitted) for the built-in scene\n"
           "  --steps N        iterations per run (default: the scene's `steps`)\n"
           "  --seed S         random seed (default: the scene's `seed`)\n"
           "  --threads T      trainer threads; runs are spread across them (default: the scene's `threads`)\n"
           "  --every M        evaluate metrics every M iterations (default: the scene's `metrics_every`)\n"
           "  --metrics FILE   write every metric evaluation to FILE (.json or .csv)\n"
           "Ctrl-C stops early; the table and the metrics file are still written.\n";
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

// True when some running run's history does not end at its current step.
bool needsFinalEvaluation(const Snapshot& snap) {
    return std::any_of(snap.runs.begin(), snap.runs.end(), [](const RunSnapshot& run) {
        if (run.status == RunStatus::Diverged) return false;
        return run.history.steps.empty() || run.history.steps.back() < run.step;
    });
}

int trainScene(const CliArgs& args) {
    if (args.positional().size() > 1)
        throw UserError("train takes one scene, got " + std::to_string(args.positional().size()) +
                        " (run one `ganarium train` per scene)");
    const std::string scene_argument = args.positional().empty() ? "" : args.positional()[0];
    SceneSpec scene = loadSceneArgument(scene_argument);
    const int64_t steps = args.integer("steps", scene.steps, 1, 100000000);
    scene.seed = static_cast<uint64_t>(args.integer("seed", static_cast<long long>(scene.seed), 0, 1LL << 62));
    scene.threads = static_cast<int>(args.integer("threads", scene.threads, 1, 64));
    scene.metrics_every = static_cast<int>(args.integer("every", scene.metrics_every, 1, 1000000));

    std::optional<MetricsFile> metrics_file;  // opened now: a bad path fails before any training
    if (auto path = args.value("metrics")) metrics_file.emplace(*path);

    std::cout << "Scene:   " << scene.title << "  ("
              << (isDefaultSceneArgument(scene_argument) ? "built-in default" : scene_argument) << ")\n"
              << "Runs:    " << scene.runs.size() << "   steps " << steps << "   seed " << scene.seed
              << "   threads " << scene.threads << "   metrics every " << scene.metrics_every << '\n';
    reportBlas();
    std::cout.flush();

    Trainer trainer(scene);
    InterruptGuard interrupt;
    TerminalProgress progress(std::cout, "train", steps);
    const int64_t chunk = std::clamp<int64_t>(steps / 200, 1, 25);
    while (trainer.iteration() < steps && !interrupt.requested()) {
        const int64_t before = trainer.iteration();
        trainer.advance(std::min(chunk, steps - before));
        progress.update(trainer.iteration());
        if (trainer.iteration() == before) break;  // every run has stopped (diverged)
    }
    const bool interrupted = interrupt.requested();
    progress.finish(interrupted ? "(interrupted)" : "");

    SnapshotPtr snap = trainer.snapshot();
    if (needsFinalEvaluation(*snap)) {
        trainer.evaluateMetrics();
        snap = trainer.snapshot();
    }
    std::cout << '\n' << formatMetricsTable(snap->runs);
    if (metrics_file) {
        metrics_file->write(scene.title, scene.seed, snap->runs);
        std::cout << "Metrics written to " << metrics_file->path() << '\n';
    }
    if (interrupted) {
        std::cout << "Interrupted at step " << trainer.iteration() << " of " << steps << ".\n";
        return 130;
    }
    return 0;
}

}  // namespace

int runTrainCommand(int argc, char** argv) {
    try {
        CliArgs args(argc, argv, 2, {"steps", "seed", "threads", "every", "metrics"}, {"help"});
        if (args.has("help")) {
            printTrainUsage(std::cout);
            return 0;
        }
        return trainScene(args);
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
