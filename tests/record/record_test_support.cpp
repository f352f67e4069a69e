// record_test_support.cpp — process and file helpers for the recorder tests.
#include "record/record_test_support.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "app/record_process.h"

extern char** environ;

namespace ganarium::test {

namespace {

std::vector<char*> cArgs(std::vector<std::string>& args) {
    std::vector<char*> out;
    for (auto& a : args) out.push_back(a.data());
    out.push_back(nullptr);
    return out;
}

// The environment with PATH replaced (when `path` is non-empty).
std::vector<std::string> environmentWithPath(const std::string& path) {
    std::vector<std::string> env;
    for (char** e = environ; *e; ++e) {
        if (!path.empty() && std::strncmp(*e, "PATH=", 5) == 0) continue;
        env.emplace_back(*e);
    }
    if (!path.empty()) env.push_back("PATH=" + path);
    return env;
}

std::string resolve(const std::string& program) {
    if (program.find('/') != std::string::npos) return program;
    const std::string found = findExecutableOnPath(program);
    return found.empty() ? program : found;
}

}  // namespace

TempDir::TempDir() {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/ganarium-record-test-XXXXXX";
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    if (::mkdtemp(name.data())) path_ = name.data();
}

TempDir::~TempDir() {
    if (path_.empty()) return;
    runProgram({"/bin/rm", "-rf", path_});
}

std::string ganariumBinary() {
    const char* bin = std::getenv("GANARIUM_BIN");
    return bin ? bin : "";
}

RunResult runProgram(const std::vector<std::string>& argv_in, const std::string& env_path) {
    RunResult result;
    std::vector<std::string> argv = argv_in;
    argv[0] = resolve(argv[0]);
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) return result;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDERR_FILENO);
    auto env = environmentWithPath(env_path);
    auto cargv = cArgs(argv);
    auto cenv = cArgs(env);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, argv[0].c_str(), &actions, nullptr, cargv.data(), cenv.data());
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);
    if (rc == 0) {
        char buf[4096];
        for (;;) {
            const ssize_t n = ::read(fds[0], buf, sizeof buf);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;
            result.output.append(buf, static_cast<size_t>(n));
        }
        result.exit_code = waitProgram(pid);
    } else {
        result.output = std::string("cannot start ") + argv[0] + ": " + std::strerror(rc);
    }
    ::close(fds[0]);
    return result;
}

pid_t startProgram(const std::vector<std::string>& argv_in, const std::string& log_path, const std::string& env_path) {
    std::vector<std::string> argv = argv_in;
    argv[0] = resolve(argv[0]);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    auto cargv = cArgs(argv);
    auto env = environmentWithPath(env_path);
    auto cenv = cArgs(env);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, argv[0].c_str(), &actions, nullptr, cargv.data(), cenv.data());
    posix_spawn_file_actions_destroy(&actions);
    return rc == 0 ? pid : -1;
}

int waitProgram(pid_t pid) { return waitForChild(pid); }

void writeTinyScene(const std::string& path, uint64_t seed) {
    std::ofstream out(path);
    out << "[scene]\n"
           "title = \"Tiny recording test\"\n"
           "caption = \"One small GAN on four Gaussians\"\n"
           "seed = " << seed << "\n"
           "steps = 60\n"
           "metrics_every = 20\n"
           "threads = 1\n"
           "view = [-2.0, 2.0, -2.0, 2.0]\n"
           "[data]\n"
           "family = \"ring\"\n"
           "modes = 4\n"
           "radius = 1.0\n"
           "std = 0.05\n"
           "[defaults]\n"
           "latent_dim = 2\n"
           "batch = 64\n"
           "g_hidden = [16, 16]\n"
           "d_hidden = [16, 16]\n"
           "[[run]]\n"
           "name = \"tiny GAN\"\n"
           "objective = \"non_saturating\"\n";
}

std::string probeVideo(const std::string& path) {
    const RunResult r = runProgram({"ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0",
                                    "-show_entries", "stream=codec_name,width,height,nb_read_frames", "-of",
                                    "csv=p=0", path});
    if (r.exit_code != 0) return "";
    std::string line = r.output.substr(0, r.output.find('\n'));
    while (!line.empty() && (line.back() == ',' || line.back() == '\r')) line.pop_back();
    return line;
}

int decodedFrames(const std::string& path) {
    const std::string probe = probeVideo(path);
    const auto comma = probe.find_last_of(',');
    if (probe.empty() || comma == std::string::npos) return -1;
    const std::string count = probe.substr(comma + 1);
    if (count.empty() || count.find_first_not_of("0123456789") != std::string::npos) return -1;
    return std::stoi(count);
}

void writeScript(const std::string& path, const std::string& body) {
    {
        std::ofstream out(path);
        out << "#!/bin/sh\n" << body;
    }
    ::chmod(path.c_str(), 0755);
}

FakeFfmpeg::FakeFfmpeg(const std::string& stage1_prefix, const std::string& every_run_prefix) {
    const std::string real = findExecutableOnPath("ffmpeg");
    writeScript(dir_.file("ffmpeg"), every_run_prefix + "\ncase \"$*\" in *pipe:0*)\n" + stage1_prefix +
                                         "\n;;\nesac\nexec " + real + " \"$@\"\n");
}

std::string FakeFfmpeg::searchPath() const {
    const char* path = std::getenv("PATH");
    return dir_.path() + ":" + (path ? path : "/usr/bin:/bin");
}

std::vector<std::string> folderEntries(const std::string& dir) {
    std::vector<std::string> out;
    std::stringstream names(runProgram({"/bin/ls", "-A", dir}).output);
    for (std::string name; std::getline(names, name);)
        if (!name.empty()) out.push_back(name);
    return out;
}

std::string frameHashes(const std::string& path) {
    const RunResult r = runProgram({"ffmpeg", "-v", "error", "-i", path, "-f", "framemd5", "-"});
    if (r.exit_code != 0) return "";
    std::stringstream in(r.output);
    std::string line, out;
    while (std::getline(in, line))
        if (!line.empty() && line[0] != '#') out += line + "\n";
    return out;
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

bool fileExists(const std::string& path) { return ::access(path.c_str(), F_OK) == 0; }

bool pngSize(const std::string& path, int& width, int& height) {
    const std::string bytes = readFile(path);
    static_assert(sizeof(unsigned char) == 1);
    const unsigned char signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    if (bytes.size() < 24 || std::memcmp(bytes.data(), signature, 8) != 0) return false;
    auto be32 = [&](size_t at) {
        const auto* p = reinterpret_cast<const unsigned char*>(bytes.data() + at);
        return static_cast<int>((p[0] << 24) | (p[1] << 16) | (p[2] << 8) | p[3]);
    };
    width = be32(16);
    height = be32(20);
    return true;
}

RunResult runRecord(const std::string& scene, std::vector<std::string> args, const std::string& env_path,
                    const std::string& size) {
    std::vector<std::string> argv = {ganariumBinary(), "record", scene, "--size", size};
    argv.insert(argv.end(), args.begin(), args.end());
    return runProgram(argv, env_path);
}

}  // namespace ganarium::test
