// scene_spec.h — the plain, validated description of a scene: the data, the
// runs (objective, networks, optimizers), the training cadence and how the
// scene is shown (DisplayState).
// Parsing lives in scene_parser.h; nothing here touches TOML or LibTorch.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "core/dirac_gan.h"
#include "core/display_state.h"

namespace ganarium {

// Every toy data family Ganarium can sample (1D families first, then 2D).
enum class DataFamily {
    Gaussian1D,      // mean, std
    Mixture1D,       // weights[], means[], stds[]
    Uniform1D,       // low, high
    TwoIntervals1D,  // [low, high] and [low2, high2], equal mass
    Ring,            // `modes` Gaussians of std `std` on a circle of `radius`
    Grid,            // grid_n x grid_n Gaussians spaced `spacing`, std `std`
    SwissRoll,       // noise
    TwoMoons,        // noise
    Spiral,          // noise
    Circles,         // concentric circles, noise
    Gaussian2D,      // center, std
    Line,            // segment from point_a to point_b, noise
    Blobs2D,         // explicit 2D Gaussian mixture: centers[], stds[], weights[]
    Points2D,        // explicit points (CSV file or drawn in the UI), jittered by `noise`
};

// Parameters of one data distribution. Only the fields of `family` matter.
struct DataSpec {
    DataFamily family = DataFamily::Ring;
    // 1D
    double mean = 0.0, std = 0.02;                 // Gaussian1D; `std` is also the mode std of Ring/Grid/Gaussian2D
    std::vector<double> weights, means, stds;      // Mixture1D and Blobs2D (Blobs2D: means holds x0,y0,x1,y1,...)
    double low = -1.0, high = 1.0;                 // Uniform1D, first interval of TwoIntervals1D
    double low2 = 2.0, high2 = 3.0;                // second interval of TwoIntervals1D
    // 2D
    int modes = 8;                                 // Ring
    double radius = 2.0;                           // Ring, Circles (outer radius)
    int grid_n = 5;                                // Grid
    double spacing = 1.0;                          // Grid
    double noise = 0.05;                           // SwissRoll, TwoMoons, Spiral, Circles, Line, Points2D
    std::array<double, 2> center{0.0, 0.0};        // Gaussian2D
    std::array<double, 2> point_a{-1.0, 0.0};      // Line
    std::array<double, 2> point_b{1.0, 0.0};       // Line
    std::string csv_path;                          // Points2D from a file (resolved to an absolute path)
    std::vector<double> points;                    // Points2D: x0,y0,x1,y1,... (loaded from csv_path or drawn)
};

enum class Objective { Minimax, NonSaturating, MaxLikelihood, LeastSquares, Hinge, Wasserstein };
enum class Lipschitz { None, WeightClip, GradientPenalty, SpectralNorm };
enum class Activation { ReLU, LeakyReLU, Tanh, ELU };
enum class OptimizerKind { SGD, Adam, RMSprop };
enum class LatentKind { Gaussian, Uniform };

// One MLP: hidden widths (depth = hidden.size()) and activation.
struct NetSpec {
    std::vector<int> hidden{128, 128, 128};
    Activation activation = Activation::ReLU;
};

// One optimizer with its hyperparameters.
struct OptimSpec {
    OptimizerKind kind = OptimizerKind::Adam;
    double lr = 1e-4;
    double beta1 = 0.5, beta2 = 0.999;  // Adam
    double momentum = 0.0;              // SGD
    double alpha = 0.99;                // RMSprop smoothing
};

// What a run trains: the kinds of run a scene can hold side by side.
// The order is the order of RunOptions' alternatives (kindOf relies on it).
enum class RunKind {
    ToyGan,     // two MLPs on the scene's 1D/2D data (ToyGanSpec)
    DiracGan,   // the two-parameter Dirac-GAN (DiracGanSpec); ignores the scene's data
    ImageGan,   // a DCGAN pair on Fashion-MNIST images (ImageGanSpec); ignores the scene's data
    CycleGan,   // a toy CycleGAN between two 2D domains of its own (CycleGanSpec); ignores the scene's data
};

// A toy GAN's options: a generator/discriminator MLP pair trained with one objective.
struct ToyGanSpec {
    Objective objective = Objective::NonSaturating;
    Lipschitz lipschitz = Lipschitz::None;
    double clip = 0.01;                 // WeightClip: clamp D weights to [-clip, clip]
    double gp_lambda = 10.0;            // GradientPenalty weight
    bool gp_one_sided = false;          // penalise only norms above 1
    double r1_gamma = 0.0;              // R1 penalty on real samples (0 = off)
    int k_d = 1, k_g = 1;               // D steps and G steps per iteration
    int batch = 256;
    LatentKind latent = LatentKind::Gaussian;
    int latent_dim = 8;                 // 1..64
    NetSpec g_net, d_net;
    OptimSpec g_opt, d_opt;
    bool fixed_generator = false;       // P_G is `fixed_data`, only D trains
    DataSpec fixed_data;
    // Conditional toy GAN (lecture section 8; train/toy_condition.h): G(z, y) and D(x, y), y = the data's
    // mixture component, a one-hot of K = the number of components concatenated to z and to x.
    bool conditional = false;
    bool mismatched_pairs = false;      // conditional only: real x with a wrong y as extra negatives for D

