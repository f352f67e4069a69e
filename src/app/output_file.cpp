// output_file.cpp — path checks, exclusive temporary files and no-replace renames.
#include "app/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <vector>

#include "core/errors.h"

namespace ganarium {

namespace {

// The process umask, read without changing it (umask() would, for every thread); 022 when unknown.
mode_t currentUmask() {
    std::ifstream status("/proc/self/status");
    std::string key;
    while (status >> key) {
        if (key == "Umask:") {
            std::string value;
            status >> value;
            return static_cast<mode_t>(std::strtoul(value.c_str(), nullptr, 8));
        }
    }
    return 022;
}

// "cannot write the video 'out.mp4': "
std::string cannotWrite(const std::string& path, const OutputLabel& label) {
    return "cannot write " + label.what + " '" + path + "': ";
}

// The file name part of a path.
std::string baseName(const std::string& path) {
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Creates "PATTERN" (ending in XXXXXX, then `suffix_len` more characters) exclusively; fd or -1.
int createExclusive(std::string& path, int suffix_len) {
    std::vector<char> name(path.begin(), path.end());
    name.push_back('\0');
    const int fd = ::mkostemps(name.data(), suffix_len, O_CLOEXEC);
    if (fd >= 0) path = name.data();
    return fd;
}

}  // namespace

std::string directoryOf(const std::string& path) {
    const auto slash = path.find_last_of('/');
    if (slash == std::string::npos) return ".";
    if (slash == 0) return "/";
    return path.substr(0, slash);
}

void requireOutputPath(const std::string& path, bool overwrite, const OutputLabel& label) {
    if (path.empty()) throw UserError(label.what + ": the file name is empty; give one with " + label.option + " FILE");
    const std::string dir = directoryOf(path);
    struct stat st{};
    if (::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
        throw UserError(cannotWrite(path, label) + "the folder '" + dir + "' does not exist (create it first: mkdir -p " +
                        dir + ")");
    if (::lstat(path.c_str(), &st) == 0) {
        if (S_ISLNK(st.st_mode)) {
            char target[4096] = {};
            const ssize_t n = ::readlink(path.c_str(), target, sizeof target - 1);
            throw UserError(cannotWrite(path, label) + "it is a symbolic link" +
                            (n > 0 ? std::string(" (to '") + target + "')" : std::string()) +
                            " and Ganarium never writes through links; remove the link or choose another name");
        }
        if (S_ISDIR(st.st_mode))
            throw UserError(cannotWrite(path, label) + "it is a folder; give a file name inside it, such as " + path +
                            "/" + baseName(label.option == "--metrics" ? "metrics.json" : "ganarium.mp4"));
        if (!S_ISREG(st.st_mode))
            throw UserError(cannotWrite(path, label) +
                            "it is not a regular file (a device, FIFO or socket); choose another name");
        if (!overwrite)
            throw UserError(cannotWrite(path, label) +
                            "the file already exists; add --force to replace it, or choose another name");
    } else if (errno != ENOENT) {
        throw UserError(cannotWrite(path, label) + std::strerror(errno));
    }
    // The real test of "writable" (access() says yes to root on a read-only mount): create and remove a file.
    std::string probe = dir + "/.ganarium-probe-XXXXXX";
    const int fd = createExclusive(probe, 0);
    if (fd < 0)
        throw UserError(cannotWrite(path, label) + std::strerror(errno) +
                        " (choose a folder you can write to, e.g. " + label.option + " $HOME/" + baseName(path) + ")");
    ::close(fd);
    ::unlink(probe.c_str());
}

void prepareOutputFolder(const std::string& folder_in, const std::string& what) {
    const std::string folder = folder_in.empty() ? "." : folder_in;
    const std::string cannot = "cannot write " + what + " into the folder '" + folder + "': ";
    struct stat st{};
    if (::stat(folder.c_str(), &st) != 0) {
        if (errno != ENOENT || ::mkdir(folder.c_str(), 0777) != 0)
            throw UserError(cannot + "it does not exist and cannot be created (" + std::strerror(errno) +
                            "); create it first (mkdir -p " + folder + ") or choose another folder");
    } else if (!S_ISDIR(st.st_mode)) {
        throw UserError(cannot + "it is not a folder; choose a folder");
    }
    std::string probe = folder + "/.ganarium-probe-XXXXXX";
    const int fd = createExclusive(probe, 0);
    if (fd < 0)
        throw UserError(cannot + std::strerror(errno) + " (choose a folder you can write to, e.g. $HOME)");
    ::close(fd);
    ::unlink(probe.c_str());
}

int openOutputFile(const std::string& path, bool overwrite) {
    const int flags = O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC | (overwrite ? O_TRUNC : O_EXCL);
    return ::open(path.c_str(), flags, 0666);
}

std::string moveIntoPlace(const std::string& from, const std::string& to, bool overwrite) {
    if (overwrite) {
        // rename() replaces `to` itself (never what a link there points to).
        return ::rename(from.c_str(), to.c_str()) == 0 ? "" : std::strerror(errno);
    }
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return "";
    if (errno == EEXIST) return "it already exists (add --force to replace it)";
    if (errno != EINVAL && errno != ENOSYS) return std::strerror(errno);
    // A file system without RENAME_NOREPLACE: link() also refuses an existing name.
    if (::link(from.c_str(), to.c_str()) == 0) {
        ::unlink(from.c_str());
        return "";
    }
    if (errno == EEXIST) return "it already exists (add --force to replace it)";
    return std::strerror(errno);
}

TempOutputFile::TempOutputFile(const std::string& target, const std::string& tag, const std::string& suffix,
                               const OutputLabel& label)
    : path_(target + "." + tag + "-XXXXXX" + suffix) {
    fd_ = createExclusive(path_, static_cast<int>(suffix.size()));
    if (fd_ < 0)
        throw UserError("cannot create a temporary file next to " + label.what + " '" + target +
                        "': " + std::strerror(errno) + " (choose a folder you can write to, or free some space)");
    ::fchmod(fd_, 0666 & ~currentUmask());  // as an ordinary new file, not mkstemp's 0600
}

TempOutputFile::~TempOutputFile() {
    if (fd_ >= 0) ::close(fd_);
    if (owned_) ::unlink(path_.c_str());
}

bool TempOutputFile::write(const std::string& data) {
    const char* p = data.data();
    size_t left = data.size();
    while (left > 0) {
        const ssize_t n = ::write(fd_, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        p += n;
        left -= static_cast<size_t>(n);
    }
    return true;
}

bool TempOutputFile::syncAndClose() {
    if (fd_ < 0) return true;
    const bool synced = ::fsync(fd_) == 0;
    const int saved = errno;
    const bool closed = ::close(fd_) == 0;
    fd_ = -1;
    if (!synced) errno = saved;
    return synced && closed;
}

std::string TempOutputFile::publish(const std::string& target, bool overwrite) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    const std::string error = moveIntoPlace(path_, target, overwrite);
    if (error.empty()) owned_ = false;
    return error;
}

}  // namespace ganarium
