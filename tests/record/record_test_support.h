// record_test_support.h — helpers shared by the recorder tests: temporary
// folders, a tiny scene file, running the `ganarium` binary ($GANARIUM_BIN)
// or ffprobe/ffmpeg and reading their output.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

namespace ganarium::test {

// A fresh empty folder under $TMPDIR (or /tmp), removed with its contents on destruction.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::string& path() const { return path_; }
    std::string file(const std::string& name) const { return path_ + "/" + name; }

private:
    std::string path_;
};

// Output and exit code of a finished child process.
struct RunResult {
    int exit_code = -1;   // 128+signal when killed
    std::string output;   // stdout and stderr together
};

// Path of the built `ganarium` binary from $GANARIUM_BIN ("" when unset).
std::string ganariumBinary();

// Runs argv (argv[0] looked up on PATH unless it has a '/'); `env_path` replaces $PATH when non-empty.
RunResult runProgram(const std::vector<std::string>& argv, const std::string& env_path = "");

// Starts argv in the background with stdout+stderr going to `log_path`; returns its pid.
// `env_path` replaces $PATH when non-empty.
pid_t startProgram(const std::vector<std::string>& argv, const std::string& log_path, const std::string& env_path = "");

// Waits for a child from startProgram(); exit code or 128+signal.
int waitProgram(pid_t pid);

// `ganarium record SCENE --size SIZE ARGS...`, with `env_path` as $PATH when non-empty.
RunResult runRecord(const std::string& scene, std::vector<std::string> args, const std::string& env_path = "",
                    const std::string& size = "320x180");

// Writes a tiny, fast scene (1 run, small nets, 2D ring) to `path`.
void writeTinyScene(const std::string& path, uint64_t seed = 3);

// ffprobe: "codec_name,width,height,nb_read_frames" of the first video stream ("" on failure).
std::string probeVideo(const std::string& path);

// Frames ffprobe decodes from the first video stream of `path`; -1 when it cannot read the file.
int decodedFrames(const std::string& path);

// Writes a /bin/sh script to `path` and makes it executable.
void writeScript(const std::string& path, const std::string& body);

// A folder holding a fake `ffmpeg` script; prepend path() to $PATH. The script runs `stage1_prefix`
// (shell lines) only when ffmpeg is started to read frames from the pipe, then execs the real ffmpeg;
// `every_run_prefix` runs before every ffmpeg start (e.g. `ulimit -f`).
class FakeFfmpeg {
public:
    FakeFfmpeg(const std::string& stage1_prefix, const std::string& every_run_prefix = "");
    const std::string& path() const { return dir_.path(); }
    // PATH with the fake first.
    std::string searchPath() const;

private:
    TempDir dir_;
};

// Entries of a folder (without . and ..), sorted.
std::vector<std::string> folderEntries(const std::string& dir);

// ffmpeg framemd5 lines of every decoded frame (comments dropped; "" on failure).
std::string frameHashes(const std::string& path);

// Whole file as bytes ("" when unreadable).
std::string readFile(const std::string& path);

// True when `path` exists.
bool fileExists(const std::string& path);

// Reads width/height from a PNG header; false when the file is not a PNG.
bool pngSize(const std::string& path, int& width, int& height);

}  // namespace ganarium::test
