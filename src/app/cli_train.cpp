// cli_train.cpp — `ganarium train SCENE [--steps N] [--seed S] [--threads T]
// [--every M] [--metrics FILE.json|FILE.csv] [--force] [--checkpoint-dir DIR]
// [--checkpoint-every N] [--resume DIR] [--world-size N --rank R --master HOST:PORT
// [--timeout S]]`: headless, synchronous
// training with a progress bar, a final per-run metrics table and an optional
// metrics file. Ctrl-C or SIGTERM stops between two training steps and still
// reports and writes what was trained (exit code 130 / 143). With a world size
// above 1 this process is one rank of a data-parallel job (docs/distributed.md):
// rank 0 prints, writes metrics and checkpoints; the others print only errors.
#include <signal.h>

#include <algorithm>
#include <cstdlib>
#include <chrono>
#include <iomanip>
#include <iostream>
#include <memory>
#include <optional>

#include "app/classifier_wait.h"
#include "app/cli_args.h"
#include "app/cli_distributed.h"
#include "app/cli_scene_argument.h"
#include "app/commands.h"
#include "app/metrics_export.h"
#include "app/metrics_table.h"
#include "app/record_signals.h"
#include "app/terminal_progress.h"
#include "train/checkpoint_relay.h"
#include "train/data_parallel_runs.h"
#include "train/distributed_group.h"
#include "train/trainer.h"

