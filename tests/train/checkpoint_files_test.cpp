// checkpoint_files_test.cpp — checkpoints on disk (train/checkpoint_files.h):
// a checkpoint written and read back restores identical weights, optimizer
// state and random streams for every run kind (the next steps match bit for
// bit); a trainer that loads a saved folder and continues equals one that
// never stopped (toy, Dirac and image runs, metric history included); and a
// missing, wrong-kind, truncated or damaged checkpoint is refused with a
// message naming the file, leaving the running state as it was (also when
// LibTorch refuses a restored random stream); the window's commands save and
// load on the trainer thread.
#include <torch/torch.h>

#include <doctest/doctest.h>

#include <filesystem>
#include <chrono>
#include <fstream>
#include <functional>
#include <iterator>
#include <thread>

#include "core/checkpoint_header.h"
#include "core/errors.h"
#include "scene_fixtures.h"
#include "temp_folder.h"
#include "train/checkpoint_files.h"
#include "train/checkpoint_state.h"
#include "train/dirac_gan_run.h"
#include "train/cycle_gan_run.h"
#include "train/image_gan_run.h"
#include "train/toy_gan_run.h"
#include "train/trainer.h"

using namespace ganarium;
using namespace ganarium::test;
namespace fs = std::filesystem;

namespace {

RunSpec diracRun() {
    RunSpec spec;
    spec.options = DiracGanSpec{};
    spec.name = "Dirac";
    return spec;
}

// A tiny image run (narrow nets, small batch) on 300 trousers and sneakers.
RunSpec tinyImageRun(Objective objective, Lipschitz lipschitz = Lipschitz::None) {
    RunSpec spec;
    spec.name = "image " + std::string(objective == Objective::Hinge ? "hinge" : "ns");
    ImageGanSpec& image = spec.options.emplace<ImageGanSpec>();
    image.objective = objective;
    image.lipschitz = lipschitz;
    image.width = 4;
    image.latent_dim = 8;
    image.batch = 8;
    image.classes = {1, 7};
    image.subset = 300;
    return spec;
}

// The tiny image run made class-conditional, with mismatched pairs (two more random streams: labels, wrong labels).
RunSpec tinyConditionalRun() {
    RunSpec spec = tinyImageRun(Objective::NonSaturating);
    spec.name = "image conditional";
    ImageGanSpec& image = std::get<ImageGanSpec>(spec.options);
    image.conditional = true;
    image.mismatched_pairs = true;
    return spec;
}

// A small toy CycleGAN with a gradient penalty (its penalty stream is in the checkpoint too).
RunSpec smallCycleRun() {
    RunSpec spec;
    spec.name = "cycle";
    CycleGanSpec& cycle = spec.options.emplace<CycleGanSpec>();
    cycle.objective = Objective::Wasserstein;
    cycle.lipschitz = Lipschitz::GradientPenalty;
    cycle.g_net.hidden = cycle.d_net.hidden = {16};
    cycle.batch = 32;
    return spec;
}

// Every weight, buffer and state scalar of a run, flattened (the point for a Dirac-GAN).
torch::Tensor weightsOf(Run& run) {
    if (auto* cycle = dynamic_cast<CycleGanRun*>(&run)) return cycle->flatWeights();
    if (auto* toy = dynamic_cast<ToyGanRun*>(&run))
        return torch::cat({toy->gan().generator()->flatParameters(), toy->gan().critic()->flatParameters()}).clone();
    if (auto* dirac = dynamic_cast<DiracGanRun*>(&run))
        return torch::tensor({dirac->point().theta, dirac->point().psi}, torch::kFloat64);
    auto& image = dynamic_cast<ImageGanRun&>(run);
    std::vector<torch::Tensor> parts;
    for (auto* module : {static_cast<torch::nn::Module*>(image.generator().get()), static_cast<torch::nn::Module*>(image.critic().get())}) {
        for (const auto& p : module->parameters()) parts.push_back(p.detach().reshape({-1}).clone());
        for (const auto& b : module->buffers()) parts.push_back(b.detach().to(torch::kFloat32).reshape({-1}).clone());
    }
    return torch::cat(parts);
}

// The message of the UserError `fn` throws ("" when it throws none).
template <typename Fn>
std::string errorOf(Fn fn) {
    try {
        fn();
    } catch (const UserError& e) {
        return e.what();
    }
    return "";
}

// Every metric of `a` equals `b`'s, evaluation by evaluation (NaN equals NaN).
void checkSameHistory(const MetricLogView& a, const MetricLogView& b) {
    REQUIRE(a.size() == b.size());
    CHECK(a.steps() == b.steps());
    CHECK(a.keys() == b.keys());
    for (const std::string& key : a.keys()) {
        CAPTURE(key);
        for (size_t i = 0; i < a.size(); ++i) {
            const double x = a.value(key, i), y = b.value(key, i);
            CHECK(std::isnan(x) == std::isnan(y));
            if (!std::isnan(x)) CHECK(x == y);
        }
    }
}

// The step folder of run `index`'s latest saved checkpoint in `dir`.
fs::path latestFolder(const fs::path& dir, size_t index) {
    const std::string run_folder = findRunCheckpointFolder(dir.string(), index);
    REQUIRE(!run_folder.empty());
    const auto steps = savedCheckpointSteps(run_folder);
    REQUIRE(!steps.empty());
    return stepCheckpointFolder(run_folder, steps.back());
}

// Trains `scene` for `first` steps, saves, loads the folder into a fresh trainer, trains `second` more; the result
// (metric history of every run) equals one trainer that trained first + second steps.
void checkResumeEqualsUninterrupted(const SceneSpec& scene, int64_t first, int64_t second, const fs::path& dir) {
    Trainer before(scene);
    before.advance(first);
    before.checkpointNow();  // the current step, on the checkpoint cadence or not
    const std::string saved = before.saveCheckpoints(dir.string());
    CHECK(saved.find("Saved ") == 0);
    CHECK(saved.find(dir.filename().string()) != std::string::npos);
    const SnapshotPtr at_save = before.snapshot();

    Trainer resumed(scene);
    const std::string loaded = resumed.loadCheckpoints(dir.string());
    CHECK(loaded.find("at step " + std::to_string(first)) != std::string::npos);
    const SnapshotPtr at_load = resumed.snapshot();
    for (size_t i = 0; i < scene.runs.size(); ++i) {
        CHECK(at_load->runs[i].step == first);
        checkSameHistory(at_load->runs[i].metrics, at_save->runs[i].metrics);
    }
    resumed.advance(second);

    Trainer straight(scene);
    straight.advance(first + second);
    const SnapshotPtr a = resumed.snapshot(), b = straight.snapshot();
    for (size_t i = 0; i < scene.runs.size(); ++i) {
        CAPTURE(i);
        CHECK(a->runs[i].step == first + second);
        checkSameHistory(a->runs[i].metrics, b->runs[i].metrics);
    }
}

}  // namespace

