// regular_file.h — opens only regular files, with a size cap, so that a FIFO,
// a device such as /dev/zero or a huge file named by a scene can neither block
// Ganarium nor exhaust its memory. Every refusal is a SceneError that names the
// file and says what to do.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace ganarium {

// What a file is for, for the messages: e.g. {"points file", 100 MB,
// "the `csv` path is relative to the scene file's folder", "subsample it ..."}.
struct FileRules {
    std::string what;        // "scene file", "points file"
    uint64_t max_bytes = 0;  // larger files are refused
    std::string where_hint;  // said when the file is missing or not a file
    std::string size_hint;   // said when the file is too big
};

// An open, read-only regular file; closed on destruction.
class RegularFile {
public:
    // Opens `path` without ever blocking. Throws SceneError when it is missing, is not a
    // regular file (directory, FIFO, device, socket) or is larger than rules.max_bytes.
    RegularFile(const std::string& path, const FileRules& rules);
    ~RegularFile();
    RegularFile(const RegularFile&) = delete;
    RegularFile& operator=(const RegularFile&) = delete;

    // The size the file had when opened.
    uint64_t size() const { return size_; }
    // Reads up to `n` bytes into `buffer`; 0 at the end. Throws SceneError on a read error
    // or when the file has grown past rules.max_bytes while being read.
    size_t read(char* buffer, size_t n);

private:
    int fd_ = -1;
    std::string path_;
    FileRules rules_;
    uint64_t size_ = 0;
    uint64_t consumed_ = 0;
};

// The whole content of a regular file (refused as RegularFile does).
std::string readRegularFile(const std::string& path, const FileRules& rules);

// A size for messages in decimal units with one decimal: "812 bytes", "1.5 MB", "19.3 GB".
std::string describeBytes(double bytes);

}  // namespace ganarium
