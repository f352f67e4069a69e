// cli_distributed_test.cpp — `ganarium train --world-size 2` as two real
// processes on loopback (free ports, hard deadlines): rank 0 alone prints and
// writes checkpoints; killing a rank makes the other exit with code 3 and a
// message naming it within the timeout (a hung rank: after --timeout plus the
// 3 s grace); --resume after the kill reaches the
// same weights (state CRC) as an uninterrupted job, and resumes on 1 rank too;
// a rank started differently, a rank out of range, a port in use, a toy scene
// and an unreachable master are refused with clear errors.
#include <doctest/doctest.h>

#include <filesystem>

#include "cli/cli_process.h"
#include "cli/free_port.h"
#include "cli/rank_process.h"

using namespace ganarium::test;
namespace fs = std::filesystem;

namespace {

constexpr int kSteps = 120;
constexpr double kTimeout = 20;     // --timeout of the jobs below (seconds; a lost rank is seen at once anyway)
constexpr double kGrace = 3;        // what a rank waits for the others to report in after a failure
constexpr double kDeadline = 240;   // no process of this suite lives longer

// One image run (no classifier metrics), checkpoints every 10 steps.
std::string sceneText() {
    return R"([scene]
title = "two ranks"
seed = 5
steps = 120
metrics_every = 20
checkpoint_every = 10
threads = 1

[[run]]
name = "NS"
kind = "image_gan"
objective = "non_saturating"
width = 8
latent_dim = 8
batch = 16
classes = [1, 7]
subset = 300
)";
}

std::string rankArgs(const std::string& scene, int rank, int world, int port, const std::string& extra,
                     double timeout = kTimeout) {
    return "train " + shellQuote(scene) + " --no-image-metrics --world-size " + std::to_string(world) + " --rank " +
           std::to_string(rank) + " --master 127.0.0.1:" + std::to_string(port) + " --timeout " +
           std::to_string(static_cast<int>(timeout)) + " " + extra;
}

// The state_crc32 line of a checkpoint folder's header ("" when missing).
std::string stateCrc(const std::string& step_folder) {
    const std::string header = readText(step_folder + "/checkpoint.toml");
    const size_t at = header.find("state_crc32");
    return at == std::string::npos ? "" : header.substr(at, header.find('\n', at) - at);
}

std::string stepFolder(const std::string& dir, int step) {
    char name[32];
    std::snprintf(name, sizeof name, "step-%06d", step);
    return dir + "/01-ns/" + name;
}

// Waits until `path` exists (true) or `seconds` pass (false).
bool waitForFile(const std::string& path, double seconds) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (!fs::exists(path)) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return true;
}

}  // namespace

TEST_CASE("train --world-size 2: a killed rank stops the other within the timeout; --resume reaches the same weights") {
    ScratchDir dir;
    const std::string scene = dir.write("scene.toml", sceneText());

    // An uninterrupted job; rank 1 reads its place from the launcher variables.
    const std::string whole = dir.file("whole");
    {
        const int port = freeLoopbackPort();
        RankProcess rank0(rankArgs(scene, 0, 2, port, "--checkpoint-dir " + shellQuote(whole)), dir.file("whole0.log"));
        RankProcess rank1("train " + shellQuote(scene) + " --no-image-metrics --timeout 20", dir.file("whole1.log"),
                          "WORLD_SIZE=2 RANK=1 MASTER_ADDR=127.0.0.1 MASTER_PORT=" + std::to_string(port));
        CHECK(rank0.wait(kDeadline) == 0);
        CHECK(rank1.wait(kDeadline) == 0);
        INFO(rank0.output());
        CHECK(rank0.output().find("Ranks:   2 (this is rank 0") != std::string::npos);
        CHECK(rank0.output().find("All-reduce:") != std::string::npos);
        CHECK(rank1.output() == "");  // the other ranks print errors only
    }
    const std::string expected = stateCrc(stepFolder(whole, kSteps));
    REQUIRE(expected != "");

    // The same job; rank 1 is killed once rank 0 wrote step 10.
    const std::string cut = dir.file("cut");
    {
        const int port = freeLoopbackPort();
        RankProcess rank0(rankArgs(scene, 0, 2, port, "--checkpoint-dir " + shellQuote(cut)), dir.file("cut0.log"));
        RankProcess rank1(rankArgs(scene, 1, 2, port, ""), dir.file("cut1.log"));
        REQUIRE(waitForFile(stepFolder(cut, 10) + "/checkpoint.toml", kDeadline));
        rank1.killNow();
        const auto killed = std::chrono::steady_clock::now();
        CHECK(rank1.wait(10) == 128 + SIGKILL);
        const int code = rank0.wait(kDeadline);
        const double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - killed).count();
        INFO(rank0.output());
        CHECK(code == 3);
        CHECK(rank0.output().find("rank 1 stopped answering") != std::string::npos);
        CHECK(waited < kTimeout + kGrace + 5);
    }
    CHECK_FALSE(fs::exists(stepFolder(cut, kSteps)));

    // Resumed on 2 ranks into another folder: the same final state as the uninterrupted job.
    const std::string resumed = dir.file("resumed");
    {
        const int port = freeLoopbackPort();
        const std::string resume = "--resume " + shellQuote(cut) + " --checkpoint-dir ";
        RankProcess rank0(rankArgs(scene, 0, 2, port, resume + shellQuote(resumed)), dir.file("resumed0.log"));
        // Rank 1 gets no folder of its own: it loads rank 0's latest steps through the job's store.
        RankProcess rank1(rankArgs(scene, 1, 2, port, "--resume " + shellQuote(dir.file("nowhere"))),
                          dir.file("resumed1.log"));
        CHECK(rank0.wait(kDeadline) == 0);
        CHECK(rank1.wait(kDeadline) == 0);
        INFO(rank0.output());
        INFO(rank1.output());
        CHECK(stateCrc(stepFolder(resumed, kSteps)) == expected);
        CHECK_FALSE(fs::exists(dir.file("nowhere")));
    }

    // Any world size resumes: the checkpoint holds no rank state (here 1 process, to the end).
    const ProcessResult alone = runGanarium("train " + shellQuote(scene) + " --no-image-metrics --resume " +
                                            shellQuote(cut) + " --checkpoint-dir " + shellQuote(dir.file("alone")));
    INFO(alone.output);
    CHECK(alone.exit_code == 0);
    CHECK(fs::exists(stepFolder(dir.file("alone"), kSteps) + "/checkpoint.toml"));
}