TEST_CASE("a checkpoint written to disk and read back restores weights, optimizer state and streams of every kind") {
    TempFolder dir("ganarium-ckpt-roundtrip");
    const SceneSpec scene = makeScene(ring(), {smallRun(Objective::Wasserstein, Lipschitz::GradientPenalty),
                                               smallRun(Objective::Hinge, Lipschitz::SpectralNorm), diracRun(),
                                               tinyImageRun(Objective::Hinge, Lipschitz::SpectralNorm),
                                               tinyConditionalRun(), conditionalToyRun(/*mismatched=*/true),
                                               smallCycleRun()});
    const auto data = makeDistribution(scene.data);
    for (size_t index = 0; index < scene.runs.size(); ++index) {
        CAPTURE(index);
        std::unique_ptr<Run> run = makeRun(scene.runs[index], 2, scene.seed, 64);
        run->dataChanged(*data);
        for (int i = 0; i < 7; ++i) run->iterate(data.get());
        const auto checkpoint = run->checkpoint();
        REQUIRE(writeCheckpointFolder(dir.path.string(), scene, index, *checkpoint));
        CHECK_FALSE(writeCheckpointFolder(dir.path.string(), scene, index, *checkpoint));  // already there: kept
        const fs::path folder = latestFolder(dir.path, index);
        CHECK(folder.filename() == "step-000007");
        for (const char* file : {"checkpoint.toml", "scene.toml", "state.pt", "metrics.csv"}) CHECK(fs::is_regular_file(folder / file));

        std::unique_ptr<Run> fresh = makeRun(scene.runs[index], 2, scene.seed, 64);
        fresh->dataChanged(*data);
        const auto loaded = readCheckpointFolder(folder.string(), *fresh, index);
        CHECK(loaded->step == 7);
        CHECK(loaded->metric_count == checkpoint->metric_count);
        REQUIRE(fresh->restore(*loaded) == "");
        CHECK(fresh->step() == 7);
        CHECK(torch::equal(weightsOf(*fresh), weightsOf(*run)));
        // Optimizer moments and random streams: the next steps match bit for bit.
        for (int i = 0; i < 5; ++i) run->iterate(data.get()), fresh->iterate(data.get());
        CHECK(torch::equal(weightsOf(*fresh), weightsOf(*run)));
    }
}

