// input_limits.h — the documented limits on what Ganarium reads from disk:
// scene and CSV file sizes, TOML nesting depth, point counts and the
// magnitude of coordinates. docs/scene-format.md lists the same numbers.
#pragma once

#include <cstddef>
#include <cstdint>

namespace ganarium {

// A scene is a few KB of TOML; larger point sets belong in a `csv` file.
constexpr uint64_t kMaxSceneFileBytes = 4000000;  // 4 MB

// Deepest nesting of tables, dotted keys, arrays and inline tables a scene may use
// (the shipped scenes use at most 4; toml++ overflows the stack near 35,000).
constexpr int kMaxTomlNesting = 32;

// Largest `csv` points file, in bytes and in points.
constexpr uint64_t kMaxCsvBytes = 100000000;  // 100 MB: 100 bytes per line at the most points
constexpr size_t kMaxCsvPoints = 1000000;

// Data coordinates, locations, scales and view bounds stay within +-kMaxCoordinate
// (beyond that float32 training diverges at step 0 and the metric grids overflow).
constexpr double kMaxCoordinate = 1e4;

// Smallest std / noise of a data family (smaller ones overflow the densities).
constexpr double kMinScale = 1e-6;

// Points files at least this big report their reading progress (about 0.2 s of reading).
constexpr uint64_t kProgressAboveBytes = 16000000;  // 16 MB

}  // namespace ganarium