    // Mode-collapse remedies (issue 12; train/toy_remedies.h, docs/remedies.md). All off by default.
    bool feature_matching = false;          // G's loss: ||mean h(real) - mean h(fake)||^2, h = D's last hidden layer
    bool minibatch_discrimination = false;  // D adds Salimans et al.'s minibatch features (16 kernels x 4 dims)
    int unrolled_steps = 0;                 // G's update sees D after this many extra D steps (first-order, 0..20)
    int pack = 1;                           // PacGAN: D sees this many samples concatenated (1..8)
    double instance_noise = 0.0;            // sigma0 of Gaussian noise on D's inputs (0 = off)
    int instance_noise_steps = 2000;        // sigma anneals linearly from sigma0 to 0 over this many steps
};

// How an image generator doubles its resolution.
enum class Upsample { TransposedConv, NearestConv };

// An image GAN's options: DCGAN-style convolutional G and D on Fashion-MNIST (28x28, one channel).
// The objective and regularizer keys are the toy GAN's; the optimizers are always Adam.
struct ImageGanSpec {
    Objective objective = Objective::NonSaturating;
    Lipschitz lipschitz = Lipschitz::None;
    double clip = 0.01;                 // WeightClip: clamp D weights to [-clip, clip]
    double gp_lambda = 10.0;            // GradientPenalty weight
    bool gp_one_sided = false;          // penalise only norms above 1
    double r1_gamma = 0.0;              // R1 penalty on real images (0 = off)
    int k_d = 1, k_g = 1;               // D steps and G steps per iteration
    int batch = 64;
    int latent_dim = 64;                // 1..256, z ~ N(0, I)
    int width = 32;                     // channels of the 14x14 layers (the 7x7 layers have twice as many)
    int depth = 2;                      // conv layers per network: 2 resolution steps, plus depth-2 at 7x7 (2..4)
    bool batch_norm = true;             // batch norm in G (D never has it: the per-sample penalties need it so)
    Upsample upsample = Upsample::TransposedConv;
    OptimSpec g_opt{OptimizerKind::Adam, 2e-4, 0.5, 0.999}, d_opt{OptimizerKind::Adam, 2e-4, 0.5, 0.999};
    std::vector<int> classes;           // Fashion-MNIST labels trained on (empty: all ten)
    int subset = 0;                     // the first this many training images of those classes (0: all)
    std::vector<int> interpolate;       // picked sample-grid tiles: {A} or {A, B} (latent interpolation, nearest neighbour)
    std::vector<int> progress_steps;    // steps the progress strip captures (empty: 100, 1000, 2000, 5000, 10000, ...)
    bool conditional = false;           // class-conditional: G(z, y) and a projection D(x, y) (lecture section 8)
    bool mismatched_pairs = false;      // conditional only: real images with a wrong label are extra negatives for D

