// checkpoint_relay.cpp — rank 0's latest step folders through the TCPStore to the other ranks.
#include "train/checkpoint_relay.h"

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/errors.h"
#include "train/checkpoint_files.h"
#include "train/distributed_group_impl.h"

namespace ganarium {

namespace {

namespace fs = std::filesystem;

constexpr const char* kRelayKey = "ganarium/resume/";

std::vector<uint8_t> fileBytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::vector<uint8_t>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string key(int run, const std::string& what) { return kRelayKey + std::to_string(run) + "/" + what; }

std::string text(const std::vector<uint8_t>& bytes) { return std::string(bytes.begin(), bytes.end()); }
std::vector<uint8_t> bytes(const std::string& s) { return std::vector<uint8_t>(s.begin(), s.end()); }

// A fresh folder under the temporary directory, removed with its contents when this goes away.
class TemporaryFolder {
public:
    TemporaryFolder() {
        std::string pattern = (fs::temp_directory_path() / "ganarium-resume-XXXXXX").string();
        if (!::mkdtemp(pattern.data()))
            throw UserError("could not create a temporary folder for rank 0's checkpoints in " +
                            fs::temp_directory_path().string() + ": free some space or set TMPDIR.");
        path_ = pattern;
    }
    ~TemporaryFolder() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    TemporaryFolder(const TemporaryFolder&) = delete;
    TemporaryFolder& operator=(const TemporaryFolder&) = delete;
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

}  // namespace

void shareLatestCheckpoints(DistributedGroup& group, const std::string& dir, int run_count) {
    c10d::Store& store = *group.impl().store;
    for (int i = 0; i < run_count; ++i) {
        const std::string run_folder = findRunCheckpointFolder(dir, static_cast<size_t>(i));
        const std::vector<int64_t> steps = run_folder.empty() ? std::vector<int64_t>{} : savedCheckpointSteps(run_folder);
        if (steps.empty()) throw UserError("--resume: " + dir + " holds no checkpoint of run " + std::to_string(i + 1) + ".");
        const fs::path step_folder = stepCheckpointFolder(run_folder, steps.back());
        std::ostringstream names;
        for (const auto& entry : fs::directory_iterator(step_folder)) {
            if (!entry.is_regular_file()) continue;
            const std::string name = entry.path().filename().string();
            store.set(key(i, "file/" + name), fileBytes(entry.path()));
            names << name << '\n';
        }
        store.set(key(i, "folder"), bytes(fs::relative(step_folder, dir).string()));
        store.set(key(i, "files"), bytes(names.str()));
    }
    store.set(kRelayKey + std::string("ready"), bytes(std::to_string(run_count)));
}

std::string loadSharedCheckpoints(DistributedGroup& group, Trainer& trainer) {
    c10d::Store& store = *group.impl().store;
    try {
        store.wait({kRelayKey + std::string("ready")},
                   std::chrono::milliseconds(static_cast<int64_t>(group.options().timeout_s * 1000)));
    } catch (const std::exception& e) {
        throw UserError("rank " + std::to_string(group.rank()) + " did not receive rank 0's checkpoints for --resume (" +
                        std::string(e.what()).substr(0, std::string(e.what()).find('\n')) +
                        "). Check rank 0's messages, or raise --timeout.");
    }
    const int run_count = std::stoi(text(store.get(kRelayKey + std::string("ready"))));
    const TemporaryFolder folder;
    for (int i = 0; i < run_count; ++i) {
        const fs::path step_folder = folder.path() / text(store.get(key(i, "folder")));
        fs::create_directories(step_folder);
        std::istringstream names(text(store.get(key(i, "files"))));
        for (std::string name; std::getline(names, name);) {
            const std::vector<uint8_t> content = store.get(key(i, "file/" + name));
            std::ofstream(step_folder / name, std::ios::binary)
                .write(reinterpret_cast<const char*>(content.data()), static_cast<std::streamsize>(content.size()));
        }
    }
    return trainer.loadCheckpoints(folder.path().string());
}

}  // namespace ganarium
