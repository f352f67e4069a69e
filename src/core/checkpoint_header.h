// checkpoint_header.h — the header of one checkpoint on disk
// (`checkpoint.toml` in a step folder): format name and version, the run it
// belongs to (index, name, kind), its step and metric count, and the size
// and CRC-32 of the two data files, so a truncated or damaged file is found
// before anything is read from it. Plain TOML, readable by people and by
// tools that only follow a run (issue 13).
#pragma once

#include <cstdint>
#include <string>

namespace ganarium {

// The format name every checkpoint header starts with.
inline constexpr const char* kCheckpointFormat = "ganarium-checkpoint";
// The version this build writes and reads; a newer one is refused with the fix.
inline constexpr int kCheckpointVersion = 1;

struct CheckpointHeader {
    int version = kCheckpointVersion;
    int run_index = 0;         // 1-based position of the run in its scene
    std::string run_name;
    std::string kind;          // the run kind's scene-file name ("toy", "dirac", "image")
    int64_t step = 0;
    uint64_t metric_count = 0;  // evaluations in metrics.csv
    uint64_t state_bytes = 0;   // size of state.pt
    uint32_t state_crc32 = 0;
    uint64_t metrics_bytes = 0;  // size of metrics.csv
    uint32_t metrics_crc32 = 0;
    std::string torch_version;  // LibTorch that wrote state.pt (information only)
};

// The header as TOML text.
std::string checkpointHeaderToToml(const CheckpointHeader& header);

// Reads a header; throws UserError naming `path` when it is not one, or of a newer version.
CheckpointHeader parseCheckpointHeader(const std::string& text, const std::string& path);

// CRC-32 (zlib's) of `bytes`.
uint32_t crc32Of(const std::string& bytes);

}  // namespace ganarium
