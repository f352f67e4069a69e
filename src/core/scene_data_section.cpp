// scene_data_section.cpp — reads the [data] table (and [run.fixed_data]):
// the family, then only the keys that family uses, each range-checked.
#include <filesystem>
#include <utility>

#include "core/csv_points.h"
#include "core/input_limits.h"
#include "core/key_suggestions.h"
#include "core/scene_sections.h"

namespace ganarium::detail {

std::vector<std::string> dataKeysOfFamily(DataFamily family) {
    switch (family) {
        case DataFamily::Gaussian1D: return {"mean", "std"};
        case DataFamily::Mixture1D: return {"weights", "means", "stds", "std"};
        case DataFamily::Uniform1D: return {"low", "high"};
        case DataFamily::TwoIntervals1D: return {"low", "high", "low2", "high2"};
        case DataFamily::Ring: return {"modes", "radius", "std"};
        case DataFamily::Grid: return {"grid_n", "spacing", "std"};
        case DataFamily::SwissRoll:
        case DataFamily::TwoMoons:
        case DataFamily::Spiral: return {"noise"};
        case DataFamily::Circles: return {"radius", "noise"};
        case DataFamily::Gaussian2D: return {"center", "std"};
        case DataFamily::Line: return {"point_a", "point_b", "noise"};
        case DataFamily::Blobs2D: return {"weights", "means", "stds", "std", "points", "noise"};
        case DataFamily::Points2D: return {"csv", "points", "noise"};
    }
    return {};
}

namespace {

// Families (by scene-file name) that use `key`.
std::string familiesUsing(const std::string& key) {
    std::string out;
    for (int f = 0; f <= static_cast<int>(DataFamily::Points2D); ++f) {
        for (const auto& k : dataKeysOfFamily(static_cast<DataFamily>(f))) {
            if (k == key) out += (out.empty() ? "" : ", ") + std::string(familyName(static_cast<DataFamily>(f)));
        }
    }
    return out;
}

// Ranges that can train: locations and scales within +-kMaxCoordinate, scales not below kMinScale.
const Range kLocation{-kMaxCoordinate, kMaxCoordinate, false, false, "-10000..10000"};
const Range kScale{kMinScale, kMaxCoordinate, false, false, "1e-06..10000"};
const Range kNoise{0, kMaxCoordinate, false, false, "0 (exact points) or 1e-06..10000"};
const Range kSpacing{kMinScale, 1000, false, false, "1e-06..1000 (the grid spans up to 9 spacings)"};
const Range kWeight{0, 1e6, false, false, "0..1000000"};

}  // namespace

DataSpec parseDataTable(const TableReader& r, const std::string& base_dir, const SceneLoadOptions& options) {
    DataSpec d;
    int family = 0;
    if (!r.readChoice("family", familyNames(), family))
        throw SceneError(r.at(nullptr) + r.where() + " needs `family = \"...\"`, one of: " + [] {
            std::string s;
            for (const auto& n : familyNames()) s += (s.empty() ? "" : ", ") + n;
            return s;
        }());
    d.family = static_cast<DataFamily>(family);
    const std::vector<std::string> keys = dataKeysOfFamily(d.family);
    std::vector<std::string> all_data_keys;
    for (int f = 0; f <= static_cast<int>(DataFamily::Points2D); ++f)
        for (const auto& k : dataKeysOfFamily(static_cast<DataFamily>(f))) all_data_keys.push_back(k);

    for (const auto& [key, node] : r.table()) {
        const std::string name(key.str());
        if (name == "family") continue;
        bool mine = false;
        for (const auto& k : keys) mine = mine || k == name;
        if (mine) continue;
        bool some_family = false;
        for (const auto& k : all_data_keys) some_family = some_family || k == name;
        if (some_family)
            r.fail(name, std::string("not used by family '") + familyName(d.family) + "' (used by: " +
                             familiesUsing(name) + "); this family reads: " + [&] {
                                 std::string s;
                                 for (const auto& k : keys) s += (s.empty() ? "" : ", ") + k;
                                 return s;
                             }());
        std::vector<std::string> allowed = keys;
        allowed.push_back("family");
        r.rejectUnknown(allowed);
    }

    const bool curve = d.family == DataFamily::SwissRoll || d.family == DataFamily::TwoMoons ||
                       d.family == DataFamily::Spiral || d.family == DataFamily::Circles ||
                       d.family == DataFamily::Line;
    r.readNumber("mean", d.mean, kLocation);
    r.readNumber("std", d.std, kScale);
    r.readNumber("low", d.low, kLocation);
    r.readNumber("high", d.high, kLocation);
    r.readNumber("low2", d.low2, kLocation);
    r.readNumber("high2", d.high2, kLocation);
    r.readInt("modes", d.modes, Range{1, 64, false, false, "1..64"});
    r.readNumber("radius", d.radius, kScale);
    r.readInt("grid_n", d.grid_n, Range{1, 10, false, false, "1..10"});
    r.readNumber("spacing", d.spacing, kSpacing);
    r.readNumber("noise", d.noise, curve ? kScale : kNoise);
    if (!curve && d.noise > 0 && d.noise < kMinScale)
        r.fail("noise", formatNumber(d.noise) + " is out of range: allowed range is " + kNoise.text);
    for (auto [key, pair] : {std::pair<const char*, std::array<double, 2>*>{"center", &d.center},
                             {"point_a", &d.point_a}, {"point_b", &d.point_b}}) {
        if (r.readPair(key, *pair)) r.checkEach(key, {(*pair)[0], (*pair)[1]}, kLocation);
    }
    const bool blobs = d.family == DataFamily::Blobs2D;
    if (r.readNumbers("weights", d.weights)) r.checkEach("weights", d.weights, kWeight);
    if (r.readNumbers("means", d.means, blobs)) r.checkEach("means", d.means, kLocation);
    if (r.readNumbers("stds", d.stds)) r.checkEach("stds", d.stds, kScale);
    if (blobs && d.means.size() % 2 != 0) r.fail("means", "blob centres must be [x, y] pairs");
    if (blobs && r.readNumbers("points", d.points, true)) {
        r.checkEach("points", d.points, kLocation);
        if (d.points.size() % 2 != 0) r.fail("points", "painted points must be [x, y] pairs");
    }
    const size_t count = blobs ? d.means.size() / 2 : d.means.size();
    if (!d.weights.empty() && d.weights.size() != count)
        r.fail("weights", "has " + std::to_string(d.weights.size()) + " entries but `means` has " +
                              std::to_string(count) + " components");
    if (!d.stds.empty() && d.stds.size() != count)
        r.fail("stds", "has " + std::to_string(d.stds.size()) + " entries but `means` has " +
                           std::to_string(count) + " components");

    if (d.family == DataFamily::Points2D) {
        std::string csv;
        const bool has_csv = r.readString("csv", csv);
        const bool has_points = r.readNumbers("points", d.points, true);
        if (has_csv && has_points) r.fail("points", "give either `csv` or `points`, not both");
        if (has_points) r.checkEach("points", d.points, kLocation);
        if (has_csv) {
            if (csv.empty())
                r.fail("csv", "is an empty path: give the CSV file's path, relative to the scene file's folder "
                              "(e.g. csv = \"points.csv\")");
            std::filesystem::path p(csv);
            if (p.is_relative()) p = std::filesystem::path(base_dir) / p;
            d.csv_path = p.lexically_normal().string();
            try {
                d.points = loadPointsCsv(d.csv_path, options.csv, options.progress);
            } catch (const SceneError& e) {
                throw SceneError(r.atKey("csv") + e.what());
            }
        } else if (!has_points) {
            throw SceneError(r.at(nullptr) + r.where() + ": family 'points' needs `csv = \"file.csv\"` or `points = [x0, y0, x1, y1, ...]`");
        }
        if (d.points.size() % 2 != 0) r.fail("points", "needs x,y pairs (an even number of values)");
        if (d.points.empty()) r.fail(has_csv ? "csv" : "points", "contains no points");
    }
    return d;
}

}  // namespace ganarium::detail
