// memory_estimate.cpp — counts floats per run from the spec alone. Factors are
// rounded up: it is better to refuse a scene that would just fit than to let
// LibTorch run out of memory after minutes.
#include "core/memory_estimate.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/regular_file.h"

namespace ganarium {
namespace {

constexpr double kFloatBytes = 4;               // LibTorch trains in float32
constexpr double kEvaluationRows = 8192;        // D on the view grid (4096-row chunks), metric and display samples
constexpr double kAllocatorSlack = 1.5;         // fragmentation and temporaries not counted below
constexpr double kLibTorchWorkingSet = 100e6;   // the library itself, per process
constexpr double kDiracRunBytes = 1e6;          // two numbers, a trajectory and a small field (Dirac runs)
constexpr double kImageRunBytes = 150e6;        // Fashion-MNIST bytes (47 MB) and a small DCGAN's activations

// Weights of an MLP in -> hidden... -> out (biases included).
double parameterCount(int in, const std::vector<int>& hidden, int out) {
    double count = 0;
    int previous = in;
    for (int width : hidden) {
        count += static_cast<double>(previous) * width + width;
        previous = width;
    }
    return count + static_cast<double>(previous) * out + out;
}

// Values one sample leaves along an MLP's layers (inputs, hidden widths, output).
double activationWidth(int in, const std::vector<int>& hidden, int out) {
    double sum = in + out;
    for (int width : hidden) sum += width;
    return sum;
}

// Floats each weight needs: itself, its gradient and the optimizer's state.
double floatsPerWeight(const OptimSpec& optimizer) {
    switch (optimizer.kind) {
        case OptimizerKind::Adam: return 4;
        case OptimizerKind::RMSprop: return 4;  // square average, plus momentum buffers when used
        case OptimizerKind::SGD: return 3;
    }
    return 4;
}

std::string widthsText(const std::vector<int>& hidden) {
    if (hidden.empty()) return "no hidden layer";
    const bool uniform = std::all_of(hidden.begin(), hidden.end(), [&](int w) { return w == hidden.front(); });
    if (uniform) return std::to_string(hidden.size()) + " x " + std::to_string(hidden.front());
    std::string out;
    for (int w : hidden) out += (out.empty() ? "" : ", ") + std::to_string(w);
    return "[" + out + "]";
}

// A toy CycleGAN: G_XY and G_YX ((2 + g_noise_dim) -> 2), D_X and D_Y (2 -> 1), each with gradients and
// optimizer state; both directions' activations in each step; the cycle and identity terms' extra G passes.
double cycleRunBytes(const CycleGanSpec& run) {
    const double batch = run.batch;
    const int g_in = 2 + run.g_noise_dim;
    const double g_weights = parameterCount(g_in, run.g_net.hidden, 2);
    const double d_weights = parameterCount(2, run.d_net.hidden, 1);
    const double state = 2 * (g_weights * floatsPerWeight(run.g_opt) + d_weights * floatsPerWeight(run.d_opt));
    const double g_width = activationWidth(g_in, run.g_net.hidden, 2);
    const double d_width = activationWidth(2, run.d_net.hidden, 1);
    // A critic step, per domain: D forward on a real and a translated batch kept for backward (pre- and
    // post-activation), G's forward for the translations, and the gradients flowing back.
    double d_step = 2 * batch * (4 * d_width + 2 * g_width + 2 * d_width);
    if (run.lipschitz == Lipschitz::GradientPenalty || run.r1_gamma > 0) d_step += 2 * batch * 6 * d_width;
    // A generator step, per direction: the translation, the way back (cycle) and the identity pass through
    // a G with graph, D on the translation and on the real batch, and the same again for the gradients.
    const double g_passes = 1 + (run.lambda_cyc > 0 ? 1 : 0) + (run.lambda_id > 0 ? 1 : 0);
    const double g_step = 2 * batch * 2 * (g_passes * 2 * g_width + 3 * d_width);
    // Evaluation: metric and display points of both domains, each through G twice (out and back).
    const double evaluation = kEvaluationRows * 2 * 2 * g_width;
    return kFloatBytes * kAllocatorSlack * (state + std::max(d_step, g_step) + evaluation);
}

// The batch and widths of a toy or CycleGAN run, which the refusal names.
struct SizeKeys {
    int batch;
    const NetSpec* g_net;
    const NetSpec* d_net;
};

// Fills `out` for a toy or CycleGAN run; false for other kinds.
bool sizeKeysOf(const RunSpec& spec, SizeKeys& out) {
    if (const ToyGanSpec* toy = toyOf(spec)) {
        out = {toy->batch, &toy->g_net, &toy->d_net};
        return true;
    }
    if (const CycleGanSpec* cycle = cycleOf(spec)) {
        out = {cycle->batch, &cycle->g_net, &cycle->d_net};
        return true;
    }
    return false;
}

}  // namespace

double estimateRunBytes(const RunSpec& spec, int data_dim) {
    if (const CycleGanSpec* cycle = cycleOf(spec)) return cycleRunBytes(*cycle);
    const ToyGanSpec* toy = toyOf(spec);
    if (!toy) return imageOf(spec) ? kImageRunBytes : kDiracRunBytes;
    const ToyGanSpec& run = *toy;
    const double batch = run.batch;
    const double g_weights = parameterCount(run.latent_dim, run.g_net.hidden, data_dim);
    const double d_weights = parameterCount(data_dim, run.d_net.hidden, 1);
    const double state = g_weights * floatsPerWeight(run.g_opt) + d_weights * floatsPerWeight(run.d_opt);
    const double g_width = activationWidth(run.latent_dim, run.g_net.hidden, data_dim);
    const double d_width = activationWidth(data_dim, run.d_net.hidden, 1);
    // A D step: D forward on a real and a fake batch, kept for backward (pre- and post-activation),
    // G's forward for the fakes, and the gradients flowing back.
    double d_step = batch * (4 * d_width + 2 * g_width + 2 * d_width);
    // A gradient penalty (or R1) differentiates D's input gradient again: three more passes over D.
    if (run.lipschitz == Lipschitz::GradientPenalty || run.r1_gamma > 0) d_step += batch * 6 * d_width;
    // A G step: G and D forward with graph, and the same again for the gradients.
    const double g_step = batch * 2 * (2 * g_width + 2 * d_width);
    const double evaluation = kEvaluationRows * 2 * (g_width + d_width);
    return kFloatBytes * kAllocatorSlack * (state + std::max(d_step, g_step) + evaluation);
}

double estimateSceneBytes(const SceneSpec& scene) {
    const int dim = familyDimension(scene.data.family);
    double total = kLibTorchWorkingSet;
    for (const RunSpec& run : scene.runs) total += estimateRunBytes(run, dim);
    return total;
}

double memAvailableFromMeminfo(const std::string& meminfo_text) {
    std::istringstream in(meminfo_text);
    std::string name;
    double kb = 0, available = 0, free = 0;
    std::string unit;
    while (in >> name >> kb) {
        std::getline(in, unit);
        if (name == "MemAvailable:") available = kb * 1024;
        if (name == "MemFree:") free = kb * 1024;
    }
    return available > 0 ? available : free;
}

double availableMemoryBytes() {
    if (const char* limit = std::getenv(kMemoryLimitVariable); limit && *limit) {
        char* end = nullptr;
        const double mb = std::strtod(limit, &end);
        if (end != limit && mb > 0) return mb * 1e6;
    }
    std::ifstream meminfo("/proc/meminfo");
    if (!meminfo) return 0;
    std::ostringstream text;
    text << meminfo.rdbuf();
    return memAvailableFromMeminfo(text.str());
}

std::string memoryProblem(const SceneSpec& scene, double available_bytes, size_t& largest_run) {
    largest_run = 0;
    if (available_bytes <= 0 || scene.runs.empty()) return "";
    const double needed = estimateSceneBytes(scene);
    if (needed <= available_bytes) return "";
    const int dim = familyDimension(scene.data.family);
    double largest = 0;
    for (size_t i = 0; i < scene.runs.size(); ++i) {
        const double bytes = estimateRunBytes(scene.runs[i], dim);
        if (bytes > largest) largest = bytes, largest_run = i;
    }
    SizeKeys keys{};
    const bool sized = sizeKeysOf(scene.runs[largest_run], keys);
    std::string message = "needs about " + describeBytes(needed) + " of memory to train";
    if (scene.runs.size() > 1) message += " (this run alone about " + describeBytes(largest) + ")";
    message += ", this machine has " + describeBytes(available_bytes) + " available";
    if (std::getenv(kMemoryLimitVariable)) message += std::string(" (") + kMemoryLimitVariable + ")";
    if (sized)
        message += "; lower batch (" + std::to_string(keys.batch) + ") or the hidden widths (g_hidden " +
                   widthsText(keys.g_net->hidden) + ", d_hidden " + widthsText(keys.d_net->hidden) + ")";
    return message;
}

}  // namespace ganarium