TEST_CASE("resuming toy, Dirac and CycleGAN runs from disk equals an uninterrupted run, metric history included") {
    TempFolder dir("ganarium-ckpt-resume-toy");
    SceneSpec scene = makeScene(ring(), {smallRun(Objective::NonSaturating), smallRun(Objective::Wasserstein, Lipschitz::GradientPenalty),
                                         diracRun(), smallCycleRun()}, 10);
    scene.checkpoint_every = 15;  // the latest checkpoint (step 45) is not on the metric cadence
    scene.threads = 2;
    checkResumeEqualsUninterrupted(scene, 50, 30, dir.path);
}

TEST_CASE("resuming image runs from disk equals an uninterrupted run") {
    TempFolder dir("ganarium-ckpt-resume-image");
    SceneSpec scene = makeScene(ring(), {tinyImageRun(Objective::NonSaturating), tinyImageRun(Objective::Hinge, Lipschitz::SpectralNorm)}, 3);
    scene.checkpoint_every = 4;
    scene.threads = 1;
    checkResumeEqualsUninterrupted(scene, 8, 5, dir.path);
}

TEST_CASE("--checkpoint-dir writes each checkpoint as it is taken; checkpointNow adds the last step") {
    TempFolder dir("ganarium-ckpt-as-taken");
    SceneSpec scene = makeScene(ring(), {smallRun(Objective::NonSaturating), diracRun()}, 10);
    scene.checkpoint_every = 20;
    TrainerOptions options;
    options.checkpoint_dir = dir.path.string();
    Trainer trainer(scene, options);
    trainer.advance(45);
    trainer.checkpointNow();
    for (size_t i = 0; i < 2; ++i) CHECK(savedCheckpointSteps(findRunCheckpointFolder(dir.path.string(), i)) == std::vector<int64_t>{0, 20, 40, 45});
    CHECK(fs::path(findRunCheckpointFolder(dir.path.string(), 1)).filename() == "02-dirac");
}

