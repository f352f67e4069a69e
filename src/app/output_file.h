// output_file.h — writing output files (videos, metrics, PNG frames) so that
// a planted symbolic link cannot redirect them, an existing file is never
// overwritten by surprise, and a crash never leaves a half-written file under
// the final name. The pattern: check the path before any work
// (requireOutputPath), write into a temporary file created exclusively next to
// the target (TempOutputFile), then move it into place with one rename
// (publish). Linux/POSIX only: lstat, O_EXCL|O_NOFOLLOW, renameat2.
#pragma once

#include <string>

namespace ganarium {

// What an output is called in messages: e.g. {"the video", "-o"} or {"the metrics file", "--metrics"}.
struct OutputLabel {
    std::string what;    // "the video", "the metrics file", "the PNG frame"
    std::string option;  // the command-line option that named it: "-o", "--metrics", "--png-dir"
};

// Throws UserError ("cannot write WHAT 'PATH': why; what to do") unless `path` can become a new output:
// its folder exists and is writable, and `path` is not a symbolic link, a folder or a special file. An
// existing regular file is refused unless `overwrite` (the --force option). Leaves nothing behind.
void requireOutputPath(const std::string& path, bool overwrite, const OutputLabel& label);

// Makes sure `folder` ("" = ".") can take new files named by the program (in-app videos, F12
// screenshots): creates it when missing (one level, as mkdir does), then proves it writable by creating
// and removing a probe file. Throws UserError ("cannot write WHAT into the folder 'F': why; what to do").
void prepareOutputFolder(const std::string& folder, const std::string& what);

// The folder part of a path ("." for a bare name, "/" for "/x").
std::string directoryOf(const std::string& path);

// Opens `path` for writing without following a symbolic link in its last component; without
// `overwrite` the file must not exist yet (O_EXCL). Returns the descriptor, or -1 with errno set.
int openOutputFile(const std::string& path, bool overwrite);

// Moves the file `from` to `to` with one rename (same file system). Without `overwrite` an existing
// `to` is never replaced. Returns "" on success, else the reason (strerror text or "it already exists").
std::string moveIntoPlace(const std::string& from, const std::string& to, bool overwrite);

// A temporary file next to `target`, named "TARGET.TAG-XXXXXX[SUFFIX]", created exclusively (mode as a
// new file under the process umask). Removed on destruction unless published or kept.
class TempOutputFile {
public:
    // Creates the file. Throws UserError naming `label` and the reason (folder not writable, disk full).
    TempOutputFile(const std::string& target, const std::string& tag, const std::string& suffix,
                   const OutputLabel& label);
    ~TempOutputFile();
    TempOutputFile(const TempOutputFile&) = delete;
    TempOutputFile& operator=(const TempOutputFile&) = delete;

    // Where the temporary file is.
    const std::string& path() const { return path_; }
    // Writes all of `data`; false (errno set) on a write error such as a full disk.
    bool write(const std::string& data);
    // Flushes the data to the disk and closes the descriptor; false (errno set) on failure.
    bool syncAndClose();
    // Moves the file onto `target` (see moveIntoPlace); "" on success, else the reason. Closes it first.
    std::string publish(const std::string& target, bool overwrite);
    // Keeps the file under its temporary name (nothing is removed on destruction).
    void keep() { owned_ = false; }

private:
    std::string path_;
    int fd_ = -1;
    bool owned_ = true;
};

}  // namespace ganarium
