// frechet_distance_test.cpp — the Fréchet distance against closed forms:
// commuting covariances give |mu1-mu2|^2 + sum (sqrt a_i - sqrt b_i)^2,
// identical Gaussians give 0, singular covariances stay finite, and the
// value is symmetric even though the computation is not.
#include <torch/torch.h>

#include <doctest/doctest.h>

#include <cmath>

#include "train/frechet_distance.h"

using namespace ganarium;

namespace {

torch::Tensor rotation(int dim, uint64_t seed) {
    at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(seed);
    const auto qr = torch::linalg_qr(torch::randn({dim, dim}, gen, torch::kFloat64));
    return std::get<0>(qr);
}

torch::Tensor rotated(const torch::Tensor& r, const torch::Tensor& diagonal) {
    return torch::mm(torch::mm(r, torch::diag(diagonal)), r.transpose(0, 1));
}

}  // namespace

TEST_CASE("Fréchet distance: commuting covariances match the closed form") {
    const torch::Tensor a = torch::tensor({4.0, 1.0, 0.25, 9.0}, torch::kFloat64);
    const torch::Tensor b = torch::tensor({1.0, 1.0, 1.0, 4.0}, torch::kFloat64);
    const torch::Tensor mu1 = torch::tensor({0.0, 1.0, 0.0, 2.0}, torch::kFloat64);
    const torch::Tensor mu2 = torch::tensor({1.0, 1.0, 0.0, 0.0}, torch::kFloat64);
    // |mu1-mu2|^2 = 1 + 4 = 5; sum (sqrt a - sqrt b)^2 = 1 + 0 + 0.25 + 1 = 2.25.
    const double expected = 7.25;
    CHECK(frechetDistance(mu1, torch::diag(a), mu2, torch::diag(b)) == doctest::Approx(expected).epsilon(1e-9));
    const torch::Tensor r = rotation(4, 11);
    CHECK(frechetDistance(mu1, rotated(r, a), mu2, rotated(r, b)) == doctest::Approx(expected).epsilon(1e-9));
}

TEST_CASE("Fréchet distance: 0 for identical Gaussians, finite for singular ones, symmetric in general") {
    const torch::Tensor r = rotation(6, 3);
    const torch::Tensor s = rotated(r, torch::tensor({5.0, 2.0, 1.0, 0.5, 0.0, 0.0}, torch::kFloat64));
    const torch::Tensor mu = torch::arange(6, torch::kFloat64);
    CHECK(frechetDistance(mu, s, mu, s) == doctest::Approx(0.0).epsilon(1e-9));
    CHECK(frechetDistance(mu, s, mu, s) >= 0.0);
    // A rank-1 covariance against the zero matrix: tr S.
    const torch::Tensor v = torch::tensor({{1.0}, {2.0}, {2.0}}, torch::kFloat64);
    const torch::Tensor rank1 = torch::mm(v, v.transpose(0, 1));
    const torch::Tensor zero3 = torch::zeros({3}, torch::kFloat64);
    CHECK(frechetDistance(zero3, rank1, zero3, torch::zeros({3, 3}, torch::kFloat64)) ==
          doctest::Approx(9.0).epsilon(1e-9));
    // Non-commuting covariances: the distance is symmetric and below the sum of traces.
    const torch::Tensor s1 = rotated(rotation(6, 5), torch::tensor({3.0, 2.0, 1.0, 1.0, 0.5, 0.1}, torch::kFloat64));
    const torch::Tensor s2 = rotated(rotation(6, 6), torch::tensor({1.0, 1.0, 4.0, 0.2, 0.3, 2.0}, torch::kFloat64));
    const torch::Tensor zero6 = torch::zeros({6}, torch::kFloat64);
    const double d12 = frechetDistance(zero6, s1, zero6, s2), d21 = frechetDistance(zero6, s2, zero6, s1);
    CHECK(d12 == doctest::Approx(d21).epsilon(1e-9));
    CHECK(d12 > 0.0);
    CHECK(d12 < s1.trace().item<double>() + s2.trace().item<double>());
    // The 1-D case: (mu1-mu2)^2 + (sigma1-sigma2)^2.
    CHECK(frechetDistance(torch::tensor({1.0}, torch::kFloat64), torch::tensor({{4.0}}, torch::kFloat64),
                          torch::tensor({-1.0}, torch::kFloat64), torch::tensor({{9.0}}, torch::kFloat64)) ==
          doctest::Approx(5.0));
}

TEST_CASE("Fréchet distance: sample estimates of two Gaussians approach the exact value") {
    at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(8);
    const torch::Tensor x = torch::randn({20000, 3}, gen, torch::kFloat64);
    const torch::Tensor y = torch::randn({20000, 3}, gen, torch::kFloat64) * 2.0 + 1.0;  // N(1, 4I)
    const auto [mx, sx] = meanAndCovariance(x);
    const auto [my, sy] = meanAndCovariance(y);
    // Exact: 3 * 1^2 + 3 * (2 - 1)^2 = 6.
    CHECK(frechetDistance(mx, sx, my, sy) == doctest::Approx(6.0).epsilon(0.05));
}
