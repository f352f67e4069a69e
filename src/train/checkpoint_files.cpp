// checkpoint_files.cpp — writing and reading checkpoint folders.
#include "train/checkpoint_files.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "core/checkpoint_header.h"
#include "core/errors.h"
#include "core/metric_history_file.h"
#include "core/regular_file.h"
#include "core/scene_parser.h"
#include "train/checkpoint_state.h"
#include "train/trainer.h"

namespace ganarium {

namespace fs = std::filesystem;

namespace {

constexpr const char* kHeaderFile = "checkpoint.toml";
constexpr const char* kSceneFile = "scene.toml";
constexpr const char* kStateFile = "state.pt";
constexpr const char* kMetricsFile = "metrics.csv";
constexpr uint64_t kMaxStateBytes = 8ull << 30;

// Letters, digits, '-' and '_' of `name` (others become '-'), lower case, at most 40 characters.
std::string fileSafe(const std::string& name) {
    std::string out;
    for (unsigned char c : name) {
        if (out.size() >= 40) break;
        if (std::isalnum(c) || c == '_') {
            out += static_cast<char>(std::tolower(c));
        } else if (!out.empty() && out.back() != '-') {
            out += '-';
        }
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "run" : out;
}

std::string runPrefix(size_t index) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%02zu-", index + 1);
    return buffer;
}

// Writes `bytes` to `path`; throws UserError when the disk refuses.
void writeFile(const fs::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out)
        throw UserError("Could not write the checkpoint file " + path.string() +
                        " (disk full or no permission?). Free some space or pick another checkpoint folder.");
}

// The whole of a checkpoint folder's file (missing, not a file, too big: a UserError naming it).
std::string readFolderFile(const fs::path& path, const std::string& what) {
    FileRules rules;
    rules.what = what;
    rules.max_bytes = kMaxStateBytes;
    rules.where_hint = "a checkpoint folder holds checkpoint.toml, scene.toml, state.pt and metrics.csv; save it again or pick another step";
    rules.size_hint = "this is not a Ganarium checkpoint";
    return readRegularFile(path.string(), rules);
}

// Refuses `bytes` (of file `path`) when its size or CRC differs from the header's.
void checkIntegrity(const fs::path& path, const std::string& bytes, uint64_t expected_bytes, uint32_t expected_crc) {
    if (bytes.size() != expected_bytes)
        throw UserError(path.string() + " is " + std::to_string(bytes.size()) + " bytes, but its checkpoint.toml says " +
                        std::to_string(expected_bytes) + ": the file is truncated or was replaced. Pick another step (or save again).");
    if (crc32Of(bytes) != expected_crc)
        throw UserError(path.string() + " is damaged (its CRC-32 differs from checkpoint.toml's). Pick another step (or save again).");
}

// A name for a folder being written, unique to this process and thread.
std::string partialName(int64_t step) {
    std::ostringstream out;
    out << ".partial-step-" << step << '-' << ::getpid() << '-' << std::this_thread::get_id();
    return out.str();
}

}  // namespace

std::string runCheckpointFolder(const std::string& dir, size_t index, const std::string& name) {
    return (fs::path(dir) / (runPrefix(index) + fileSafe(name))).string();
}

std::string stepCheckpointFolder(const std::string& run_folder, int64_t step) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "step-%06lld", static_cast<long long>(step));
    return (fs::path(run_folder) / buffer).string();
}

bool writeCheckpointFolder(const std::string& dir, const SceneSpec& scene, size_t index, const RunCheckpoint& checkpoint) {
    const RunSpec& spec = scene.runs.at(index);
    std::string run_folder = findRunCheckpointFolder(dir, index);
    if (run_folder.empty()) run_folder = runCheckpointFolder(dir, index, spec.name);
    const fs::path final_folder = stepCheckpointFolder(run_folder, checkpoint.step);
    std::error_code error;
    if (fs::exists(final_folder / kHeaderFile, error)) return false;
    const fs::path partial = fs::path(run_folder) / partialName(checkpoint.step);
    fs::create_directories(partial, error);
    if (error)
        throw UserError("Could not make the checkpoint folder " + partial.parent_path().string() + " (" + error.message() +
                        "). Pick a folder you can write to.");
    try {
        CheckpointState state;
        checkpoint.write(state);
        const std::string state_bytes = state.serialize();
        const std::string metrics = metricHistoryToCsv(checkpoint.history, checkpoint.metric_count);
        CheckpointHeader header;
        header.run_index = static_cast<int>(index + 1);
        header.run_name = spec.name;
        header.kind = runKindNames()[static_cast<size_t>(kindOf(spec))];
        header.step = checkpoint.step;
        header.metric_count = std::min(checkpoint.metric_count, checkpoint.history.size());
        header.state_bytes = state_bytes.size();
        header.state_crc32 = crc32Of(state_bytes);
        header.metrics_bytes = metrics.size();
        header.metrics_crc32 = crc32Of(metrics);
        header.torch_version = torchVersion();
        writeFile(partial / kStateFile, state_bytes);
        writeFile(partial / kMetricsFile, metrics);
        writeFile(partial / kSceneFile, sceneToToml(scene));
        writeFile(partial / kHeaderFile, checkpointHeaderToToml(header));  // last: a folder with a header is whole
        fs::rename(partial, final_folder, error);
        if (error) {
            fs::remove_all(partial, error);
            return false;  // written meanwhile by someone else (the rename refuses a non-empty target)
        }
    } catch (...) {
        fs::remove_all(partial, error);
        throw;
    }
    return true;
}