    // Mode-collapse remedies on images (issue 12; train/image_remedies.h, docs/remedies.md). All off by default;
    // the same keys as the toy run's where they mean the same thing.
    bool feature_matching = false;      // G's loss: ||mean f(real) - mean f(fake)||^2, f = D's last conv features
    bool minibatch_stddev = false;      // D appends the batch's per-pixel std (mean over features) as one more map
    int pack = 1;                       // PacGAN: D sees this many images stacked as channels (1..8)
    double instance_noise = 0.0;        // sigma0 of Gaussian noise on D's input pixels (0 = off)
    int instance_noise_steps = 2000;    // sigma anneals linearly from sigma0 to 0 over this many steps
};

// How the cycle loss measures |G_YX(G_XY(x)) - x|: mean absolute (L1) or mean squared (L2) error.
enum class CycleNorm { L1, L2 };

// A toy CycleGAN's options (lecture section 9): G_XY and G_YX are MLPs between two unpaired 2D domains
// X and Y (no latent unless g_noise_dim > 0), with critics D_X and D_Y under one objective of the
// objective table.
struct CycleGanSpec {
    DataSpec domain_x, domain_y;        // [run.domain_x], [run.domain_y]: 2D families (rings by default)
    Objective objective = Objective::LeastSquares;
    Lipschitz lipschitz = Lipschitz::None;
    double clip = 0.01;                 // WeightClip: clamp D weights to [-clip, clip]
    double gp_lambda = 10.0;            // GradientPenalty weight
    bool gp_one_sided = false;          // penalise only norms above 1
    double r1_gamma = 0.0;              // R1 penalty on real samples (0 = off)
    int k_d = 1, k_g = 1;               // critic steps and generator steps per iteration
    int batch = 256;
    NetSpec g_net{{64, 64}, Activation::ReLU}, d_net{{64, 64}, Activation::ReLU};
    OptimSpec g_opt{OptimizerKind::Adam, 1e-3, 0.5, 0.999}, d_opt{OptimizerKind::Adam, 1e-3, 0.5, 0.999};
    double lambda_cyc = 10.0;           // weight of the cycle loss (0: two independent GANs)
    CycleNorm cycle_norm = CycleNorm::L1;
    double lambda_id = 0.0;             // weight of the identity loss |G_XY(y) - y| + |G_YX(x) - x|
    int g_noise_dim = 0;                // standard normal inputs z beside each G's 2D input (0: G(x) alone)
};

// The kind-specific options of a run: one plain struct per RunKind, in RunKind order.
using RunOptions = std::variant<ToyGanSpec, DiracGanSpec, ImageGanSpec, CycleGanSpec>;

// One run: its panel title and the options of its kind. `name` sits beside the
// variant because every kind has one (the scene file's `name` key, the panel title).
struct RunSpec {
    std::string name;                   // panel title; defaults to runLabel()
    std::string name_zh;                // Chinese panel title (`name_zh`); empty: `name` in both languages
    RunOptions options;                 // a toy GAN unless set otherwise
};

// The kind of `run` (which alternative of `options` it holds).
inline RunKind kindOf(const RunSpec& run) { return static_cast<RunKind>(run.options.index()); }
// The toy-GAN options of `run`, or nullptr for another kind.
inline const ToyGanSpec* toyOf(const RunSpec& run) { return std::get_if<ToyGanSpec>(&run.options); }
inline ToyGanSpec* toyOf(RunSpec& run) { return std::get_if<ToyGanSpec>(&run.options); }
// The Dirac-GAN options of `run`, or nullptr for another kind.
inline const DiracGanSpec* diracOf(const RunSpec& run) { return std::get_if<DiracGanSpec>(&run.options); }
inline DiracGanSpec* diracOf(RunSpec& run) { return std::get_if<DiracGanSpec>(&run.options); }
// The image-GAN options of `run`, or nullptr for another kind.
inline const ImageGanSpec* imageOf(const RunSpec& run) { return std::get_if<ImageGanSpec>(&run.options); }
inline ImageGanSpec* imageOf(RunSpec& run) { return std::get_if<ImageGanSpec>(&run.options); }
// The CycleGAN options of `run`, or nullptr for another kind.
inline const CycleGanSpec* cycleOf(const RunSpec& run) { return std::get_if<CycleGanSpec>(&run.options); }
inline CycleGanSpec* cycleOf(RunSpec& run) { return std::get_if<CycleGanSpec>(&run.options); }
// Default options of `kind` (used when a scene file switches a run's kind).
RunOptions defaultOptions(RunKind kind);

// The most runs a scene holds side by side (the parser, the trainer, the run editor and the fuzzer all read it).
inline constexpr int kMaxRunsPerScene = 6;

struct LessonSpec;  // core/lesson.h

// A whole scene: title, data, 1..kMaxRunsPerScene runs and the cadence.
struct SceneSpec {
    std::string title = "Untitled scene";
    std::string caption;                // optional one-line explanation shown under the title
    std::string title_zh, caption_zh;   // Chinese title and caption (empty: the English ones)
    std::string source_path;            // file it came from ("<embedded>" for the default scene)
    uint64_t seed = 1;
    int64_t steps = 5000;               // default length of `ganarium train` and recordings
    int metrics_every = 50;             // M: metrics cadence in iterations
    int64_t checkpoint_every = 250;     // a checkpoint of every run each this many iterations (0 = none)
    int checkpoint_memory_mb = 64;      // per run: older checkpoints are thinned out beyond this much memory
    int threads = 2;                    // trainer threads (runs are spread across them)
    DisplayState display;               // layers, curves tab, panel grid, view box ([scene] show/hide/curves/layout/view)
    DataSpec data;
    std::vector<RunSpec> runs;          // 1..6
    std::shared_ptr<const LessonSpec> lesson;  // [[lesson.step]] tables (null: not a lesson); not written by "save as"
};

// Scene-file names of the curves panel's tabs, in tab order, for [scene] curves.
const std::vector<std::string>& curveNames();

// Scene-file spellings of the run kinds ("toy", "dirac", "image_gan", "cyclegan"), in declaration order.
const std::vector<std::string>& runKindNames();
// True when at least one run of `scene` trains on the scene's data (a toy GAN).
bool sceneUsesData(const SceneSpec& scene);

// Dimension (1 or 2) of a data family.
int familyDimension(DataFamily family);

// Canonical scene-file spellings (e.g. "non_saturating", "ring") and display labels.
const char* familyName(DataFamily family);
const char* objectiveName(Objective objective);
const char* lipschitzName(Lipschitz lipschitz);
const char* activationName(Activation activation);
const char* optimizerName(OptimizerKind kind);
const char* latentName(LatentKind kind);
// Scene-file spellings of the cycle-loss norms ("l1", "l2"), in declaration order.
const std::vector<std::string>& cycleNormNames();
// Scene-file spellings of the image upsampling modes ("transposed", "nearest"), in declaration order.
const std::vector<std::string>& upsampleNames();

// Short label for a panel title, e.g. "WGAN-GP", "Non-saturating GAN".
std::string runLabel(const RunSpec& run);

// True for objectives whose D is an unbounded critic (Wasserstein, hinge).
bool isCriticObjective(Objective objective);

// Parse a canonical spelling back to its enum value; false when unknown.
bool familyFromName(const std::string& name, DataFamily& out);
bool objectiveFromName(const std::string& name, Objective& out);
bool lipschitzFromName(const std::string& name, Lipschitz& out);
bool activationFromName(const std::string& name, Activation& out);
bool optimizerFromName(const std::string& name, OptimizerKind& out);
bool latentFromName(const std::string& name, LatentKind& out);

// Every canonical spelling of each enum, in declaration order (for menus and error messages).
std::vector<std::string> familyNames();
std::vector<std::string> objectiveNames();
std::vector<std::string> lipschitzNames();
std::vector<std::string> activationNames();
std::vector<std::string> optimizerNames();
std::vector<std::string> latentNames();

// Field-by-field equality (used by the save/load round trip).
bool operator==(const DataSpec& a, const DataSpec& b);
bool operator==(const NetSpec& a, const NetSpec& b);
bool operator==(const OptimSpec& a, const OptimSpec& b);
bool operator==(const ToyGanSpec& a, const ToyGanSpec& b);
// True when any mode-collapse remedy of `run` is on (its training steps then go through train/toy_remedies.cpp).
bool remediesActive(const ToyGanSpec& run);
// Whether any mode-collapse remedy of an image run is on.
bool remediesActive(const ImageGanSpec& run);
bool operator==(const ImageGanSpec& a, const ImageGanSpec& b);
bool operator==(const CycleGanSpec& a, const CycleGanSpec& b);
bool operator==(const RunSpec& a, const RunSpec& b);
bool operator==(const SceneSpec& a, const SceneSpec& b);
inline bool operator!=(const SceneSpec& a, const SceneSpec& b) { return !(a == b); }

}  // namespace ganarium
