// scene_run_section.cpp — reads the keys of a [[run]] table (and of
// [defaults], which holds the same keys) into a RunSpec: the common `kind`
// and `name`, then one reader per kind's options struct (applyKindKeys).
#include "core/scene_sections.h"

#include <cmath>

namespace ganarium::detail {

std::vector<std::string> runKeys() {
    return {
        "name",        "name_zh",     "kind",        "objective",    "lipschitz",     "clip",        "gp_lambda",   "gp_one_sided",
        "r1_gamma",    "k_d",          "k_g",           "batch",       "latent",      "latent_dim",
        "g_hidden",    "d_hidden",     "activation",    "g_activation", "d_activation", "optimizer",
        "g_optimizer", "d_optimizer",  "g_lr",          "d_lr",        "beta1",       "beta2",
        "g_beta1",     "d_beta1",      "g_beta2",       "d_beta2",     "momentum",    "g_momentum",
        "d_momentum",  "rms_alpha",    "g_rms_alpha",   "d_rms_alpha", "fixed_generator", "fixed_data",
        "conditional", "mismatched_pairs",
        // mode-collapse remedies
        "feature_matching", "minibatch_discrimination", "unrolled_steps", "pack", "instance_noise", "instance_noise_steps"};
}

std::vector<std::string> diracRunKeys() {
    return {"name",      "name_zh",  "kind",     "method",    "scheme",     "h",         "n_d",
            "clip",      "gp_lambda", "gp_target", "r1_gamma",  "noise_std", "consensus_gamma", "start"};
}

std::vector<std::string> imageRunKeys() {
    return {"name",      "name_zh",  "kind",     "objective", "lipschitz",  "clip",     "gp_lambda", "gp_one_sided",
            "r1_gamma",  "k_d",      "k_g",       "batch",      "latent_dim", "width",   "depth",
            "batch_norm", "upsample", "g_lr",     "d_lr",       "beta1",    "beta2",     "g_beta1",
            "d_beta1",   "g_beta2",  "d_beta2",   "classes",    "subset",
            "interpolate", "progress_steps", "conditional", "mismatched_pairs",
            // mode-collapse remedies (minibatch_discrimination and unrolled_steps are read only to refuse them)
            "feature_matching", "minibatch_stddev", "pack", "instance_noise", "instance_noise_steps",
            "minibatch_discrimination", "unrolled_steps"};
}

std::vector<std::string> cycleRunKeys() {
    return {"name",      "name_zh",   "kind",       "objective",  "lipschitz", "clip",       "gp_lambda", "gp_one_sided",
            "r1_gamma",  "k_d",       "k_g",        "batch",      "g_hidden",  "d_hidden",   "activation", "g_activation",
            "d_activation", "g_lr",   "d_lr",       "beta1",      "beta2",     "g_beta1",    "d_beta1",   "g_beta2",
            "d_beta2",   "lambda_cyc", "cycle_norm", "lambda_id", "domain_x",  "domain_y",
            "g_noise_dim"};
}

namespace {

const Range kLr{0, 10, true, false, "> 0 (and at most 10)"};
const Range kUnit{0, 1, false, true, "0 <= value < 1"};
// Penalty weights beyond this overflow float32 losses at the first step.
const Range kPenaltyWeight{0, 1000, false, false, "0..1000"};

// Reads `key` into both nets' fields, then g_key / d_key into one each.
template <typename T, typename ReadFn>
void readShared(const std::string& key, T& g, T& d, ReadFn read) {
    T v{};
    if (read(key, v)) g = d = v;
    read("g_" + key, g);
    read("d_" + key, d);
}

// Reads `kind` when present; false when absent.
bool readRunKind(const TableReader& r, RunKind& kind) {
    int choice = 0;
    if (!r.readChoice("kind", runKindNames(), choice)) return false;
    kind = static_cast<RunKind>(choice);
    return true;
}

// The objective and regularizer keys toy and image runs share (same names, same ranges).
template <typename GanSpec>
void readObjectiveKeys(const TableReader& r, GanSpec& run) {
    int choice = 0;
    if (r.readChoice("objective", objectiveNames(), choice)) run.objective = static_cast<Objective>(choice);
    if (r.readChoice("lipschitz", lipschitzNames(), choice)) run.lipschitz = static_cast<Lipschitz>(choice);
    r.readNumber("clip", run.clip, Range{0, 100, true, false, "> 0 (and at most 100)"});
    r.readNumber("gp_lambda", run.gp_lambda, kPenaltyWeight);
    r.readBool("gp_one_sided", run.gp_one_sided);
    r.readNumber("r1_gamma", run.r1_gamma, kPenaltyWeight);
    r.readInt("k_d", run.k_d, Range{1, 100, false, false, "1..100"});
    r.readInt("k_g", run.k_g, Range{1, 100, false, false, "1..100"});
}

// The panel titles every kind has: `name` and its Chinese `name_zh`.
void readRunNames(const TableReader& r, RunSpec& run) {
    r.readString("name", run.name);
    r.readString("name_zh", run.name_zh);
}

// The Dirac-GAN's keys (a key of another kind is an unknown key).
void applyKindKeys(const TableReader& r, RunSpec& run, DiracGanSpec& d) {
    r.rejectUnknown(diracRunKeys());
    readRunNames(r, run);
    int choice = 0;
    if (r.readChoice("method", diracMethodNames(), choice)) d.method = static_cast<DiracMethod>(choice);
    if (r.readChoice("scheme", diracSchemeNames(), choice)) d.scheme = static_cast<DiracScheme>(choice);
    r.readNumber("h", d.h, Range{0, 10, true, false, "> 0 (and at most 10)"});
    r.readInt("n_d", d.n_d, Range{1, 100, false, false, "1..100"});
    r.readNumber("clip", d.clip, Range{0, 100, true, false, "> 0 (and at most 100)"});
    const Range weight{0, 1000, false, false, "0..1000"};
    r.readNumber("gp_lambda", d.gp_lambda, weight);
    r.readNumber("gp_target", d.gp_target, Range{0, 100, false, false, "0..100"});
    r.readNumber("r1_gamma", d.r1_gamma, weight);
    r.readNumber("noise_std", d.noise_std, Range{0, 100, false, false, "0..100"});
    r.readNumber("consensus_gamma", d.consensus_gamma, weight);
    std::array<double, 2> start{d.theta0, d.psi0};
    if (r.readPair("start", start)) {
        for (double v : start) {
            if (!(std::fabs(v) <= 1000)) r.fail("start", "expected [theta, psi] with each in -1000..1000");
        }
        d.theta0 = start[0], d.psi0 = start[1];
    }
}

// The MLP pair's keys of toy-sized runs: `g_hidden`, `d_hidden` (widths per layer) and `activation`
// (shared, or `g_activation` / `d_activation`).
void readNetKeys(const TableReader& r, NetSpec& g, NetSpec& d) {
    const Range widths{1, 4096, false, false, "1..4096 units per layer"};
    for (const char* key : {"g_hidden", "d_hidden"}) {
        std::vector<int> hidden;
        if (!r.readInts(key, hidden, widths)) continue;
        if (hidden.size() > 8) r.fail(key, "at most 8 hidden layers, got " + std::to_string(hidden.size()));
        (key[0] == 'g' ? g : d).hidden = hidden;
    }
    auto activation = [&](const std::string& key, Activation& out) {
        int i = 0;
        if (!r.readChoice(key, activationNames(), i)) return false;
        out = static_cast<Activation>(i);
        return true;
    };
    readShared("activation", g.activation, d.activation, activation);
}

// The conditional toy GAN's keys (the data's check is checkConditionalData, once [data] is known).
void readConditionKeys(const TableReader& r, ToyGanSpec& run) {
    const bool conditional_set = r.readBool("conditional", run.conditional);
    const bool mismatched_set = r.readBool("mismatched_pairs", run.mismatched_pairs);
    if (run.mismatched_pairs && !run.conditional && (mismatched_set || conditional_set))
        r.fail("mismatched_pairs", "needs conditional = true (a label to mismatch); set it in this table or in [defaults]");
    if (run.conditional && run.fixed_generator && (conditional_set || r.table().get("fixed_generator")))
        r.fail("conditional", "a fixed generator has no condition input; remove `conditional` or `fixed_generator`");
}

// The mode-collapse remedies of a toy GAN (train/toy_remedies.h).
void readRemedyKeys(const TableReader& r, ToyGanSpec& run) {
    r.readBool("feature_matching", run.feature_matching);
    r.readBool("minibatch_discrimination", run.minibatch_discrimination);
    r.readInt("unrolled_steps", run.unrolled_steps, Range{0, 20, false, false, "0..20 (0 = off)"});
    r.readInt("pack", run.pack, Range{1, 8, false, false, "1..8 samples per pack (1 = off)"});
    r.readNumber("instance_noise", run.instance_noise, Range{0, 10, false, false, "0..10 (0 = off)"});
    r.readInt("instance_noise_steps", run.instance_noise_steps, Range{1, 1000000000, false, false, "1..1e9 steps"});
    if (run.conditional && remediesActive(run)) {
        for (const char* key : {"feature_matching", "minibatch_discrimination", "unrolled_steps", "pack", "instance_noise"})
            if (r.table().get(key))
                r.fail(key, "the mode-collapse remedies do not combine with conditional = true (yet); use them in an unconditional run");
        r.fail("conditional", "the mode-collapse remedies do not combine with conditional = true (yet); use them in an unconditional run");
    }
}

// The toy GAN's keys (a key of another kind is an unknown key).
void applyKindKeys(const TableReader& r, RunSpec& spec, ToyGanSpec& run) {
    if (r.table().get("minibatch_stddev"))
        r.fail("minibatch_stddev", "is a remedy of image runs (kind = \"image_gan\"); toy runs have minibatch_discrimination = true");
    r.rejectUnknown(runKeys());
    readRunNames(r, spec);
    readObjectiveKeys(r, run);
    int choice = 0;
    if (r.readChoice("latent", latentNames(), choice)) run.latent = static_cast<LatentKind>(choice);
    r.readInt("batch", run.batch, Range{1, 65536, false, false, "1..65536"});
    r.readInt("latent_dim", run.latent_dim, Range{1, 64, false, false, "1..64"});
    readNetKeys(r, run.g_net, run.d_net);
    auto optimizer = [&](const std::string& key, OptimizerKind& out) {
        int i = 0;
        if (!r.readChoice(key, optimizerNames(), i)) return false;
        out = static_cast<OptimizerKind>(i);
        return true;
    };
    readShared("optimizer", run.g_opt.kind, run.d_opt.kind, optimizer);
    r.readNumber("g_lr", run.g_opt.lr, kLr);
    r.readNumber("d_lr", run.d_opt.lr, kLr);
    auto unit = [&](const std::string& key, double& out) { return r.readNumber(key, out, kUnit); };
    readShared("beta1", run.g_opt.beta1, run.d_opt.beta1, unit);
    readShared("beta2", run.g_opt.beta2, run.d_opt.beta2, unit);
    readShared("momentum", run.g_opt.momentum, run.d_opt.momentum, unit);
    readShared("rms_alpha", run.g_opt.alpha, run.d_opt.alpha, unit);
    r.readBool("fixed_generator", run.fixed_generator);
    readConditionKeys(r, run);
    readRemedyKeys(r, run);
}

// The image views' keys: the picked sample tiles and the progress strip's capture steps.
void readImageViewKeys(const TableReader& r, ImageGanSpec& run) {
    std::vector<int> tiles;
    if (r.readInts("interpolate", tiles, Range{0, 63, false, false, "sample-grid tiles 0..63 (row by row)"})) {
        if (tiles.size() > 2) r.fail("interpolate", "expected one or two tiles [A, B], got " + std::to_string(tiles.size()));
        run.interpolate = tiles;
    }
    std::vector<int> steps;
    if (r.readInts("progress_steps", steps, Range{1, 1000000000, false, false, "steps 1..1e9"})) {
        if (steps.size() > 16) r.fail("progress_steps", "at most 16 steps, got " + std::to_string(steps.size()));
        for (size_t i = 1; i < steps.size(); ++i)
            if (steps[i] <= steps[i - 1]) r.fail("progress_steps", "expected increasing steps, e.g. [100, 1000, 2000]");
        run.progress_steps = steps;
    }
}

// The mode-collapse remedies of an image GAN (train/image_remedies.h): the toy run's keys where they mean the same.
void readImageRemedyKeys(const TableReader& r, ImageGanSpec& run) {
    if (r.table().get("minibatch_discrimination"))
        r.fail("minibatch_discrimination",
               "not built for image runs (its T tensor on D's 3136 flattened features would outweigh D); "
               "use minibatch_stddev = true, the cheaper batch-statistics feature (Karras et al. 2018)");
    if (r.table().get("unrolled_steps"))
        r.fail("unrolled_steps",
               "not built for image runs: each G step would take that many extra convolutional D steps "
               "(k times slower on this CPU); try feature_matching, minibatch_stddev or pack");
    r.readBool("feature_matching", run.feature_matching);
    r.readBool("minibatch_stddev", run.minibatch_stddev);
    r.readInt("pack", run.pack, Range{1, 8, false, false, "1..8 images per pack (1 = off)"});
    r.readNumber("instance_noise", run.instance_noise, Range{0, 10, false, false, "0..10 (0 = off)"});
    r.readInt("instance_noise_steps", run.instance_noise_steps, Range{1, 1000000000, false, false, "1..1e9 steps"});
    if (run.conditional && remediesActive(run)) {
        for (const char* key : {"feature_matching", "minibatch_stddev", "pack", "instance_noise"})
            if (r.table().get(key))
                r.fail(key, "the mode-collapse remedies do not combine with conditional = true (yet); use them in an unconditional run");
        r.fail("conditional", "the mode-collapse remedies do not combine with conditional = true (yet); use them in an unconditional run");
    }
    if (run.minibatch_stddev && run.batch < 2 && (r.table().get("minibatch_stddev") || r.table().get("batch")))
        r.fail("minibatch_stddev", "needs batch >= 2 (a standard deviation across the batch)");
}

// The image GAN's keys: the toy GAN's objective, regularizer and Adam keys plus the networks and data subset.
void applyKindKeys(const TableReader& r, RunSpec& spec, ImageGanSpec& run) {
    r.rejectUnknown(imageRunKeys());
    readRunNames(r, spec);
    readObjectiveKeys(r, run);
    int choice = 0;
    if (r.readChoice("upsample", upsampleNames(), choice)) run.upsample = static_cast<Upsample>(choice);
    r.readInt("batch", run.batch, Range{1, 1024, false, false, "1..1024"});
    r.readInt("latent_dim", run.latent_dim, Range{1, 256, false, false, "1..256"});
    r.readInt("width", run.width, Range{1, 512, false, false, "1..512 channels"});
    r.readInt("depth", run.depth, Range{2, 4, false, false, "2..4 conv layers"});
    r.readBool("batch_norm", run.batch_norm);
    r.readNumber("g_lr", run.g_opt.lr, kLr);
    r.readNumber("d_lr", run.d_opt.lr, kLr);
    auto unit = [&](const std::string& key, double& out) { return r.readNumber(key, out, kUnit); };
    readShared("beta1", run.g_opt.beta1, run.d_opt.beta1, unit);
    readShared("beta2", run.g_opt.beta2, run.d_opt.beta2, unit);
    std::vector<int> classes;
    if (r.readInts("classes", classes, Range{0, 9, false, false, "Fashion-MNIST labels 0..9"})) {
        if (classes.empty()) r.fail("classes", "expected at least one label 0..9 (leave the key out for all ten)");
        run.classes = classes;
    }
    r.readInt("subset", run.subset, Range{0, 60000, false, false, "0..60000 images (0: all)"});
    readImageViewKeys(r, run);
    const bool conditional_set = r.readBool("conditional", run.conditional);
    const bool mismatched_set = r.readBool("mismatched_pairs", run.mismatched_pairs);
    if (run.mismatched_pairs && (mismatched_set || conditional_set)) {
        if (!run.conditional)
            r.fail("mismatched_pairs", "needs conditional = true (a label to mismatch); set it in this table or in [defaults]");
        if (run.classes.size() == 1)
            r.fail("mismatched_pairs", "needs at least two classes (a wrong label); add a label to `classes` or remove the key");
    }
    readImageRemedyKeys(r, run);
}

// The toy CycleGAN's keys (its [run.domain_x] / [run.domain_y] tables are read by the scene parser).
void applyKindKeys(const TableReader& r, RunSpec& spec, CycleGanSpec& run) {
    r.rejectUnknown(cycleRunKeys());
    readRunNames(r, spec);
    readObjectiveKeys(r, run);
    r.readInt("batch", run.batch, Range{1, 65536, false, false, "1..65536"});
    readNetKeys(r, run.g_net, run.d_net);
    r.readNumber("g_lr", run.g_opt.lr, kLr);
    r.readNumber("d_lr", run.d_opt.lr, kLr);
    auto unit = [&](const std::string& key, double& out) { return r.readNumber(key, out, kUnit); };
    readShared("beta1", run.g_opt.beta1, run.d_opt.beta1, unit);
    readShared("beta2", run.g_opt.beta2, run.d_opt.beta2, unit);
    r.readNumber("lambda_cyc", run.lambda_cyc, kPenaltyWeight);
    r.readNumber("lambda_id", run.lambda_id, kPenaltyWeight);
    r.readInt("g_noise_dim", run.g_noise_dim, Range{0, 64, false, false, "0..64 (0 = no noise input)"});
    int choice = 0;
    if (r.readChoice("cycle_norm", cycleNormNames(), choice)) run.cycle_norm = static_cast<CycleNorm>(choice);
}

}  // namespace

void applyRunKeys(const TableReader& r, RunSpec& run) {
    RunKind kind = kindOf(run);
    if (readRunKind(r, kind) && kind != kindOf(run)) run.options = defaultOptions(kind);
    std::visit([&](auto& options) { applyKindKeys(r, run, options); }, run.options);
}

}  // namespace ganarium::detail
