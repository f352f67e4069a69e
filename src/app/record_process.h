// record_process.h — the few POSIX process helpers the recorder needs:
// finding an executable on PATH, running a short command to read its output,
// and starting a long-lived child (ffmpeg) that reads our pipe on its stdin.
// The child runs in its own process group with default signal handling, so a
// Ctrl-C in the terminal reaches Ganarium only and Ganarium decides when the
// child's input ends.
#pragma once

#include <string>
#include <sys/types.h>
#include <vector>

namespace ganarium {

// Full path of `name` found in the directories of $PATH; "" when absent.
std::string findExecutableOnPath(const std::string& name);

// Runs argv[0] (a full path) with `argv`, returns its stdout+stderr (at most
// `max_bytes`) and sets `exit_code` (-1 when it could not start or was killed).
std::string runAndCapture(const std::vector<std::string>& argv, int& exit_code, size_t max_bytes = 1 << 20);

// A started child process whose stdin is the write end `stdin_fd` we hold.
struct PipedChild {
    pid_t pid = -1;
    int stdin_fd = -1;
};

// Starts argv[0] (a full path) with stdin from a new pipe, stdout to
// /dev/null and stderr appended to `log_path`. Throws UserError on failure.
PipedChild spawnWithInputPipe(const std::vector<std::string>& argv, const std::string& log_path);

// Waits for `pid` to end; returns its exit code, or 128+signal when killed.
int waitForChild(pid_t pid);

// The last `max_lines` non-empty lines of a text file ("" when unreadable).
std::string tailOfFile(const std::string& path, int max_lines);

}  // namespace ganarium
