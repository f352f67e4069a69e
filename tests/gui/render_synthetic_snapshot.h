// render_synthetic_snapshot.h — realistic but synthetic Snapshots for the
// render/view tests and screenshots: an 8-Gaussian ring with a generator
// that covers 5 modes (2D), and a bimodal 1D scene with a generator still
// between the modes; probability or critic fields, D*, gradients, manifold,
// GP lines, as named quantities. Pure CPU, deterministic (fixed seed).
#pragma once

#include <algorithm>
#include <cmath>
#include <random>
#include <utility>
#include <vector>

#include "core/snapshot.h"

namespace ganarium::test {

inline double gauss2(double x, double y, double mx, double my, double s) {
    double dx = x - mx, dy = y - my;
    return std::exp(-(dx * dx + dy * dy) / (2 * s * s)) / (2 * M_PI * s * s);
}

inline double gauss1(double x, double m, double s) {
    return std::exp(-(x - m) * (x - m) / (2 * s * s)) / (std::sqrt(2 * M_PI) * s);
}

// The toy quantities of a synthetic run, field by field (the v1 layout), before they become named
// quantities: publishToyPicture() moves the non-empty ones into the run's parts, as the trainer does.
struct ToyPicture {
    int dim = 1, latent_dim = 1;
    std::vector<float> real, fake, latent, fake_push;
    FieldGrid d_field, d_optimal, p_data, p_g;
    std::vector<float> manifold;
    int manifold_nu = 0, manifold_nv = 0;
    std::vector<float> gp_real, gp_fake, gp_interp, gp_grad_norm;
    Histogram d_weights, gp_norms;
    std::vector<Mode> modes;
    std::vector<bool> mode_covered;
};

// Pushes `pic`'s non-empty quantities into `run.parts` (the modes always: they carry the dimension).
inline void publishToyPicture(RunSnapshot& run, ToyPicture pic) {
    namespace q = quantity_names;
    auto points = [&](const char* name, std::vector<float>& v, int dim) {
        if (!v.empty()) setQuantity(run.parts, name, PointSet{dim, std::move(v)});
    };
    auto field = [&](const char* name, FieldGrid& f) {
        if (!f.empty()) setQuantity(run.parts, name, std::move(f));
    };
    points(q::kReal, pic.real, pic.dim);
    points(q::kFake, pic.fake, pic.dim);
    points(q::kLatent, pic.latent, pic.latent_dim);
    points(q::kGeneratorPush, pic.fake_push, pic.dim);
    field(q::kDiscriminator, pic.d_field);
    field(q::kOptimalDiscriminator, pic.d_optimal);
    field(q::kDataDensity, pic.p_data);
    field(q::kGeneratorDensity, pic.p_g);
    if (!pic.manifold.empty()) setQuantity(run.parts, q::kManifold, PointGrid{pic.manifold_nu, pic.manifold_nv, pic.dim, std::move(pic.manifold)});
    if (!pic.gp_interp.empty() && !pic.gp_grad_norm.empty()) {
        setQuantity(run.parts, q::kGpPairs, Segments{pic.dim, std::move(pic.gp_real), std::move(pic.gp_fake)});
        points(q::kGpInterpolates, pic.gp_interp, pic.dim);
        setQuantity(run.parts, q::kGpGradNorm, ScalarSamples{0, 2, std::move(pic.gp_grad_norm)});
    }
    if (!pic.d_weights.counts.empty()) setQuantity(run.parts, q::kWeights, std::move(pic.d_weights));
    if (!pic.gp_norms.counts.empty()) setQuantity(run.parts, q::kGpNorms, std::move(pic.gp_norms));
    pic.mode_covered.resize(pic.modes.size(), false);
    setQuantity(run.parts, q::kModes, ModeMarkers{pic.dim, std::move(pic.modes), std::move(pic.mode_covered)});
}

// A 2D scene: 8 modes on a ring of radius 2; G covers modes 0, 1, 2, 4, 5.
inline Snapshot synthetic2D(bool critic, bool diverged = false) {
    Snapshot snap;
    snap.version = 7;
    snap.dim = 2;
    snap.view = {-3, 3, -3, 3};
    RunSnapshot run;
    ToyPicture pic;
    run.name = critic ? "WGAN-GP" : "NS-GAN";
    run.objective = critic ? "wasserstein" : "non_saturating";
    run.lipschitz = critic ? "gp" : "none";
    run.critic = critic;
    run.step = 12400;
    pic.dim = 2;
    pic.latent_dim = 2;
    const double s_data = 0.08, s_fake = 0.22;
    std::vector<int> covered_modes = {0, 1, 2, 4, 5};
    for (int k = 0; k < 8; ++k) {
        double a = k * M_PI / 4;
        pic.modes.push_back({2 * std::cos(a), 2 * std::sin(a), s_data});
        pic.mode_covered.push_back(std::find(covered_modes.begin(), covered_modes.end(), k) != covered_modes.end());
    }
    auto p_data = [&](double x, double y) {
        double p = 0;
        for (const Mode& m : pic.modes) p += gauss2(x, y, m.x, m.y, s_data) / 8;
        return p;
    };
    auto p_g = [&](double x, double y) {
        double p = 0;
        for (int k : covered_modes) p += gauss2(x, y, pic.modes[k].x * 0.9, pic.modes[k].y * 0.9, s_fake) / 5;
        return p + 1e-6;
    };
    auto d_star = [&](double x, double y) {
        double a = p_data(x, y), b = p_g(x, y);
        return a + b > 1e-12 ? a / (a + b) : 0.5;
    };
    auto d = [&](double x, double y) {  // a smoothed, imperfect D
        double ds = std::clamp(d_star(x, y), 1e-4, 1 - 1e-4);
        double logit = std::log(ds / (1 - ds));
        return 1 / (1 + std::exp(-0.35 * logit - 0.2));
    };
    auto f = [&](double x, double y) {  // a smooth critic: bumps on the data modes, dips on G's modes
        double v = 0;
        for (const Mode& m : pic.modes) v += 1.4 * std::exp(-((x - m.x) * (x - m.x) + (y - m.y) * (y - m.y)) / (2 * 0.5 * 0.5));
        for (int k : covered_modes) {
            double gx = pic.modes[k].x * 0.9, gy = pic.modes[k].y * 0.9;
            v -= 1.1 * std::exp(-((x - gx) * (x - gx) + (y - gy) * (y - gy)) / (2 * 0.6 * 0.6));
        }
        return v - 0.1;
    };
    auto field = [&](auto fn) {
        FieldGrid g;
        g.nx = g.ny = 64;
        g.box = {-7.5, 7.5, -3.75, 3.75};  // like the trainer: the view box grown so wide and tall plots are covered
        g.values.resize(64 * 64);
        for (int iy = 0; iy < 64; ++iy)
            for (int ix = 0; ix < 64; ++ix) {
                double x = -7.5 + (ix + 0.5) * 15 / 64, y = -3.75 + (iy + 0.5) * 7.5 / 64;
                g.values[static_cast<size_t>(iy) * 64 + ix] = static_cast<float>(fn(x, y));
            }
        return g;
    };
    if (critic) {
        pic.d_field = field(f);
    } else {
        pic.d_field = field(d);
        pic.d_optimal = field(d_star);
    }
    pic.p_data = field(p_data);
    pic.p_g = field(p_g);
    std::mt19937 rng(42);
    std::normal_distribution<double> n01(0, 1);
    std::uniform_int_distribution<int> mode8(0, 7), mode5(0, 4);
    std::uniform_real_distribution<double> u01(0, 1);
    const int n = 1500;
    for (int i = 0; i < n; ++i) {
        const Mode& m = pic.modes[static_cast<size_t>(mode8(rng))];
        pic.real.push_back(static_cast<float>(m.x + s_data * n01(rng)));
        pic.real.push_back(static_cast<float>(m.y + s_data * n01(rng)));
    }
    auto value = [&](double x, double y) { return critic ? f(x, y) : std::log(std::max(d(x, y), 1e-6)); };
    for (int i = 0; i < n; ++i) {
        double z1 = n01(rng), z2 = n01(rng);
        const Mode& m = pic.modes[static_cast<size_t>(covered_modes[static_cast<size_t>(mode5(rng))])];
        double x = m.x * 0.9 + s_fake * z1, y = m.y * 0.9 + s_fake * z2;
        pic.fake.push_back(static_cast<float>(x));
        pic.fake.push_back(static_cast<float>(y));
        pic.latent.push_back(static_cast<float>(z1));
        pic.latent.push_back(static_cast<float>(z2));
        const double h = 1e-3;
        pic.fake_push.push_back(static_cast<float>((value(x + h, y) - value(x - h, y)) / (2 * h)));
        pic.fake_push.push_back(static_cast<float>((value(x, y + h) - value(x, y - h)) / (2 * h)));
    }
    // Manifold: a latent grid warped towards the ring.
    pic.manifold_nu = pic.manifold_nv = 17;
    for (int iv = 0; iv < 17; ++iv)  // u fastest, as the trainer stores it
        for (int iu = 0; iu < 17; ++iu) {
            double u = -2 + 4.0 * iu / 16, v = -2 + 4.0 * iv / 16;
            double r = std::hypot(u, v), a = std::atan2(v, u);
            double rr = 1.9 * std::tanh(1.2 * r);
            pic.manifold.push_back(static_cast<float>(rr * std::cos(a + 0.15 * r)));
            pic.manifold.push_back(static_cast<float>(rr * std::sin(a + 0.15 * r)));
        }
    if (critic) {
        for (int i = 0; i < 64; ++i) {
            size_t a = static_cast<size_t>(i) * 2, b = static_cast<size_t>(i * 7 % n) * 2;
            double t = u01(rng);
            double rx = pic.real[a], ry = pic.real[a + 1], fx = pic.fake[b], fy = pic.fake[b + 1];
            double ix = rx + t * (fx - rx), iy = ry + t * (fy - ry);
            const double h = 1e-3;
            double gx = (f(ix + h, iy) - f(ix - h, iy)) / (2 * h), gy = (f(ix, iy + h) - f(ix, iy - h)) / (2 * h);
            pic.gp_real.insert(pic.gp_real.end(), {static_cast<float>(rx), static_cast<float>(ry)});
            pic.gp_fake.insert(pic.gp_fake.end(), {static_cast<float>(fx), static_cast<float>(fy)});
            pic.gp_interp.insert(pic.gp_interp.end(), {static_cast<float>(ix), static_cast<float>(iy)});
            pic.gp_grad_norm.push_back(static_cast<float>(std::hypot(gx, gy)));
        }
    }
    run.metrics = singleEvaluationLog(
        run.step, {{"js", critic ? 0.183 : 0.241}, {"w1", critic ? 0.412 : 0.655}, {"modes_covered", 5}});
    if (diverged) {
        run.status = RunStatus::Diverged;
        run.status_reason = "NaN in loss_d at step 12400";
    }
    publishToyPicture(run, std::move(pic));
    snap.runs.push_back(run);
    return snap;
}

// A 1D scene: P_data = two Gaussians at -1.5 and 1.5; G(z) squeezes z into one bump between them.
inline Snapshot synthetic1D(bool critic) {
    Snapshot snap;
    snap.version = 3;
    snap.dim = 1;
    snap.view = {-4, 4, -1, 1};
    RunSnapshot run;
    ToyPicture pic;
    run.name = critic ? "WGAN" : "GAN (minimax)";
    run.objective = critic ? "wasserstein" : "minimax";
    run.lipschitz = critic ? "clip" : "none";
    run.critic = critic;
    run.step = 850;
    pic.dim = 1;
    pic.latent_dim = 1;
    auto p_data = [](double x) { return 0.5 * gauss1(x, -1.5, 0.45) + 0.5 * gauss1(x, 1.5, 0.45); };
    auto g_of_z = [](double z) { return 0.4 + 0.9 * std::tanh(0.9 * z) + 0.25 * z; };
    std::mt19937 rng(7);
    std::normal_distribution<double> n01(0, 1);
    const int n = 2000;
    for (int i = 0; i < n; ++i) {
        double z = n01(rng);
        pic.latent.push_back(static_cast<float>(z));
        pic.fake.push_back(static_cast<float>(g_of_z(z)));
        double c = (i % 2 == 0) ? -1.5 : 1.5;
        pic.real.push_back(static_cast<float>(c + 0.45 * n01(rng)));
    }
    auto p_g = [&](double x) {
        double p = 0;
        for (int i = 0; i < n; i += 4) p += gauss1(x, pic.fake[static_cast<size_t>(i)], 0.15);
        return p / (n / 4);
    };
    const int nx = 256;
    auto field = [&](auto fn) {
        FieldGrid g;
        g.nx = nx;
        g.ny = 1;
        g.box = snap.view;
        for (int i = 0; i < nx; ++i) g.values.push_back(static_cast<float>(fn(-4 + (i + 0.5) * 8 / nx)));
        return g;
    };
    pic.p_data = field(p_data);
    pic.p_g = field(p_g);
    auto d_star = [&](double x) {
        double a = p_data(x), b = p_g(x);
        return a + b > 1e-9 ? a / (a + b) : 0.5;
    };
    auto d = [&](double x) {
        double ds = std::clamp(d_star(x), 1e-4, 1 - 1e-4);
        return 1 / (1 + std::exp(-0.45 * std::log(ds / (1 - ds))));
    };
    auto f = [&](double x) { return 0.8 * std::tanh(2.5 * (p_data(x) - p_g(x))); };
    if (critic) {
        pic.d_field = field(f);
    } else {
        pic.d_field = field(d);
        pic.d_optimal = field(d_star);
    }
    for (int i = 0; i < n; ++i) {
        double x = pic.fake[static_cast<size_t>(i)], h = 1e-3;
        double g = critic ? (f(x + h) - f(x - h)) / (2 * h) : (std::log(d(x + h)) - std::log(d(x - h))) / (2 * h);
        pic.fake_push.push_back(static_cast<float>(g));
    }
    run.metrics = singleEvaluationLog(run.step, {{"js", critic ? 0.301 : 0.288}, {"w1", critic ? 0.92 : 0.87}});
    publishToyPicture(run, std::move(pic));
    snap.runs.push_back(run);
    return snap;
}

// A snapshot whose D field is the constant `value` everywhere (colour checks).
inline Snapshot constantField2D(float value, bool critic) {
    Snapshot snap;
    snap.version = 1;
    snap.dim = 2;
    snap.view = {-1, 1, -1, 1};
    RunSnapshot run;
    ToyPicture pic;
    run.name = "constant";
    run.objective = critic ? "wasserstein" : "minimax";
    run.critic = critic;
    pic.dim = pic.latent_dim = 2;
    pic.d_field.nx = pic.d_field.ny = 8;
    pic.d_field.box = snap.view;
    pic.d_field.values.assign(64, value);
    publishToyPicture(run, std::move(pic));
    snap.runs.push_back(run);
    return snap;
}

}  // namespace ganarium::test