namespace ganarium {

namespace {

// Exit code of a rank whose job lost another rank (docs/distributed.md).
constexpr int kExitRankLost = 3;

void printTrainUsage(std::ostream& out) {
    out << "usage: ganarium train [SCENE|default] [--steps N] [--seed S] [--threads T] [--every M]\n"
           "                      [--metrics FILE.json|FILE.csv] [--force] [--no-image-metrics]\n"
           "                      [--checkpoint-dir DIR] [--checkpoint-every N] [--resume DIR]\n"
           "                      [--world-size N --rank R --master HOST:PORT] [--timeout S]\n"
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
           "  --world-size N   train data-parallel on N processes (image runs only; also WORLD_SIZE)\n"
           "  --rank R         this process's rank, 0..N-1 (also RANK); rank 0 prints and writes files\n"
           "  --master H:P     where rank 0 listens and the others connect (also MASTER_ADDR, MASTER_PORT;\n"
           "                   default 127.0.0.1:29500)\n"
           "  --timeout S      give up joining, or on a rank that stops answering, after S seconds (default 60)\n"
           "A lost rank stops the others with exit code 3; rank 0's checkpoints stay loadable (--resume).\n"
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

// Silences std::cout while it lives (the data-parallel ranks other than 0 print errors only).
class QuietStdout {
public:
    explicit QuietStdout(bool quiet) : saved_(quiet ? std::cout.rdbuf(nullptr) : nullptr), quiet_(quiet) {}
    ~QuietStdout() {
        if (!quiet_) return;
        std::cout.rdbuf(saved_);
        std::cout.clear();
    }
    QuietStdout(const QuietStdout&) = delete;
    QuietStdout& operator=(const QuietStdout&) = delete;

private:
    std::streambuf* saved_;
    bool quiet_;
};

// Rank 0's line on what the gradient all-reduce cost.
void reportCommunication(const DistributedGroup& group, double training_seconds) {
    const CommunicationStats stats = group.stats();
    std::cout << "All-reduce: " << stats.calls << " calls, " << std::fixed << std::setprecision(2)
              << static_cast<double>(stats.bytes) / 1e6 << " MB sent by this rank, " << stats.seconds << " s ("
              << std::setprecision(0) << (training_seconds > 0 ? 100.0 * stats.seconds / training_seconds : 0.0)
              << "% of training)" << std::defaultfloat << '\n';
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
    const std::optional<DistributedOptions> distributed = distributedOptionsFrom(args);
    if (distributed) {
        checkDataParallelScene(scene, distributed->world_size);
        scene.threads = 1;  // runs step one after another, so every rank's collectives come in the same order
    }
    const bool quiet = distributed && distributed->rank != 0;
    const QuietStdout mute(quiet);

    std::optional<MetricsFile> metrics_file;  // opened now: a bad path fails before any training
    if (auto path = args.value("metrics"); path && !quiet) metrics_file.emplace(*path, args.has("force"));

    std::cout << "Scene:   " << scene.title << "  ("
              << (isDefaultSceneArgument(scene_argument) ? "built-in default" : scene_argument) << ")\n"
              << "Runs:    " << scene.runs.size() << "   steps " << steps << "   seed " << scene.seed
              << "   threads " << scene.threads << "   metrics every " << scene.metrics_every << '\n';
    if (distributed)
        std::cout << "Ranks:   " << distributed->world_size << " (this is rank 0; master " << distributed->master_host
                  << ':' << distributed->master_port << ", timeout " << distributed->timeout_s << " s)\n";
    reportBlas();
    std::cout.flush();

    TrainerOptions options;
    options.image_metrics = !quiet && !args.has("no-image-metrics");
    options.checkpoint_dir = (resume_dir.empty() && !quiet) ? checkpoint_dir : "";  // resuming: written once loaded
    auto wait = std::make_shared<ClassifierWait>();
    options.wait_for_image_metrics = [wait](const ClassifierStatus& status) { (*wait)(status); };
    Trainer trainer(scene, options);  // with image runs: waits for their classifier first (step 0 is judged too)
    wait->finish();
    if (!resume_dir.empty() && !quiet) {  // the other ranks of a job receive rank 0's checkpoints once joined
        const auto started = std::chrono::steady_clock::now();
        const std::string note = trainer.loadCheckpoints(resume_dir);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        std::cout << note << " (" << std::fixed << std::setprecision(2) << seconds << std::defaultfloat << " s)\n";
        if (!quiet) trainer.writeCheckpointsTo(checkpoint_dir);
    }
    std::shared_ptr<DistributedGroup> group;  // joined after the slow preparations above, so the ranks meet promptly
    if (distributed) {
        group = DistributedGroup::join(*distributed, distributedJob(scene, steps));
        if (!resume_dir.empty()) {  // only rank 0 needs the folder: the others load its latest steps from the store
            if (quiet)
                loadSharedCheckpoints(*group, trainer);
            else
                shareLatestCheckpoints(*group, resume_dir, trainer.runCount());
        }
        trainer.joinDistributed(group);
    }
    TerminalProgress progress(std::cout, "train", steps);
    const int64_t chunk = std::clamp<int64_t>(steps / 200, 1, 25);
    const auto training_started = std::chrono::steady_clock::now();
    try {
        while (trainer.iteration() < steps && !stop.stopRequested()) {
            const int64_t before = trainer.iteration();
            trainer.advance(std::min(chunk, steps - before), &stop.flag());
            progress.update(trainer.iteration());
            if (trainer.iteration() == before) break;  // every run has stopped (diverged), or a stop came
        }
    } catch (const UserError&) {
        if (!group || group->failure().empty()) throw;
        progress.finish("(a rank was lost)");
        std::cerr << "ganarium train: rank " << group->rank() << ": " << group->failure() << '\n';
        // Leave at once: tearing down a process group with a dead peer may wait on it. Rank 0's checkpoints are
        // complete on disk already (each written whole, then renamed), and nothing else is pending.
        std::cout.flush();
        std::cerr.flush();
        std::_Exit(kExitRankLost);
    }
    const bool interrupted = stop.stopRequested();
    progress.finish(interrupted ? "(interrupted)" : "");
    if (group) reportCommunication(*group, std::chrono::duration<double>(std::chrono::steady_clock::now() - training_started).count());
    if (quiet) return interrupted ? exitCodeForStopSignal(stop.stopSignal()) : 0;  // rank 0 writes and reports
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
        CliArgs args(argc, argv, 2, {"steps", "seed", "threads", "every", "metrics", "checkpoint-dir", "checkpoint-every", "resume", "world-size", "rank", "master", "timeout"}, {"help", "force", "no-image-metrics"});
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
