// checkpoint_header.cpp — writing and reading checkpoint.toml, and the CRC-32 that guards the data files.
#include "core/checkpoint_header.h"

#include <zlib.h>

#include <sstream>
#include <toml++/toml.h>

#include "core/errors.h"

namespace ganarium {

std::string checkpointHeaderToToml(const CheckpointHeader& header) {
    toml::table table{
        {"format", kCheckpointFormat},
        {"version", header.version},
        {"run_index", header.run_index},
        {"run_name", header.run_name},
        {"kind", header.kind},
        {"step", header.step},
        {"metric_count", static_cast<int64_t>(header.metric_count)},
        {"state_bytes", static_cast<int64_t>(header.state_bytes)},
        {"state_crc32", static_cast<int64_t>(header.state_crc32)},
        {"metrics_bytes", static_cast<int64_t>(header.metrics_bytes)},
        {"metrics_crc32", static_cast<int64_t>(header.metrics_crc32)},
        {"torch_version", header.torch_version},
    };
    std::ostringstream out;
    out << "# A Ganarium checkpoint: state.pt (LibTorch archive of named tensors), metrics.csv, scene.toml.\n"
        << table << '\n';
    return out.str();
}

namespace {

// A required integer key; throws with the file and key when absent.
int64_t requiredInteger(const toml::table& table, const char* key, const std::string& path) {
    const auto value = table[key].value<int64_t>();
    if (!value) throw UserError(path + ": key '" + key + "' is missing or not an integer; the checkpoint header is damaged. Save the checkpoint again or pick another step.");
    return *value;
}

}  // namespace

CheckpointHeader parseCheckpointHeader(const std::string& text, const std::string& path) {
    toml::table table;
    try {
        table = toml::parse(text, path);
    } catch (const toml::parse_error& e) {
        throw UserError(path + ": not a checkpoint header (" + std::string(e.description()) +
                        "). Save the checkpoint again or pick another step.");
    }
    if (table["format"].value_or(std::string()) != kCheckpointFormat)
        throw UserError(path + ": not a Ganarium checkpoint header (format = \"" + std::string(kCheckpointFormat) +
                        "\" is missing). Point --resume / Load at a folder written by `--checkpoint-dir` or \"Save to disk\".");
    CheckpointHeader header;
    header.version = static_cast<int>(requiredInteger(table, "version", path));
    if (header.version > kCheckpointVersion || header.version < 1)
        throw UserError(path + ": checkpoint format version " + std::to_string(header.version) +
                        ", but this Ganarium reads version " + std::to_string(kCheckpointVersion) +
                        ". Use the Ganarium that wrote it, or a newer one.");
    header.run_index = static_cast<int>(requiredInteger(table, "run_index", path));
    header.run_name = table["run_name"].value_or(std::string());
    header.kind = table["kind"].value_or(std::string());
    header.step = requiredInteger(table, "step", path);
    header.metric_count = static_cast<uint64_t>(requiredInteger(table, "metric_count", path));
    header.state_bytes = static_cast<uint64_t>(requiredInteger(table, "state_bytes", path));
    header.state_crc32 = static_cast<uint32_t>(requiredInteger(table, "state_crc32", path));
    header.metrics_bytes = static_cast<uint64_t>(requiredInteger(table, "metrics_bytes", path));
    header.metrics_crc32 = static_cast<uint32_t>(requiredInteger(table, "metrics_crc32", path));
    header.torch_version = table["torch_version"].value_or(std::string());
    return header;
}

uint32_t crc32Of(const std::string& bytes) {
    uLong crc = crc32(0L, Z_NULL, 0);
    size_t done = 0;
    while (done < bytes.size()) {
        const size_t n = std::min<size_t>(bytes.size() - done, 1u << 30);
        crc = crc32(crc, reinterpret_cast<const Bytef*>(bytes.data() + done), static_cast<uInt>(n));
        done += n;
    }
    return static_cast<uint32_t>(crc);
}

}  // namespace ganarium