std::string findRunCheckpointFolder(const std::string& dir, size_t index) {
    const std::string prefix = runPrefix(index);
    std::error_code error;
    std::vector<std::string> found;
    for (fs::directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) {
        const std::string name = it->path().filename().string();
        if (name.rfind(prefix, 0) == 0 && it->is_directory(error)) found.push_back(it->path().string());
    }
    std::sort(found.begin(), found.end());
    return found.empty() ? "" : found.front();
}

std::vector<int64_t> savedCheckpointSteps(const std::string& run_folder) {
    std::vector<int64_t> steps;
    std::error_code error;
    for (fs::directory_iterator it(run_folder, error), end; !error && it != end; it.increment(error)) {
        const std::string name = it->path().filename().string();
        if (name.rfind("step-", 0) != 0) continue;
        char* tail = nullptr;
        const long long step = std::strtoll(name.c_str() + 5, &tail, 10);
        if (*tail != '\0' || name.size() == 5 || step < 0) continue;
        if (fs::exists(it->path() / kHeaderFile, error)) steps.push_back(step);
    }
    std::sort(steps.begin(), steps.end());
    return steps;
}

std::shared_ptr<const RunCheckpoint> readCheckpointFolder(const std::string& folder, const Run& run, size_t index) {
    const fs::path base(folder);
    const std::string header_path = (base / kHeaderFile).string();
    const CheckpointHeader header = parseCheckpointHeader(readFolderFile(header_path, "checkpoint header"), header_path);
    const std::string run_kind = runKindNames()[static_cast<size_t>(kindOf(run.spec()))];
    const std::string run_label = "run " + std::to_string(index + 1) + " (" + run.spec().name + ")";
    if (header.kind != run_kind)
        throw CheckpointKindMismatch(folder + " holds a " + header.kind + " run's checkpoint, but " + run_label + " is a " + run_kind +
                        " run. Load it with the scene it was saved from (" + (base / kSceneFile).string() + ").");
    const fs::path state_path = base / kStateFile, metrics_path = base / kMetricsFile;
    const std::string state_bytes = readFolderFile(state_path, "checkpoint state");
    checkIntegrity(state_path, state_bytes, header.state_bytes, header.state_crc32);
    const std::string metrics_text = readFolderFile(metrics_path, "checkpoint metric history");
    checkIntegrity(metrics_path, metrics_text, header.metrics_bytes, header.metrics_crc32);
    const auto history = parseMetricHistoryCsv(metrics_text, header.metric_count, metrics_path.string());
    const CheckpointState state = CheckpointState::deserialize(state_bytes, state_path.string());
    return run.readCheckpoint(state, header.step, MetricLogView(history));
}

std::string checkpointFolderProblem(const std::string& folder) {
    const fs::path base(folder);
    try {
        const std::string header_path = (base / kHeaderFile).string();
        const CheckpointHeader header = parseCheckpointHeader(readFolderFile(header_path, "checkpoint header"), header_path);
        const fs::path state_path = base / kStateFile, metrics_path = base / kMetricsFile;
        checkIntegrity(state_path, readFolderFile(state_path, "checkpoint state"), header.state_bytes, header.state_crc32);
        checkIntegrity(metrics_path, readFolderFile(metrics_path, "checkpoint metric history"), header.metrics_bytes,
                       header.metrics_crc32);
        readFolderFile(base / kSceneFile, "checkpoint scene");
    } catch (const std::exception& error) {  // UserError, or worse from a hostile file: never an exception to the window
        return error.what();
    }
    return "";
}

}  // namespace ganarium
