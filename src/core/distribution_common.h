// distribution_common.h — internal helpers shared by the distribution
// families (normal pdf/cdf, the per-family factories). Not a public contract.
#pragma once

#include <cmath>
#include <memory>
#include <string>

#include "core/distribution.h"
#include "core/errors.h"

namespace ganarium::detail {

constexpr double kPi = 3.14159265358979323846;

// Standard normal density and cumulative distribution.
inline double normalPdf(double z) { return std::exp(-0.5 * z * z) / std::sqrt(2.0 * kPi); }
inline double normalCdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

// Throws SceneError "[data] family 'f': message" when `ok` is false.
inline void require(bool ok, const DataSpec& spec, const std::string& message) {
    if (!ok) throw SceneError(std::string("[data] family '") + familyName(spec.family) + "': " + message);
}

// Factories, one per file.
std::unique_ptr<Distribution> makeDistribution1D(const DataSpec& spec);        // distributions_1d.cpp
std::unique_ptr<Distribution> makeGaussianMixture2D(const DataSpec& spec);     // gaussian_mixture_2d.cpp
std::unique_ptr<Distribution> makeNoisyCurve2D(const DataSpec& spec);          // noisy_curves_2d.cpp

}  // namespace ganarium::detail
