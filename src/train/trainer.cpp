// trainer.cpp — the Trainer facade's synchronous side: building the runs of
// a scene, stepping them over worker threads, metrics at the cadence and
// snapshot building. Commands: trainer_commands.cpp; background thread and
// publication: trainer_thread.cpp.
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>

#include "core/condition_data.h"
#include "core/errors.h"
#include "train/metric_evaluator.h"
#include "train/snapshot_builder.h"
#include "train/run.h"
#include "train/trainer_impl.h"
#include "train/view_box.h"
#include "train/data_parallel_runs.h"

namespace ganarium {

namespace {
// Display samples per run: explicit when > 0, else fewer for many (smaller) panels.
int displaySamples(int requested, int runs) {
    if (requested > 0) return requested;
    return runs <= 2 ? 1024 : 512;
}

// D-field cells per axis in snapshots: explicit when > 0; 2D panels of 3+ runs are small, so a coarser
// grid (still several pixels a cell, filtered on the GPU) halves the snapshot's biggest cost.
int fieldResolution(int requested, int dim, int runs) {
    if (requested > 0) return requested;
    if (dim == 1) return 256;
    return runs <= 2 ? 64 : 48;
}
}  // namespace


namespace {

// How far (times the data box) the view may grow to follow escaping samples.
constexpr double kViewGrowthLimit = 4.0;

}  // namespace

void validateRun(const RunSpec& spec, int dim, const std::string& where) {
    if (const DiracGanSpec* dirac = diracOf(spec)) {
        const DiracGanSpec& d = *dirac;
        if (!(d.h > 0 && d.h <= 10)) throw UserError(where + "the Dirac-GAN step size h must be in (0, 10].");
        if (d.n_d < 1 || d.n_d > 100) throw UserError(where + "n_d must be between 1 and 100.");
        if (!(d.clip > 0)) throw UserError(where + "clip must be > 0.");
        if (!std::isfinite(d.theta0) || !std::isfinite(d.psi0)) throw UserError(where + "the start point must be finite.");
        return;
    }
    if (const ImageGanSpec* image = imageOf(spec)) {
        if (image->latent_dim < 1 || image->latent_dim > 256) throw UserError(where + "latent_dim must be between 1 and 256.");
        if (image->batch < 1 || image->batch > 1024) throw UserError(where + "batch must be between 1 and 1024.");
        if (image->k_d < 1 || image->k_g < 1) throw UserError(where + "k_d and k_g must be at least 1.");
        if (image->width < 1 || image->width > 512) throw UserError(where + "width must be between 1 and 512.");
        if (image->depth < 2 || image->depth > 4) throw UserError(where + "depth must be between 2 and 4.");
        return;
    }
    if (const CycleGanSpec* cycle = cycleOf(spec)) {
        if (cycle->batch < 1 || cycle->batch > 65536) throw UserError(where + "batch must be between 1 and 65536.");
        if (cycle->k_d < 1 || cycle->k_g < 1) throw UserError(where + "k_d and k_g must be at least 1.");
        if (!(cycle->lambda_cyc >= 0) || !(cycle->lambda_id >= 0))
            throw UserError(where + "lambda_cyc and lambda_id must be >= 0 (0 switches the loss off).");
        if (cycle->g_noise_dim < 0 || cycle->g_noise_dim > 64)
            throw UserError(where + "g_noise_dim must be between 0 and 64 (0 = G without a noise input).");
        for (const DataSpec* domain : {&cycle->domain_x, &cycle->domain_y})
            if (familyDimension(domain->family) != 2)
                throw UserError(where + "a CycleGAN domain must be a 2D family (e.g. ring, grid, two_moons); got '" +
                                familyName(domain->family) + "'.");
        return;
    }
    const ToyGanSpec& run = std::get<ToyGanSpec>(spec.options);
    if (run.latent_dim < 1 || run.latent_dim > 64) {
        throw UserError(where + "latent_dim must be between 1 and 64 (got " + std::to_string(run.latent_dim) + ").");
    }
    if (run.batch < 1) throw UserError(where + "batch must be at least 1.");
    if (run.k_d < 1 || run.k_g < 1) throw UserError(where + "k_d and k_g must be at least 1.");
    if (run.fixed_generator && familyDimension(run.fixed_data.family) != dim) {
        throw UserError(where + "the fixed generator's distribution must have the same dimension as the data (" +
                        std::to_string(dim) + "D). Pick a " + std::to_string(dim) + "D family for fixed_data.");
    }
}

void validateCondition(const RunSpec& spec, const DataSpec& data, const std::string& where) {
    const ToyGanSpec* toy = toyOf(spec);
    if (!toy || !toy->conditional) return;
    if (toy->fixed_generator) throw UserError(where + "a fixed generator has no condition input; turn off conditional.");
    if (remediesActive(*toy))
        throw UserError(where + "the mode-collapse remedies do not combine with conditional = true (yet); turn them off "
                                "or use them in an unconditional run.");
    if (const std::string problem = conditionalDataProblem(data); !problem.empty())
        throw UserError(where + "conditional = true " + problem + ".");
}

void validateScene(const SceneSpec& scene) {
    if (scene.runs.empty() || scene.runs.size() > static_cast<size_t>(kMaxRunsPerScene)) {
        throw UserError("A scene needs 1 to " + std::to_string(kMaxRunsPerScene) + " [[run]] tables; this one has " +
                        std::to_string(scene.runs.size()) +
                        ". Add or remove [[run]] sections.");
    }
    const int dim = familyDimension(scene.data.family);
    for (size_t i = 0; i < scene.runs.size(); ++i) validateRun(scene.runs[i], dim, "run " + std::to_string(i + 1) + ": ");
    for (size_t i = 0; i < scene.runs.size(); ++i)
        validateCondition(scene.runs[i], scene.data, "run " + std::to_string(i + 1) + ": ");
}

Trainer::Impl::Impl(const SceneSpec& s, TrainerOptions o)
    : scene(s), options(o), pool([this] {
          // Once per pool thread: one torch thread each (calls serialised, as LibTorch's setter is not re-entrant).
          std::lock_guard<std::mutex> lock(torch_threads_mutex);
          at::set_num_threads(1);
      }) {
    // OpenBLAS reads this when it loads; scenes run one BLAS thread per worker. Too late for an already
    // loaded OpenBLAS (the CLI sets it before anything), harmless otherwise.
    setenv("OPENBLAS_NUM_THREADS", "1", 0);
    at::set_num_threads(1);
    validateScene(scene);
    const bool has_image_runs = std::any_of(scene.runs.begin(), scene.runs.end(),
                                            [](const RunSpec& run) { return kindOf(run) == RunKind::ImageGan; });
    if (options.image_metrics && has_image_runs) {
        image_evaluator = std::make_unique<ImageEvaluator>(options.classifier);
        if (options.wait_for_image_metrics) image_evaluator->wait(options.wait_for_image_metrics);
    }
    rebuildData();
    rebuildRuns();
}

void Trainer::joinDistributed(std::shared_ptr<DistributedGroup> group) {
    for (auto& run : impl_->runs) joinDistributedGroup(*run, group);
    impl_->options.distributed = std::move(group);
}

int Trainer::Impl::threadCount() const {
    if (options.distributed) return 1;  // the ranks' collectives must come in the same order
    const int requested = options.threads > 0 ? options.threads : scene.threads;
    return std::max(1, std::min<int>(requested, static_cast<int>(runs.size())));
}

int Trainer::Impl::metricsEvery() const {
    return std::max(1, options.metrics_every > 0 ? options.metrics_every : scene.metrics_every);
}

void Trainer::Impl::rebuildData() {
    const int new_dim = familyDimension(scene.data.family);
    data.reset();
    try {
        data = makeDistribution(scene.data);
    } catch (const UserError&) {
        // Empty custom data (all blobs/points cleared): runs wait until some is drawn.
        const bool custom = scene.data.family == DataFamily::Blobs2D || scene.data.family == DataFamily::Points2D;
        if (!custom) throw;
    }
    dim = new_dim;
    modes = data ? data->modes() : std::vector<Mode>{};
    mode_weights = data ? data->modeWeights() : std::vector<double>{};
    if (scene.display.has_view) {
        view = Bounds{scene.display.view[0], scene.display.view[1], scene.display.view[2], scene.display.view[3]};
        if (dim == 1) view.y0 = 0, view.y1 = 1;
    } else {
        Bounds box = data ? data->bounds() : Bounds{};
        for (const auto& run : scene.runs) {
            const ToyGanSpec* toy = toyOf(run);
            if (!toy || !toy->fixed_generator) continue;
            const Bounds b = makeDistribution(toy->fixed_data)->bounds();
            box.x0 = std::min(box.x0, b.x0), box.x1 = std::max(box.x1, b.x1);
            box.y0 = std::min(box.y0, b.y0), box.y1 = std::max(box.y1, b.y1);
        }
        view = roundOutward(box, dim);
    }
    // JS/KL use this first box for good (fakes outside it fall in its border cells), so P_data is tabulated once.
    divergence_grid = data ? makeDivergenceGrid(*data, view) : DivergenceGrid{};
    for (auto& run : runs) {
        if (data) run->dataChanged(*data);
    }
}

std::unique_ptr<Run> Trainer::Impl::buildRun(const RunSpec& spec) const {
    auto run = makeRun(spec, dim, scene.seed, displaySamples(options.display_samples, static_cast<int>(scene.runs.size())));
    if (data) run->dataChanged(*data);
    if (options.distributed) joinDistributedGroup(*run, options.distributed);
    return run;
}

void Trainer::Impl::rebuildRuns() {
    runs.clear();
    timelines.clear();
    for (const RunSpec& spec : scene.runs) runs.push_back(buildRun(spec));
    timelines.resize(runs.size());
    // Step-0 metrics (the starting point of every curve) and the step-0 checkpoint.
    for (size_t i = 0; i < runs.size(); ++i) {
        evaluate(*runs[i]);
        restartTimeline(i);
    }
    iteration_cache = 0;
}

void Trainer::Impl::restartTimeline(size_t index) {
    if (timelines.size() < runs.size()) timelines.resize(runs.size());
    const size_t budget = static_cast<size_t>(scene.checkpoint_memory_mb) << 20;
    timelines[index] = CheckpointTimeline(scene.checkpoint_every, budget);
    if (scene.checkpoint_every > 0) timelines[index].take(*runs[index]);
    writeLatestCheckpoint(index);
}

void Trainer::Impl::afterIteration(size_t index) {
    Run& run = *runs[index];
    if (run.status() == RunStatus::Diverged) return;
    if (run.step() % metricsEvery() == 0) evaluate(run);
    const size_t held = timelines[index].entries().size();
    const auto newest = timelines[index].latest();
    timelines[index].maybeTake(run);
    if (timelines[index].entries().size() != held || timelines[index].latest() != newest) writeLatestCheckpoint(index);
}


void Trainer::Impl::forEachRun(const std::function<void(Run&, size_t)>& fn) {
    // The calling thread runs its share too: one torch thread there as well.
    if (at::get_num_threads() != 1) {
        std::lock_guard<std::mutex> lock(torch_threads_mutex);
        at::set_num_threads(1);
    }
    pool.run(threadCount(), runs.size(), [&](size_t i) { fn(*runs[i], i); });
}

void Trainer::Impl::evaluate(Run& run) {
    MetricContext context;
    context.data = data.get();
    context.modes = modes;
    context.mode_weights = mode_weights;
    context.view = view;
    context.divergence_grid = &divergence_grid;
    context.images = image_evaluator.get();
    context.grid_1d = options.field_resolution > 0 ? options.field_resolution : 256;
    if (run.needsData() && !data) return;
    run.evaluate(context);
}

void Trainer::Impl::advance(int64_t iterations, const std::atomic<bool>* stop) {
    if (iterations <= 0) return;
    const Distribution* source = data.get();
    forEachRun([&](Run& run, size_t index) {
        if (run.needsData() && !source) return;  // custom data is empty: wait until some is drawn
        try {
            for (int64_t i = 0; i < iterations && run.status() == RunStatus::Running; ++i) {
                if (stop && stop->load(std::memory_order_relaxed)) break;
                run.iterate(source);
                afterIteration(index);
            }
        } catch (const std::exception& error) {
            if (options.distributed) throw;  // a lost rank or a rank out of step ends the whole job (docs/distributed.md)
            // A LibTorch error stops this run only; the message is shown as its status.
            run.fail(std::string("error at step ") + std::to_string(run.step()) + ": " + error.what());
        }
    });
    iteration_cache = iteration();
}

int64_t Trainer::Impl::fastForwardRemaining() const {
    if (fast_forward_total <= 0 || !data) return 0;
    bool any_running = false;
    for (const auto& run : runs) any_running = any_running || run->status() == RunStatus::Running;
    if (!any_running) return 0;
    return std::max<int64_t>(0, fast_forward_start + fast_forward_total - iteration());
}

int64_t Trainer::Impl::iteration() const {
    int64_t slowest = -1, fastest = 0;
    for (const auto& run : runs) {
        fastest = std::max(fastest, run->step());
        if (run->status() == RunStatus::Running) slowest = slowest < 0 ? run->step() : std::min(slowest, run->step());
    }
    return slowest >= 0 ? slowest : fastest;
}

SnapshotPtr Trainer::Impl::buildSnapshot(bool full, bool heavy) {
    auto snapshot = std::make_shared<Snapshot>();
    snapshot->version = ++version;
    snapshot->scene_title = scene.title;
    snapshot->scene_caption = scene.caption;
    snapshot->scene_title_zh = scene.title_zh;
    snapshot->scene_caption_zh = scene.caption_zh;
    snapshot->scene_path = scene.source_path;
    snapshot->dim = dim;
    snapshot->view = view;
    snapshot->playing = playing;
    snapshot->steps_per_frame = steps_per_frame;
    snapshot->steps_per_second = steps_per_second;
    snapshot->training_rested = training_rested;
    snapshot->command_error = command_error;
    snapshot->command_errors = command_errors;
    snapshot->checkpoint_note = checkpoint_note;
    snapshot->checkpoint_notes = checkpoint_notes;
    snapshot->fast_forward_total = fast_forward_total;
    if (image_evaluator) snapshot->classifier = image_evaluator->status();
    snapshot->fast_forward_done = std::min(fast_forward_total, std::max<int64_t>(0, iteration() - fast_forward_start));
    if (!published_scene) published_scene = std::make_shared<const SceneSpec>(scene);
    snapshot->scene = published_scene;
    snapshot->runs.resize(runs.size());
    SnapshotContext context;
    context.data = data.get();
    context.modes = modes;
    context.view = view;
    const int resolution = fieldResolution(options.field_resolution, dim, static_cast<int>(runs.size()));
    context.nx = resolution;
    context.ny = dim == 1 ? 1 : resolution;
    context.heavy = heavy;
    forEachRun([&](Run& run, size_t i) {
        try {
            snapshot->runs[i] = run.snapshot(context, full);
            snapshot->runs[i].checkpoints = timelines[i].steps();
        } catch (const std::exception& error) {
            // A run whose snapshot cannot be built pauses with the reason; the others and the window go on.
            run.fail(std::string("snapshot failed at step ") + std::to_string(run.step()) + ": " + error.what());
            snapshot->runs[i] = run.snapshot(context, false);
        }
    });
    if (full && !scene.display.has_view && data) {
        const Bounds limit = scaledAboutCentre(data->bounds(), kViewGrowthLimit);
        for (const auto& run : snapshot->runs) {
            const PointSet* fake = findQuantity<PointSet>(run.parts, quantity_names::kFake);
            if (run.kind == "toy" && fake && fake->dim == dim) view = growView(view, fake->coords, dim, limit);
        }
    }
    return snapshot;
}

void Trainer::Impl::publish(SnapshotPtr snapshot) {
    {
        std::lock_guard<std::mutex> lock(publish_mutex);
        published.swap(snapshot);
    }
    // `snapshot` now holds the previous one: free it (often megabytes) outside the lock the UI takes.
}

// ------------------------------------------------------------------ facade

Trainer::Trainer(const SceneSpec& scene, TrainerOptions options) : impl_(std::make_unique<Impl>(scene, options)) {
    impl_->publish(impl_->buildSnapshot(true));
}

Trainer::~Trainer() { stop(); }

void Trainer::advance(int64_t iterations, const std::atomic<bool>* stop) {
    const auto start = std::chrono::steady_clock::now();
    const int64_t before = impl_->iteration();
    impl_->advance(iterations, stop);
    const bool stopped = stop && stop->load();
    const int64_t done = stopped ? impl_->iteration() - before : iterations;  // a stop cuts the batch short
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (seconds > 0 && done > 0) impl_->steps_per_second = static_cast<double>(done) / seconds;
    impl_->publish(impl_->buildSnapshot(impl_->options.snapshots_in_train));
}

void Trainer::apply(const Command& command) {
    try {
        impl_->apply(command);
    } catch (const std::exception& error) {
        // Refused: the next snapshot says why, as in threaded mode.
        impl_->command_error = error.what();
        ++impl_->command_errors;
        impl_->iteration_cache = impl_->iteration();
        throw;
    }
    impl_->iteration_cache = impl_->iteration();
}

SnapshotPtr Trainer::snapshot() {
    SnapshotPtr snapshot = impl_->buildSnapshot(true);
    impl_->publish(snapshot);
    return snapshot;
}

void Trainer::evaluateMetrics() {
    impl_->forEachRun([this](Run& run, size_t) { impl_->evaluate(run); });
}

SnapshotPtr Trainer::latest() const {
    std::lock_guard<std::mutex> lock(impl_->publish_mutex);
    return impl_->published;
}

const SceneSpec& Trainer::scene() const { return impl_->scene; }

int64_t Trainer::iteration() const { return impl_->iteration_cache.load(); }

int Trainer::stepsPerFrame() const { return impl_->steps_per_frame; }

int Trainer::runCount() const {
    // While the background thread runs, the run list belongs to it: answer from the latest snapshot.
    if (impl_->worker.joinable()) return static_cast<int>(latest()->runs.size());
    return static_cast<int>(impl_->runs.size());
}

void Trainer::injectNaN(int run) { impl_->runs.at(static_cast<size_t>(run))->injectNaN(); }

}  // namespace ganarium
