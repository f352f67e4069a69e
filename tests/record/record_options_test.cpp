// record_options_test.cpp — `ganarium record` argument parsing, frame-count
// resolution, the stop-signal guard and the in-app clip names.
#include <doctest/doctest.h>

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "app/in_app_recorder.h"
#include "app/record_options.h"
#include "app/record_signals.h"
#include "core/errors.h"

using namespace ganarium;

namespace {

RecordOptions parse(std::vector<std::string> args) {
    args.insert(args.begin(), {"ganarium", "record"});
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    return parseRecordOptions(static_cast<int>(argv.size()), argv.data(), 2);
}

}  // namespace

TEST_CASE("record options: -o, size, steps per frame, layout, language, caption") {
    const RecordOptions o = parse({"ring.toml", "-o", "out.mp4", "--size", "640x360", "--steps-per-frame", "5",
                                   "--layout", "2x2", "--lang", "zh", "--caption", "Mode collapse", "--fps", "25"});
    CHECK(o.scene == "ring.toml");
    CHECK(o.output == "out.mp4");
    CHECK(o.width == 640);
    CHECK(o.height == 360);
    CHECK(o.steps_per_frame == 5);
    CHECK(o.layout == "2x2");
    CHECK(o.lang == "zh");
    REQUIRE(o.caption.has_value());
    CHECK(*o.caption == "Mode collapse");
    CHECK(o.fps == doctest::Approx(25));
}

TEST_CASE("record options: --force and --ffmpeg-timeout, off and 30 s by default") {
    const RecordOptions plain = parse({"default", "-o", "a.mp4"});
    CHECK_FALSE(plain.force);
    CHECK(plain.ffmpeg_timeout == doctest::Approx(30));
    const RecordOptions o = parse({"default", "-o", "a.mp4", "--force", "--ffmpeg-timeout", "2.5"});
    CHECK(o.force);
    CHECK(o.ffmpeg_timeout == doctest::Approx(2.5));
    CHECK_THROWS_WITH_AS(parse({"default", "-o", "a.mp4", "--ffmpeg-timeout", "0"}),
                         doctest::Contains("--ffmpeg-timeout"), UserError);
}

TEST_CASE("record options: mistakes are clear messages") {
    CHECK_THROWS_WITH_AS(parse({"default", "-o", "a.mp4", "--size", "321x180"}), doctest::Contains("even"), UserError);
    CHECK_THROWS_WITH_AS(parse({"default", "-o", "a.mp4", "--size", "big"}), doctest::Contains("WIDTHxHEIGHT"),
                         UserError);
    CHECK_THROWS_WITH_AS(parse({"default"}), doctest::Contains("-o OUT.mp4"), UserError);
    CHECK_THROWS_WITH_AS(parse({"default", "-o", "a.mp4", "--frames", "10", "--seconds", "2"}),
                         doctest::Contains("either"), UserError);
    CHECK_THROWS_WITH_AS(parse({"default", "-o", "a.mp4", "--lang", "fr"}), doctest::Contains("en"), UserError);
    CHECK_THROWS_WITH_AS(parse({"default", "-o", "a.mp4", "--layout", "wide"}), doctest::Contains("COLUMNSxROWS"),
                         UserError);
    CHECK_THROWS_AS(parse({"default", "-o", "a.mp4", "--fps", "0"}), UserError);
    CHECK_THROWS_AS(parse({"default", "-o", "a.mp4", "--speed", "2"}), UserError);
}

TEST_CASE("frame count: --frames, else --seconds x fps, else the scene's steps / K rounded up") {
    SceneSpec scene;
    scene.steps = 1000;
    CHECK(resolveFrameCount(parse({"default", "-o", "a.mp4", "--frames", "42"}), scene) == 42);
    CHECK(resolveFrameCount(parse({"default", "-o", "a.mp4", "--seconds", "2", "--fps", "24"}), scene) == 48);
    CHECK(resolveFrameCount(parse({"default", "-o", "a.mp4", "--steps-per-frame", "3"}), scene) == 334);
    CHECK(resolveFrameCount(parse({"default", "--png-dir", "frames"}), scene) == 1000);
}

TEST_CASE("stop signals raise the stop flag; a dead pipe gives EPIPE instead of killing") {
    StopSignalGuard guard;
    CHECK_FALSE(guard.stopRequested());
    ::kill(::getpid(), SIGINT);  // process-directed, as Ctrl-C; would end the test program without the guard
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (!guard.flag().load() && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    CHECK(guard.stopRequested());
    CHECK(guard.stopSignal() == SIGINT);
    CHECK(exitCodeForStopSignal(SIGINT) == 130);
    CHECK(exitCodeForStopSignal(SIGTERM) == 143);

    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    ::close(fds[0]);
    const char byte = 'x';
    errno = 0;
    CHECK(::write(fds[1], &byte, 1) == -1);
    CHECK(errno == EPIPE);
    ::close(fds[1]);
}

TEST_CASE("in-app clips get a timestamped name") {
    const std::string name = timestampedVideoName(1700000000);  // mid-November 2023 in every time zone
    CHECK(name.size() == std::string("ganarium-20231114-221320.mp4").size());
    CHECK(name.rfind("ganarium-202311", 0) == 0);
    CHECK(name.substr(name.size() - 4) == ".mp4");
    CHECK(name[17] == '-');
}
