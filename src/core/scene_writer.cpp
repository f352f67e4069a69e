// scene_writer.cpp — SceneSpec back to TOML text ("save scene as"). Every run
// is written in full, so the text parses back to an equal spec.
#include <cstdio>
#include <sstream>

#include "core/quoted_string.h"
#include "core/scene_parser.h"
#include "core/scene_sections.h"

namespace ganarium {
namespace {

using detail::formatNumber;

// A TOML basic string with the needed escapes.
std::string quote(const std::string& s) { return quotedString(s); }

std::string numbers(const std::vector<double>& v) {
    std::string out = "[";
    for (size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + formatNumber(v[i]);
    return out + "]";
}

std::string pairs(const std::vector<double>& v) {
    std::string out = "[";
    for (size_t i = 0; i + 1 < v.size(); i += 2)
        out += (i ? ", [" : "[") + formatNumber(v[i]) + ", " + formatNumber(v[i + 1]) + "]";
    return out + "]";
}

std::string ints(const std::vector<int>& v) {
    std::string out = "[";
    for (size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + std::to_string(v[i]);
    return out + "]";
}

void writeData(std::ostringstream& out, const DataSpec& d) {
    out << "family = " << quote(familyName(d.family)) << "\n";
    const bool blobs = d.family == DataFamily::Blobs2D;
    for (const auto& key : detail::dataKeysOfFamily(d.family)) {
        if (key == "mean") out << "mean = " << formatNumber(d.mean) << "\n";
        else if (key == "std") out << "std = " << formatNumber(d.std) << "\n";
        else if (key == "weights" && !d.weights.empty()) out << "weights = " << numbers(d.weights) << "\n";
        else if (key == "means") out << "means = " << (blobs ? pairs(d.means) : numbers(d.means)) << "\n";
        else if (key == "stds" && !d.stds.empty()) out << "stds = " << numbers(d.stds) << "\n";
        else if (key == "low") out << "low = " << formatNumber(d.low) << "\n";
        else if (key == "high") out << "high = " << formatNumber(d.high) << "\n";
        else if (key == "low2") out << "low2 = " << formatNumber(d.low2) << "\n";
        else if (key == "high2") out << "high2 = " << formatNumber(d.high2) << "\n";
        else if (key == "modes") out << "modes = " << d.modes << "\n";
        else if (key == "radius") out << "radius = " << formatNumber(d.radius) << "\n";
        else if (key == "grid_n") out << "grid_n = " << d.grid_n << "\n";
        else if (key == "spacing") out << "spacing = " << formatNumber(d.spacing) << "\n";
        else if (key == "noise" && (!blobs || !d.points.empty())) out << "noise = " << formatNumber(d.noise) << "\n";
        else if (key == "center") out << "center = " << numbers({d.center[0], d.center[1]}) << "\n";
        else if (key == "point_a") out << "point_a = " << numbers({d.point_a[0], d.point_a[1]}) << "\n";
        else if (key == "point_b") out << "point_b = " << numbers({d.point_b[0], d.point_b[1]}) << "\n";
        else if (key == "csv" && !d.csv_path.empty()) out << "csv = " << quote(d.csv_path) << "\n";
        else if (key == "points" && d.csv_path.empty() && (!blobs || !d.points.empty()))
            out << "points = " << pairs(d.points) << "\n";
    }
}

// Writes `key` once when both nets agree, else g_key and d_key.
void shared(std::ostringstream& out, const std::string& key, const std::string& g, const std::string& d) {
    if (g == d) out << key << " = " << g << "\n";
    else out << "g_" << key << " = " << g << "\nd_" << key << " = " << d << "\n";
}

// The Dirac-GAN's keys.
void writeKind(std::ostringstream& out, const DiracGanSpec& d) {
    out << "kind = \"dirac\"\n";
    out << "method = " << quote(diracMethodNames()[static_cast<size_t>(d.method)]) << "\n";
    out << "scheme = " << quote(diracSchemeNames()[static_cast<size_t>(d.scheme)]) << "\n";
    out << "h = " << formatNumber(d.h) << "\nn_d = " << d.n_d << "\n";
    out << "clip = " << formatNumber(d.clip) << "\ngp_lambda = " << formatNumber(d.gp_lambda) << "\n";
    out << "gp_target = " << formatNumber(d.gp_target) << "\nr1_gamma = " << formatNumber(d.r1_gamma) << "\n";
    out << "noise_std = " << formatNumber(d.noise_std) << "\n";
    out << "consensus_gamma = " << formatNumber(d.consensus_gamma) << "\n";
    out << "start = " << numbers({d.theta0, d.psi0}) << "\n";
}

// The objective, regularizer and step keys every trained run kind shares (toy, image and CycleGAN specs).
template <typename Spec>
void writeObjectiveKeys(std::ostringstream& out, const Spec& r) {
    out << "objective = " << quote(objectiveName(r.objective)) << "\n";
    out << "lipschitz = " << quote(lipschitzName(r.lipschitz)) << "\n";
    out << "clip = " << formatNumber(r.clip) << "\ngp_lambda = " << formatNumber(r.gp_lambda) << "\n";
    out << "gp_one_sided = " << (r.gp_one_sided ? "true" : "false") << "\n";
    out << "r1_gamma = " << formatNumber(r.r1_gamma) << "\n";
    out << "k_d = " << r.k_d << "\nk_g = " << r.k_g << "\nbatch = " << r.batch << "\n";
}

// The image GAN's keys.
void writeKind(std::ostringstream& out, const ImageGanSpec& r) {
    out << "kind = \"image_gan\"\n";
    writeObjectiveKeys(out, r);
    out << "latent_dim = " << r.latent_dim << "\nwidth = " << r.width << "\ndepth = " << r.depth << "\n";
    out << "batch_norm = " << (r.batch_norm ? "true" : "false") << "\n";
    out << "upsample = " << quote(upsampleNames()[static_cast<size_t>(r.upsample)]) << "\n";
    out << "g_lr = " << formatNumber(r.g_opt.lr) << "\nd_lr = " << formatNumber(r.d_opt.lr) << "\n";
    shared(out, "beta1", formatNumber(r.g_opt.beta1), formatNumber(r.d_opt.beta1));
    shared(out, "beta2", formatNumber(r.g_opt.beta2), formatNumber(r.d_opt.beta2));
    if (!r.classes.empty()) out << "classes = " << ints(r.classes) << "\n";
    if (r.subset > 0) out << "subset = " << r.subset << "\n";
    if (!r.interpolate.empty()) out << "interpolate = " << ints(r.interpolate) << "\n";
    if (!r.progress_steps.empty()) out << "progress_steps = " << ints(r.progress_steps) << "\n";
    if (r.conditional) out << "conditional = true\n";
    if (r.mismatched_pairs) out << "mismatched_pairs = true\n";
    if (r.feature_matching) out << "feature_matching = true\n";
    if (r.minibatch_stddev) out << "minibatch_stddev = true\n";
    if (r.pack > 1) out << "pack = " << r.pack << "\n";
    if (r.instance_noise > 0) out << "instance_noise = " << formatNumber(r.instance_noise) << "\n";
    if (r.instance_noise > 0 || r.instance_noise_steps != ImageGanSpec{}.instance_noise_steps)
        out << "instance_noise_steps = " << r.instance_noise_steps << "\n";
}

// The mode-collapse remedies of a toy GAN, each only when on (old scenes stay as they were written).
void writeRemedies(std::ostringstream& out, const ToyGanSpec& r) {
    if (r.feature_matching) out << "feature_matching = true\n";
    if (r.minibatch_discrimination) out << "minibatch_discrimination = true\n";
    if (r.unrolled_steps > 0) out << "unrolled_steps = " << r.unrolled_steps << "\n";
    if (r.pack > 1) out << "pack = " << r.pack << "\n";
    if (r.instance_noise > 0) out << "instance_noise = " << formatNumber(r.instance_noise) << "\n";
    if (r.instance_noise > 0 || r.instance_noise_steps != ToyGanSpec{}.instance_noise_steps)
        out << "instance_noise_steps = " << r.instance_noise_steps << "\n";
}

// The toy GAN's keys (and its [run.fixed_data] table).
void writeKind(std::ostringstream& out, const ToyGanSpec& r) {
    writeObjectiveKeys(out, r);
    out << "latent = " << quote(latentName(r.latent)) << "\nlatent_dim = " << r.latent_dim << "\n";
    out << "g_hidden = " << ints(r.g_net.hidden) << "\nd_hidden = " << ints(r.d_net.hidden) << "\n";
    shared(out, "activation", quote(activationName(r.g_net.activation)), quote(activationName(r.d_net.activation)));
    shared(out, "optimizer", quote(optimizerName(r.g_opt.kind)), quote(optimizerName(r.d_opt.kind)));
    out << "g_lr = " << formatNumber(r.g_opt.lr) << "\nd_lr = " << formatNumber(r.d_opt.lr) << "\n";
    shared(out, "beta1", formatNumber(r.g_opt.beta1), formatNumber(r.d_opt.beta1));
    shared(out, "beta2", formatNumber(r.g_opt.beta2), formatNumber(r.d_opt.beta2));
    shared(out, "momentum", formatNumber(r.g_opt.momentum), formatNumber(r.d_opt.momentum));
    shared(out, "rms_alpha", formatNumber(r.g_opt.alpha), formatNumber(r.d_opt.alpha));
    out << "fixed_generator = " << (r.fixed_generator ? "true" : "false") << "\n";
    if (r.conditional) out << "conditional = true\n";
    if (r.mismatched_pairs) out << "mismatched_pairs = true\n";
    writeRemedies(out, r);
    if (r.fixed_generator) {
        out << "\n[run.fixed_data]\n";
        writeData(out, r.fixed_data);
    }
}

// The toy CycleGAN's keys and its two domain tables.
void writeKind(std::ostringstream& out, const CycleGanSpec& r) {
    out << "kind = \"cyclegan\"\n";
    writeObjectiveKeys(out, r);
    out << "g_hidden = " << ints(r.g_net.hidden) << "\nd_hidden = " << ints(r.d_net.hidden) << "\n";
    shared(out, "activation", quote(activationName(r.g_net.activation)), quote(activationName(r.d_net.activation)));
    out << "g_lr = " << formatNumber(r.g_opt.lr) << "\nd_lr = " << formatNumber(r.d_opt.lr) << "\n";
    shared(out, "beta1", formatNumber(r.g_opt.beta1), formatNumber(r.d_opt.beta1));
    shared(out, "beta2", formatNumber(r.g_opt.beta2), formatNumber(r.d_opt.beta2));
    out << "lambda_cyc = " << formatNumber(r.lambda_cyc) << "\n";
    out << "cycle_norm = " << quote(cycleNormNames()[static_cast<size_t>(r.cycle_norm)]) << "\n";
    out << "lambda_id = " << formatNumber(r.lambda_id) << "\n";
    out << "g_noise_dim = " << r.g_noise_dim << "\n";
    out << "\n[run.domain_x]\n";
    writeData(out, r.domain_x);
    out << "\n[run.domain_y]\n";
    writeData(out, r.domain_y);
}

// One [[run]] table: the common name, then its kind's keys.
void writeRun(std::ostringstream& out, const RunSpec& r) {
    out << "\n[[run]]\n";
    if (!r.name.empty()) out << "name = " << quote(r.name) << "\n";
    if (!r.name_zh.empty()) out << "name_zh = " << quote(r.name_zh) << "\n";
    std::visit([&](const auto& options) { writeKind(out, options); }, r.options);
}

// The [scene] keys of `display`; each only when it differs from what a scene without it gets.
void writeDisplay(std::ostringstream& out, const DisplayState& display, bool is1d) {
    if (display.has_view) {
        const auto& v = display.view;
        const bool short1d = is1d && v[2] == -1 && v[3] == 1;
        out << "view = " << (short1d ? numbers({v[0], v[1]}) : numbers({v[0], v[1], v[2], v[3]})) << "\n";
    }
    const auto names = [](const std::vector<std::string>& v) {
        std::string s = "[";
        for (size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + quote(v[i]);
        return s + "]";
    };
    std::vector<std::string> show, hide;
    layerChanges(display.layers, show, hide);
    if (!show.empty()) out << "show = " << names(show) << "\n";
    if (!hide.empty()) out << "hide = " << names(hide) << "\n";
    if (!display.curves.empty()) out << "curves = " << quote(display.curves) << "\n";
    if (display.layout != "auto") out << "layout = " << quote(display.layout) << "\n";
    if (display.presenter) out << "presenter = true\n";
}

}  // namespace

std::string sceneToToml(const SceneSpec& scene) {
    std::ostringstream out;
    out << "# Ganarium scene (written by Ganarium). Field reference: docs/scene-format.md\n\n[scene]\n";
    out << "title = " << quote(scene.title) << "\n";
    if (!scene.caption.empty()) out << "caption = " << quote(scene.caption) << "\n";
    if (!scene.title_zh.empty()) out << "title_zh = " << quote(scene.title_zh) << "\n";
    if (!scene.caption_zh.empty()) out << "caption_zh = " << quote(scene.caption_zh) << "\n";
    out << "seed = " << scene.seed << "\nsteps = " << scene.steps << "\n";
    out << "metrics_every = " << scene.metrics_every << "\nthreads = " << scene.threads << "\n";
    const SceneSpec defaults;
    if (scene.checkpoint_every != defaults.checkpoint_every) out << "checkpoint_every = " << scene.checkpoint_every << "\n";
    if (scene.checkpoint_memory_mb != defaults.checkpoint_memory_mb)
        out << "checkpoint_memory_mb = " << scene.checkpoint_memory_mb << "\n";
    writeDisplay(out, scene.display, familyDimension(scene.data.family) == 1);
    if (sceneUsesData(scene)) {
        out << "\n[data]\n";
        writeData(out, scene.data);
    }
    for (const auto& run : scene.runs) writeRun(out, run);
    return out.str();
}

}  // namespace ganarium
