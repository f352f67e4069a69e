// regular_file.cpp — stat before open, open with O_NONBLOCK, fstat again and
// read with a cap: the only way scene and CSV files are read.
#include "core/regular_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "core/errors.h"

namespace ganarium {
namespace {

// "a directory", "a named pipe (FIFO)", ... or "" for a regular file.
std::string kindOfNonRegular(mode_t mode) {
    if (S_ISREG(mode)) return "";
    if (S_ISDIR(mode)) return "a directory";
    if (S_ISFIFO(mode)) return "a named pipe (FIFO)";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISSOCK(mode)) return "a socket";
    return "not a regular file";
}

// Throws when `info` is not a regular file within the size cap.
void requireRegularWithinCap(const std::string& path, const struct stat& info, const FileRules& rules) {
    const std::string kind = kindOfNonRegular(info.st_mode);
    if (!kind.empty())
        throw SceneError(rules.what + " '" + path + "' is " + kind + ", not a regular file: give the path of a file" +
                         (rules.where_hint.empty() ? "" : " (" + rules.where_hint + ")"));
    const auto size = static_cast<uint64_t>(info.st_size);
    if (size > rules.max_bytes)
        throw SceneError(rules.what + " '" + path + "' is " + describeBytes(static_cast<double>(size)) +
                         ", more than the " + describeBytes(static_cast<double>(rules.max_bytes)) + " a " +
                         rules.what + " may have" + (rules.size_hint.empty() ? "" : ": " + rules.size_hint));
}

}  // namespace

std::string describeBytes(double bytes) {
    char buf[64];
    if (bytes >= 1e9)
        std::snprintf(buf, sizeof buf, "%.1f GB", bytes / 1e9);
    else if (bytes >= 1e6)
        std::snprintf(buf, sizeof buf, "%.1f MB", bytes / 1e6);
    else if (bytes >= 1e3)
        std::snprintf(buf, sizeof buf, "%.1f KB", bytes / 1e3);
    else
        std::snprintf(buf, sizeof buf, "%.0f bytes", bytes);
    return buf;
}

RegularFile::RegularFile(const std::string& path, const FileRules& rules) : path_(path), rules_(rules) {
    const std::string hint = rules.where_hint.empty() ? "" : " (" + rules.where_hint + ")";
    if (path.empty()) throw SceneError(rules.what + " path is empty: give the path of a file" + hint);
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0)
        throw SceneError("cannot open " + rules.what + " '" + path + "': " + std::strerror(errno) + hint);
    requireRegularWithinCap(path, info, rules);  // before open(): opening a FIFO would block
    fd_ = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd_ < 0) throw SceneError("cannot open " + rules.what + " '" + path + "': " + std::strerror(errno) + hint);
    if (::fstat(fd_, &info) != 0 || !S_ISREG(info.st_mode) || static_cast<uint64_t>(info.st_size) > rules.max_bytes) {
        ::close(fd_);
        fd_ = -1;
        requireRegularWithinCap(path, info, rules);  // replaced between stat() and open()
        throw SceneError("cannot read " + rules.what + " '" + path + "'" + hint);
    }
    size_ = static_cast<uint64_t>(info.st_size);
}

RegularFile::~RegularFile() {
    if (fd_ >= 0) ::close(fd_);
}

size_t RegularFile::read(char* buffer, size_t n) {
    ssize_t got = 0;
    do {
        got = ::read(fd_, buffer, n);
    } while (got < 0 && errno == EINTR);
    if (got < 0) throw SceneError("cannot read " + rules_.what + " '" + path_ + "': " + std::strerror(errno));
    consumed_ += static_cast<uint64_t>(got);
    if (consumed_ > rules_.max_bytes)
        throw SceneError(rules_.what + " '" + path_ + "' grew past the " +
                         describeBytes(static_cast<double>(rules_.max_bytes)) + " a " + rules_.what +
                         " may have while it was read" + (rules_.size_hint.empty() ? "" : ": " + rules_.size_hint));
    return static_cast<size_t>(got);
}

std::string readRegularFile(const std::string& path, const FileRules& rules) {
    RegularFile file(path, rules);
    std::string text;
    text.reserve(static_cast<size_t>(file.size()));
    char buffer[65536];
    for (size_t n = file.read(buffer, sizeof buffer); n > 0; n = file.read(buffer, sizeof buffer)) text.append(buffer, n);
    return text;
}

}  // namespace ganarium