TEST_CASE("train --world-size 2: when rank 0 dies, rank 1 names it and exits with code 3") {
    ScratchDir dir;
    const std::string scene = dir.write("scene.toml", sceneText());
    const int port = freeLoopbackPort();
    RankProcess rank0(rankArgs(scene, 0, 2, port, "--checkpoint-dir " + shellQuote(dir.file("ck"))), dir.file("r0.log"));
    RankProcess rank1(rankArgs(scene, 1, 2, port, ""), dir.file("r1.log"));
    REQUIRE(waitForFile(stepFolder(dir.file("ck"), 10) + "/checkpoint.toml", kDeadline));
    rank0.killNow();
    const auto killed = std::chrono::steady_clock::now();
    const int code = rank1.wait(kDeadline);
    const double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - killed).count();
    INFO(rank1.output());
    CHECK(code == 3);
    CHECK(rank1.output().find("rank 0 (the master at 127.0.0.1:" + std::to_string(port) + ") stopped answering") !=
          std::string::npos);
    CHECK(waited < kTimeout + kGrace + 5);
}

TEST_CASE("train --world-size 2: a hung rank stops the other after --timeout plus the grace period") {
    ScratchDir dir;
    std::string text = sceneText();
    text.replace(text.find("steps = 120"), 11, "steps = 100000");  // still training when it hangs
    const std::string scene = dir.write("scene.toml", text);
    const int port = freeLoopbackPort();
    constexpr double kShortTimeout = 4;
    RankProcess rank0(rankArgs(scene, 0, 2, port, "--checkpoint-dir " + shellQuote(dir.file("ck")), kShortTimeout),
                      dir.file("h0.log"));
    RankProcess rank1(rankArgs(scene, 1, 2, port, "", kShortTimeout), dir.file("h1.log"));
    REQUIRE(waitForFile(stepFolder(dir.file("ck"), 10) + "/checkpoint.toml", kDeadline));
    rank1.stopNow();
    const auto stopped = std::chrono::steady_clock::now();
    const int code = rank0.wait(kDeadline);
    const double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - stopped).count();
    INFO(rank0.output());
    CHECK(code == 3);
    CHECK(rank0.output().find("rank 1 stopped answering") != std::string::npos);
    CHECK(waited >= kShortTimeout - 1);  // it waited for the timeout: a hung rank sends no "connection closed"
    CHECK(waited < kShortTimeout + kGrace + 5);
}

TEST_CASE("train --world-size: mistakes in starting the ranks are refused with clear errors") {
    ScratchDir dir;
    const std::string scene = dir.write("scene.toml", sceneText());

    SUBCASE("a rank started with another world size: both ranks stop and say which") {
        const int port = freeLoopbackPort();
        RankProcess rank0(rankArgs(scene, 0, 2, port, ""), dir.file("w0.log"));
        RankProcess rank1(rankArgs(scene, 1, 4, port, ""), dir.file("w1.log"));
        CHECK(rank0.wait(60) == 2);
        CHECK(rank1.wait(60) == 2);
        CHECK(rank0.output().find("rank 1 was started differently from rank 0: 'world_size = 2' here, 'world_size = 4' there") !=
              std::string::npos);
        CHECK(rank1.output().find("rank 1 and rank 0 were started differently") != std::string::npos);
    }
    SUBCASE("a rank outside the world") {
        const ProcessResult r = runGanarium(rankArgs(scene, 2, 2, freeLoopbackPort(), ""));
        CHECK(r.exit_code == 2);
        CHECK(r.output.find("must be between 0 and 1 for a world size of 2, got 2") != std::string::npos);
    }
    SUBCASE("the master port is in use") {
        const PortHolder busy;
        const ProcessResult r = runGanarium(rankArgs(scene, 0, 2, busy.port(), ""));
        INFO(r.output);
        CHECK(r.exit_code == 2);
        CHECK(r.output.find("could not listen on 127.0.0.1:" + std::to_string(busy.port())) != std::string::npos);
        CHECK(r.output.find("The port is in use") != std::string::npos);
    }
    SUBCASE("no rank 0: the others give up after the timeout") {
        const ProcessResult r = runGanarium("train " + shellQuote(scene) + " --world-size 2 --rank 1 --master 127.0.0.1:" +
                                            std::to_string(freeLoopbackPort()) + " --timeout 2");
        INFO(r.output);
        CHECK(r.exit_code == 2);
        CHECK(r.output.find("could not reach rank 0 at 127.0.0.1:") != std::string::npos);
        CHECK(r.seconds < 20);
    }
    SUBCASE("toy scenes stay single-process") {
        const ProcessResult r = runGanarium("train default --world-size 2 --rank 0 --master 127.0.0.1:" +
                                            std::to_string(freeLoopbackPort()));
        CHECK(r.exit_code == 2);
        CHECK(r.output.find("only image runs (kind = \"image_gan\") train on several processes") != std::string::npos);
    }
}