TEST_CASE("a missing, wrong-kind, truncated or damaged checkpoint is refused with the file named; the runs go on unchanged") {
    TempFolder dir("ganarium-ckpt-refusals");
    const std::string folder = dir.path.string();
    SceneSpec scene = makeScene(ring(), {smallRun(Objective::NonSaturating), smallRun(Objective::Hinge)}, 10);
    scene.checkpoint_every = 10;
    {
        Trainer saver(scene);
        saver.advance(20);
        saver.saveCheckpoints(folder);
    }
    Trainer trainer(scene);
    trainer.advance(5);
    const SnapshotPtr before = trainer.snapshot();
    auto unchanged = [&] {
        const SnapshotPtr now = trainer.snapshot();
        for (size_t i = 0; i < 2; ++i) {
            CHECK(now->runs[i].step == 5);
            checkSameHistory(now->runs[i].metrics, before->runs[i].metrics);
        }
    };

    CHECK(errorOf([&] { trainer.loadCheckpoints(folder + "/nowhere"); }).find("no folder " + folder + "/nowhere") != std::string::npos);
    unchanged();

    // Another scene: run 2 is a Dirac-GAN, but the folder holds a toy run's checkpoint.
    SceneSpec other = scene;
    other.runs[1] = diracRun();
    Trainer dirac_scene(other);
    const std::string wrong_kind = errorOf([&] { dirac_scene.loadCheckpoints(folder); });
    CHECK(wrong_kind.find("holds a toy run's checkpoint, but run 2 (Dirac) is a dirac run") != std::string::npos);
    CHECK(wrong_kind.find("scene.toml") != std::string::npos);
    CHECK(dirac_scene.snapshot()->runs[0].step == 0);  // all or none: run 1 was not loaded either

    // Another architecture: restore refuses, every run stays.
    SceneSpec wider = scene;
    std::get<ToyGanSpec>(wider.runs[1].options).d_net.hidden.assign(2, 48);
    Trainer wide(wider);
    const std::string arch = errorOf([&] { wide.loadCheckpoints(folder); });
    CHECK(arch.find("run 2") != std::string::npos);
    CHECK(arch.find("architecture changed") != std::string::npos);
    CHECK(wide.snapshot()->runs[0].step == 0);

    const fs::path step = latestFolder(dir.path, 1);
    const fs::path state = step / "state.pt";
    const auto size = fs::file_size(state);
    {
        // Damaged: one byte flipped in the middle.
        std::fstream file(state, std::ios::in | std::ios::out | std::ios::binary);
        file.seekg(static_cast<std::streamoff>(size / 2));
        char c = 0;
        file.read(&c, 1);
        file.seekp(static_cast<std::streamoff>(size / 2));
        c = static_cast<char>(c ^ 0x5a);
        file.write(&c, 1);
    }
    const std::string damaged = errorOf([&] { trainer.loadCheckpoints(folder); });
    CHECK(damaged.find(state.string() + " is damaged") != std::string::npos);
    CHECK(damaged.find("move " + step.string() + " away") != std::string::npos);
    unchanged();

    fs::resize_file(state, size / 3);
    CHECK(errorOf([&] { trainer.loadCheckpoints(folder); }).find("is truncated") != std::string::npos);
    unchanged();

    fs::remove(state);
    CHECK(errorOf([&] { trainer.loadCheckpoints(folder); }).find(state.string()) != std::string::npos);
    unchanged();

    {
        std::ofstream header(step / "checkpoint.toml", std::ios::trunc);
        header << "format = \"ganarium-checkpoint\"\nversion = 1\n";
    }
    CHECK(errorOf([&] { trainer.loadCheckpoints(folder); }).find("key 'run_index' is missing") != std::string::npos);
    unchanged();

    // With the damaged step moved away, the one before loads.
    fs::rename(step, dir.path / "damaged-step");
    CHECK(trainer.loadCheckpoints(folder).find("Loaded 2 runs at step 20, 10") != std::string::npos);

    fs::remove_all(findRunCheckpointFolder(folder, 1));
    CHECK(errorOf([&] { trainer.loadCheckpoints(folder); }).find("holds no checkpoint of run 2") != std::string::npos);
}

