// scene_spec.cpp — names, labels and equality of the plain scene structs.
// Parsing and validation live in scene_parser.cpp; nothing here reads TOML.
#include "core/scene_spec.h"
#include "core/metric_catalogue.h"
#include "core/objective_table.h"

#include <cassert>
#include <type_traits>

namespace ganarium {

namespace {

const char* const kFamilyNames[] = {"gaussian", "mixture",   "uniform", "two_intervals", "ring",
                                    "grid",     "swiss_roll", "two_moons", "spiral",      "circles",
                                    "gaussian2d", "line",     "blobs",   "points"};
const char* const kLipschitzNames[] = {"none", "clip", "gp", "sn"};
const char* const kActivationNames[] = {"relu", "leaky_relu", "tanh", "elu"};
const char* const kOptimizerNames[] = {"sgd", "adam", "rmsprop"};
const char* const kLatentNames[] = {"gaussian", "uniform"};

template <typename Enum, size_t N>
bool fromName(const char* const (&names)[N], const std::string& name, Enum& out) {
    for (size_t i = 0; i < N; ++i) {
        if (name == names[i]) {
            out = static_cast<Enum>(i);
            return true;
        }
    }
    return false;
}

template <size_t N>
std::vector<std::string> allNames(const char* const (&names)[N]) {
    return std::vector<std::string>(names, names + N);
}

template <size_t N>
const char* nameAt(const char* const (&names)[N], int index) {
    assert(index >= 0 && static_cast<size_t>(index) < N);
    return names[index];
}

}  // namespace

int familyDimension(DataFamily family) {
    switch (family) {
        case DataFamily::Gaussian1D:
        case DataFamily::Mixture1D:
        case DataFamily::Uniform1D:
        case DataFamily::TwoIntervals1D: return 1;
        default: return 2;
    }
}

const char* familyName(DataFamily family) { return nameAt(kFamilyNames, static_cast<int>(family)); }
const char* objectiveName(Objective objective) { return objectiveInfo(objective).name; }
const char* lipschitzName(Lipschitz lipschitz) { return nameAt(kLipschitzNames, static_cast<int>(lipschitz)); }
const char* activationName(Activation activation) { return nameAt(kActivationNames, static_cast<int>(activation)); }
const char* optimizerName(OptimizerKind kind) { return nameAt(kOptimizerNames, static_cast<int>(kind)); }
const char* latentName(LatentKind kind) { return nameAt(kLatentNames, static_cast<int>(kind)); }

bool familyFromName(const std::string& name, DataFamily& out) { return fromName(kFamilyNames, name, out); }
bool objectiveFromName(const std::string& name, Objective& out) {
    for (const ObjectiveInfo& row : objectiveTable()) {
        if (name == row.name) {
            out = row.id;
            return true;
        }
    }
    return false;
}
bool lipschitzFromName(const std::string& name, Lipschitz& out) { return fromName(kLipschitzNames, name, out); }
bool activationFromName(const std::string& name, Activation& out) { return fromName(kActivationNames, name, out); }
bool optimizerFromName(const std::string& name, OptimizerKind& out) { return fromName(kOptimizerNames, name, out); }
bool latentFromName(const std::string& name, LatentKind& out) { return fromName(kLatentNames, name, out); }

std::vector<std::string> familyNames() { return allNames(kFamilyNames); }
std::vector<std::string> objectiveNames() {
    std::vector<std::string> names;
    for (const ObjectiveInfo& row : objectiveTable()) names.emplace_back(row.name);
    return names;
}
std::vector<std::string> lipschitzNames() { return allNames(kLipschitzNames); }
std::vector<std::string> activationNames() { return allNames(kActivationNames); }
std::vector<std::string> optimizerNames() { return allNames(kOptimizerNames); }
std::vector<std::string> latentNames() { return allNames(kLatentNames); }

namespace {

// The label of a toy GAN: objective, constraint, R1 and a fixed generator.
std::string toyLabel(const ToyGanSpec& run) {
    // WGAN is named by its constraint; every other objective by its row's label plus the constraint.
    std::string label = objectiveInfo(run.objective).label;
    if (run.objective == Objective::Wasserstein) {
        switch (run.lipschitz) {
            case Lipschitz::GradientPenalty: label = "WGAN-GP"; break;
            case Lipschitz::WeightClip: label = "WGAN (weight clipping)"; break;
            case Lipschitz::SpectralNorm: label = "WGAN-SN"; break;
            case Lipschitz::None: label = "WGAN (unconstrained)"; break;
        }
    } else {
        switch (run.lipschitz) {
            case Lipschitz::GradientPenalty: label += " +GP"; break;
            case Lipschitz::WeightClip: label += " +clip"; break;
            case Lipschitz::SpectralNorm: label += " +SN"; break;
            case Lipschitz::None: break;
        }
    }
    if (run.r1_gamma > 0) label += " +R1";
    if (run.fixed_generator) label += ", fixed G";
    return label;
}

// The label of an image GAN: the toy label of the same objective, constraint and R1.
std::string imageLabel(const ImageGanSpec& image) {
    ToyGanSpec same;
    same.objective = image.objective;
    same.lipschitz = image.lipschitz;
    same.r1_gamma = image.r1_gamma;
    return toyLabel(same);
}

// The label of a CycleGAN: its objective's label and the cycle weight.
std::string cycleLabel(const CycleGanSpec& cycle) {
    ToyGanSpec same;
    same.objective = cycle.objective;
    same.lipschitz = cycle.lipschitz;
    same.r1_gamma = cycle.r1_gamma;
    return "CycleGAN, " + toyLabel(same) + (cycle.lambda_cyc > 0 ? "" : ", no cycle loss");
}

}  // namespace

std::string runLabel(const RunSpec& run) {
    if (const CycleGanSpec* cycle = cycleOf(run)) return cycleLabel(*cycle);
    if (const DiracGanSpec* dirac = diracOf(run)) return diracLabel(*dirac);
    if (const ImageGanSpec* image = imageOf(run)) {
        if (image->conditional)
            return "conditional DCGAN, " + imageLabel(*image) + (image->mismatched_pairs ? " +mismatched pairs" : "");
        return "DCGAN, " + imageLabel(*image);
    }
    const ToyGanSpec& toy = std::get<ToyGanSpec>(run.options);
    if (toy.conditional) return "conditional " + toyLabel(toy) + (toy.mismatched_pairs ? " +mismatched pairs" : "");
    return toyLabel(toy);
}

RunOptions defaultOptions(RunKind kind) {
    switch (kind) {
        case RunKind::DiracGan: return DiracGanSpec{};
        case RunKind::ImageGan: return ImageGanSpec{};
        case RunKind::CycleGan: return CycleGanSpec{};
        case RunKind::ToyGan: break;
    }
    return ToyGanSpec{};
}

bool isCriticObjective(Objective objective) { return objectiveInfo(objective).critic; }

bool operator==(const DataSpec& a, const DataSpec& b) {
    if (a.family != b.family) return false;
    switch (a.family) {
        case DataFamily::Gaussian1D: return a.mean == b.mean && a.std == b.std;
        case DataFamily::Mixture1D: return a.weights == b.weights && a.means == b.means && a.stds == b.stds;
        case DataFamily::Uniform1D: return a.low == b.low && a.high == b.high;
        case DataFamily::TwoIntervals1D:
            return a.low == b.low && a.high == b.high && a.low2 == b.low2 && a.high2 == b.high2;
        case DataFamily::Ring: return a.modes == b.modes && a.radius == b.radius && a.std == b.std;
        case DataFamily::Grid: return a.grid_n == b.grid_n && a.spacing == b.spacing && a.std == b.std;
        case DataFamily::SwissRoll:
        case DataFamily::TwoMoons:
        case DataFamily::Spiral: return a.noise == b.noise;
        case DataFamily::Circles: return a.noise == b.noise && a.radius == b.radius;
        case DataFamily::Gaussian2D: return a.center == b.center && a.std == b.std;
        case DataFamily::Line: return a.point_a == b.point_a && a.point_b == b.point_b && a.noise == b.noise;
        case DataFamily::Blobs2D:
            return a.weights == b.weights && a.means == b.means && a.stds == b.stds && a.points == b.points &&
                   (a.points.empty() || a.noise == b.noise);
        case DataFamily::Points2D: return a.points == b.points && a.noise == b.noise;
    }
    return false;
}

bool operator==(const NetSpec& a, const NetSpec& b) { return a.hidden == b.hidden && a.activation == b.activation; }

bool operator==(const OptimSpec& a, const OptimSpec& b) {
    return a.kind == b.kind && a.lr == b.lr && a.beta1 == b.beta1 && a.beta2 == b.beta2 && a.momentum == b.momentum &&
           a.alpha == b.alpha;
}

bool remediesActive(const ToyGanSpec& run) {
    return run.feature_matching || run.minibatch_discrimination || run.unrolled_steps > 0 || run.pack > 1 ||
           run.instance_noise > 0;
}

bool remediesActive(const ImageGanSpec& run) {
    return run.feature_matching || run.minibatch_stddev || run.pack > 1 || run.instance_noise > 0;
}

bool operator==(const ToyGanSpec& a, const ToyGanSpec& b) {
    return a.objective == b.objective && a.lipschitz == b.lipschitz && a.clip == b.clip &&
           a.gp_lambda == b.gp_lambda && a.gp_one_sided == b.gp_one_sided && a.r1_gamma == b.r1_gamma &&
           a.k_d == b.k_d && a.k_g == b.k_g && a.batch == b.batch && a.latent == b.latent &&
           a.latent_dim == b.latent_dim && a.g_net == b.g_net && a.d_net == b.d_net && a.g_opt == b.g_opt &&
           a.d_opt == b.d_opt && a.fixed_generator == b.fixed_generator &&
           (!a.fixed_generator || a.fixed_data == b.fixed_data) && a.conditional == b.conditional &&
           a.mismatched_pairs == b.mismatched_pairs && a.feature_matching == b.feature_matching &&
           a.minibatch_discrimination == b.minibatch_discrimination && a.unrolled_steps == b.unrolled_steps &&
           a.pack == b.pack && a.instance_noise == b.instance_noise && a.instance_noise_steps == b.instance_noise_steps;
}

bool operator==(const ImageGanSpec& a, const ImageGanSpec& b) {
    return a.objective == b.objective && a.lipschitz == b.lipschitz && a.clip == b.clip &&
           a.gp_lambda == b.gp_lambda && a.gp_one_sided == b.gp_one_sided && a.r1_gamma == b.r1_gamma &&
           a.k_d == b.k_d && a.k_g == b.k_g && a.batch == b.batch && a.latent_dim == b.latent_dim &&
           a.width == b.width && a.depth == b.depth && a.batch_norm == b.batch_norm && a.upsample == b.upsample &&
           a.g_opt == b.g_opt && a.d_opt == b.d_opt && a.classes == b.classes && a.subset == b.subset &&
           a.interpolate == b.interpolate && a.progress_steps == b.progress_steps &&
           a.conditional == b.conditional && a.mismatched_pairs == b.mismatched_pairs &&
           a.feature_matching == b.feature_matching && a.minibatch_stddev == b.minibatch_stddev && a.pack == b.pack &&
           a.instance_noise == b.instance_noise && a.instance_noise_steps == b.instance_noise_steps;
}

bool operator==(const CycleGanSpec& a, const CycleGanSpec& b) {
    return a.domain_x == b.domain_x && a.domain_y == b.domain_y && a.objective == b.objective &&
           a.lipschitz == b.lipschitz && a.clip == b.clip && a.gp_lambda == b.gp_lambda &&
           a.gp_one_sided == b.gp_one_sided && a.r1_gamma == b.r1_gamma && a.k_d == b.k_d && a.k_g == b.k_g &&
           a.batch == b.batch && a.g_net == b.g_net && a.d_net == b.d_net && a.g_opt == b.g_opt &&
           a.d_opt == b.d_opt && a.lambda_cyc == b.lambda_cyc && a.cycle_norm == b.cycle_norm &&
           a.lambda_id == b.lambda_id && a.g_noise_dim == b.g_noise_dim;
}

bool operator==(const RunSpec& a, const RunSpec& b) {
    return a.name == b.name && a.name_zh == b.name_zh && a.options == b.options;
}

bool operator==(const SceneSpec& a, const SceneSpec& b) {
    return a.title == b.title && a.caption == b.caption && a.title_zh == b.title_zh && a.caption_zh == b.caption_zh &&
           a.seed == b.seed && a.steps == b.steps &&
           a.metrics_every == b.metrics_every && a.threads == b.threads && a.display == b.display &&
           a.checkpoint_every == b.checkpoint_every && a.checkpoint_memory_mb == b.checkpoint_memory_mb &&
           a.data == b.data && a.runs == b.runs;
}

namespace {
// In PlotMetric order (views/plots_view.h): the curves tabs, from the one metric catalogue (kCurvesTabs is constant-initialised).
const std::vector<std::string> kCurveNames = curvesTabKeys();
const std::vector<std::string> kRunKindNames = {"toy", "dirac", "image_gan", "cyclegan"};
const std::vector<std::string> kCycleNormNames = {"l1", "l2"};
const std::vector<std::string> kUpsampleNames = {"transposed", "nearest"};
static_assert(std::is_same_v<std::variant_alternative_t<static_cast<size_t>(RunKind::ToyGan), RunOptions>, ToyGanSpec>);
static_assert(std::is_same_v<std::variant_alternative_t<static_cast<size_t>(RunKind::DiracGan), RunOptions>, DiracGanSpec>);
static_assert(std::is_same_v<std::variant_alternative_t<static_cast<size_t>(RunKind::ImageGan), RunOptions>, ImageGanSpec>);
static_assert(std::is_same_v<std::variant_alternative_t<static_cast<size_t>(RunKind::CycleGan), RunOptions>, CycleGanSpec>);
static_assert(std::variant_size_v<RunOptions> == 4, "a new run kind needs a name in kRunKindNames");
}  // namespace

const std::vector<std::string>& runKindNames() { return kRunKindNames; }
const std::vector<std::string>& upsampleNames() { return kUpsampleNames; }
const std::vector<std::string>& cycleNormNames() { return kCycleNormNames; }

bool sceneUsesData(const SceneSpec& scene) {
    for (const RunSpec& run : scene.runs) {
        if (kindOf(run) == RunKind::ToyGan) return true;
    }
    return false;
}

const std::vector<std::string>& curveNames() { return kCurveNames; }

}  // namespace ganarium