TEST_CASE("the window's commands save and load checkpoints on the trainer thread, with a note or a refusal") {
    TempFolder dir("ganarium-ckpt-commands");
    SceneSpec scene = makeScene(ring(), {smallRun(Objective::NonSaturating, Lipschitz::None, 16, 1)}, 10);
    scene.checkpoint_every = 5;
    Trainer trainer(scene);
    trainer.advance(12);  // checkpoints at 0, 5, 10
    trainer.start(false);
    // Waits (up to 20 s) until the latest snapshot satisfies `done`.
    auto waitFor = [&](const std::function<bool(const Snapshot&)>& done) {
        for (int i = 0; i < 2000 && !done(*trainer.latest()); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
        return trainer.latest();
    };
    Command save;
    save.kind = Command::Kind::SaveCheckpoints;
    save.text = dir.path.string();
    trainer.post(save);
    SnapshotPtr after = waitFor([](const Snapshot& s) { return s.checkpoint_notes == 1; });
    CHECK(after->checkpoint_note == "Saved 3 new of 3 checkpoints to " + dir.path.string());
    CHECK(savedCheckpointSteps(findRunCheckpointFolder(dir.path.string(), 0)) == std::vector<int64_t>{0, 5, 10});

    Command load;
    load.kind = Command::Kind::LoadCheckpoints;
    load.text = (dir.path / "missing").string();
    trainer.post(load);
    after = waitFor([](const Snapshot& s) { return s.command_errors == 1; });
    CHECK(after->command_error.find("no folder " + load.text) != std::string::npos);
    CHECK(after->runs[0].step == 12);

    load.text = dir.path.string();
    trainer.post(load);
    after = waitFor([](const Snapshot& s) { return s.checkpoint_notes == 2; });
    CHECK(after->checkpoint_note.find("Loaded 1 run at step 10 from ") == 0);
    CHECK(after->runs[0].step == 10);
    trainer.stop();
}

TEST_CASE("a whole file whose random stream LibTorch refuses leaves every run as it was") {
    TempFolder dir("ganarium-ckpt-bad-stream");
    const std::string folder = dir.path.string();
    SceneSpec scene = makeScene(ring(), {smallRun(Objective::NonSaturating), smallRun(Objective::Hinge)}, 10);
    scene.checkpoint_every = 10;
    {
        Trainer saver(scene);
        saver.advance(10);
        saver.saveCheckpoints(folder);
    }
    // Run 2's latent stream becomes 3 bytes (a valid archive, size and CRC updated): only restore() finds out.
    const fs::path step = latestFolder(dir.path, 1);
    auto readAll = [](const fs::path& path) {
        std::ifstream in(path, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    };
    CheckpointState state = CheckpointState::deserialize(readAll(step / "state.pt"), "state.pt");
    state.put("latent_state", torch::ones({3}, torch::kUInt8));
    const std::string bytes = state.serialize();
    CheckpointHeader header = parseCheckpointHeader(readAll(step / "checkpoint.toml"), "checkpoint.toml");
    header.state_bytes = bytes.size();
    header.state_crc32 = crc32Of(bytes);
    std::ofstream(step / "state.pt", std::ios::binary | std::ios::trunc) << bytes;
    std::ofstream(step / "checkpoint.toml", std::ios::trunc) << checkpointHeaderToToml(header);

    Trainer trainer(scene);
    trainer.advance(4);
    const std::string why = errorOf([&] { trainer.loadCheckpoints(folder); });
    CHECK(why.find("run 2") != std::string::npos);
    CHECK(why.find("state was refused") != std::string::npos);
    trainer.advance(6);
    // Both runs continue as if nothing happened: the same as a trainer that never tried.
    Trainer untouched(scene);
    untouched.advance(10);
    const SnapshotPtr a = trainer.snapshot(), b = untouched.snapshot();
    for (size_t i = 0; i < 2; ++i) {
        CHECK(a->runs[i].step == 10);
        checkSameHistory(a->runs[i].metrics, b->runs[i].metrics);
    }
}
