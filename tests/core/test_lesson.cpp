// test_lesson.cpp — [[lesson.step]] tables: parsing, each step's computed state,
// the errors a bad lesson gets (file:line, key, suggestion) and the player's
// moves forwards and back.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "core/errors.h"
#include "core/lesson.h"
#include "core/lesson_player.h"
#include "core/scene_parser.h"

using namespace ganarium;

namespace {

const std::string kScene = R"([scene]
title = "t"
seed = 3
[data]
family = "ring"
[[run]]
name = "Minimax"
objective = "minimax"
[[run]]
name = "WGAN-GP"
objective = "wasserstein"
lipschitz = "gp"
)";

// Line 13 onwards: the lesson.
const std::string kLesson = R"(
[[lesson.step]]
caption = "One"
caption_zh = "一"
hide = ["arrows"]

[[lesson.step]]
caption = "Two"
caption_zh = "二"
play = true
set = { d_lr = 0.001 }
set_run = "WGAN-GP"
at_step = 200
curves = "w1"

[[lesson.step]]
caption = "Three"
caption_zh = "三"
run_to_step = 800
when = "modes_covered <= 2"
run = "Minimax"
focus = "Minimax"
hold = 2.5

[[lesson.step]]
caption = "Four"
caption_zh = "四"
pause = true
reseed = 9
show = ["gp_lines"]
)";

SceneSpec lessonScene(const std::string& lesson = kLesson) { return parseSceneText(kScene + lesson, "lesson.toml"); }

// The error text of parsing the scene with `lesson`, "" when it parses.
std::string errorOf(const std::string& lesson) {
    try {
        parseSceneText(kScene + lesson, "bad.toml");
    } catch (const UserError& e) {
        return e.what();
    }
    return "";
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

int countKind(const LessonMove& move, Command::Kind kind) {
    int n = 0;
    for (const Command& c : move.commands) n += c.kind == kind;
    return n;
}

const Command* findKind(const LessonMove& move, Command::Kind kind) {
    for (const Command& c : move.commands)
        if (c.kind == kind) return &c;
    return nullptr;
}

}  // namespace

TEST_CASE("lesson: steps parse with captions, actions, rules and each step's state") {
    const SceneSpec scene = lessonScene();
    REQUIRE(static_cast<bool>(scene.lesson));
    const auto& steps = scene.lesson->steps;
    REQUIRE(steps.size() == 4);
    CHECK(steps[0].line == 14);
    CHECK(steps[0].caption == "One");
    CHECK(steps[0].caption_zh == "一");
    CHECK(lessonCaption(steps[1], true) == "二");
    CHECK(lessonCaption(steps[1], false) == "Two");
    CHECK(lessonPosition(2, 9) == "3 / 9");

    // Step 1: arrows hidden, paused, a click to go on.
    CHECK_FALSE(steps[0].display.layers.arrows);
    CHECK_FALSE(steps[0].playing);
    CHECK(steps[0].advance.kind == AdvanceRule::Kind::Click);
    // Step 2: plays, sets WGAN-GP's D learning rate only, waits for step 200; layers carry over.
    CHECK(steps[1].playing);
    CHECK_FALSE(steps[1].display.layers.arrows);
    CHECK(steps[1].display.curves == "w1");
    CHECK(steps[1].set_runs == std::vector<int>{1});
    CHECK(toyOf(steps[1].runs[1])->d_opt.lr == doctest::Approx(0.001));
    CHECK(toyOf(steps[1].runs[0])->d_opt.lr == doctest::Approx(1e-4));
    CHECK(steps[1].advance.kind == AdvanceRule::Kind::AtStep);
    CHECK(steps[1].advance.at_step == 200);
    // Step 3: fast-forward, a metric rule on the named run, a focused panel; the set carries over.
    CHECK(steps[2].run_to_step == 800);
    CHECK(steps[2].advance.kind == AdvanceRule::Kind::When);
    CHECK(steps[2].advance.metric == "modes_covered");
    CHECK(steps[2].advance.run == 0);
    CHECK(steps[2].advance.compare == AdvanceRule::Compare::LessEqual);
    CHECK(steps[2].advance.value == 2.0);
    CHECK(steps[2].advance.hold_seconds == 2.5);
    CHECK(steps[2].focus == 0);
    CHECK(steps[2].playing);
    CHECK(toyOf(steps[2].runs[1])->d_opt.lr == doctest::Approx(0.001));
    // Step 4: paused, reseeded, a layer shown; focus is per step.
    CHECK_FALSE(steps[3].playing);
    CHECK(steps[3].reseed);
    CHECK(steps[3].scene_seed == 9);
    CHECK(steps[2].scene_seed == 3);
    CHECK(steps[3].display.layers.gp_lines);
    CHECK(steps[3].focus == -1);

    // A scene without lesson tables is no lesson.
    CHECK_FALSE(static_cast<bool>(parseSceneText(kScene, "plain.toml").lesson));
}

TEST_CASE("lesson: comparisons of when rules") {
    AdvanceRule rule;
    rule.value = 2;
    rule.compare = AdvanceRule::Compare::LessEqual;
    CHECK(compareHolds(rule, 2.0));
    CHECK_FALSE(compareHolds(rule, 2.5));
    CHECK_FALSE(compareHolds(rule, std::nan("")));
    rule.compare = AdvanceRule::Compare::Less;
    CHECK_FALSE(compareHolds(rule, 2.0));
    rule.compare = AdvanceRule::Compare::Greater;
    CHECK(compareHolds(rule, 2.1));
    rule.compare = AdvanceRule::Compare::GreaterEqual;
    CHECK(compareHolds(rule, 2.0));
    CHECK(std::string(compareSymbol(rule.compare)) == ">=");
}

TEST_CASE("lesson player: single D / G steps, and going back over them replays the lesson from its start") {
    const std::string lesson = R"(
[[lesson.step]]
caption = "k_D discriminator steps"
caption_zh = "判别器步"
d_steps = 5

[[lesson.step]]
caption = "one generator step"
caption_zh = "生成器步"
g_steps = 1

[[lesson.step]]
caption = "play"
caption_zh = "运行"
play = true
)";
    const SceneSpec scene = lessonScene(lesson);
    CHECK(scene.lesson->steps[0].d_steps == 5);
    CHECK(scene.lesson->steps[1].g_steps == 1);
    LessonPlayer player(scene.lesson, scene);
    LessonMove m = player.start();
    REQUIRE(findKind(m, Command::Kind::StepD));
    CHECK(findKind(m, Command::Kind::StepD)->count == 5);
    CHECK(m.commands.back().kind == Command::Kind::StepD);  // after the transport
    m = player.next(0);
    CHECK(findKind(m, Command::Kind::StepG)->count == 1);
    player.next(0);  // plays from step 0
    // Back to step 2 at training step 120: the scene's seed again, step 1's five D steps, then step 2's G step.
    m = player.previous(120);
    CHECK(player.index() == 1);
    CHECK_FALSE(findKind(m, Command::Kind::Rewind));
    REQUIRE(findKind(m, Command::Kind::Reseed));
    CHECK(findKind(m, Command::Kind::Reseed)->seed == 3);
    std::vector<Command::Kind> steps;
    for (const Command& c : m.commands)
        if (c.kind == Command::Kind::StepD || c.kind == Command::Kind::StepG || c.kind == Command::Kind::StepIteration)
            steps.push_back(c.kind);
    CHECK(steps == std::vector<Command::Kind>{Command::Kind::StepD, Command::Kind::StepG});
    CHECK(m.run_to_step == -1);
    CHECK(has(errorOf("\n[[lesson.step]]\ncaption = \"a\"\ncaption_zh = \"甲\"\nd_steps = 0\n"), "1..1000"));
}

TEST_CASE("lesson: the frames a recording gives each step") {
    const SceneSpec scene = lessonScene();
    const auto& steps = scene.lesson->steps;
    // A click step: its hold time (4 s by default), at least one frame.
    CHECK(lessonStepMinFrames(steps[0], 30) == 120);
    CHECK(lessonStepMaxFrames(steps[0], 30) == 120);
    // A rule step: at least its hold (2.5 s), at most kLessonStepMaxSeconds.
    CHECK(lessonStepMinFrames(steps[2], 10) == 25);
    CHECK(lessonStepMaxFrames(steps[2], 10) == 600);
    LessonStep instant = steps[0];
    instant.advance.hold_seconds = 0;
    CHECK(lessonStepMinFrames(instant, 30) == 1);
    CHECK(lessonFrameBudget(*scene.lesson, 10) == 40 + 600 + 600 + 40);
}

TEST_CASE("lesson: bad lessons get file:line, the key and what to do") {
    const std::string step = "\n[[lesson.step]]\ncaption = \"a\"\ncaption_zh = \"甲\"\n";  // header on line 14
    // An unknown action, with a suggestion.
    std::string e = errorOf(step + "pasue = true\n");
    CHECK(has(e, "bad.toml:17:"));
    CHECK(has(e, "unknown action 'pasue'"));
    CHECK(has(e, "did you mean 'pause'?"));
    // Missing captions name the missing language.
    e = errorOf("\n[[lesson.step]]\ncaption = \"a\"\n");
    CHECK(has(e, "bad.toml:14:"));
    CHECK(has(e, "Chinese caption"));
    CHECK(has(e, "caption_zh"));
    e = errorOf("\n[[lesson.step]]\ncaption_zh = \"甲\"\n");
    CHECK(has(e, "English caption"));
    // A parameter the run kind does not have.
    e = errorOf(step + "set = { method = \"r1\" }\nset_run = \"Minimax\"\n");
    CHECK(has(e, "bad.toml:17:"));
    CHECK(has(e, "run 'Minimax' is a toy run, which has no parameter 'method'"));
    e = errorOf(step + "set = { d_lrr = 0.1 }\n");
    CHECK(has(e, "no parameter 'd_lrr'"));
    CHECK(has(e, "did you mean 'd_lr'?"));
    // A value out of range in `set` is the run key's own error.
    e = errorOf(step + "set = { d_lr = -1 }\n");
    CHECK(has(e, "bad.toml:17:"));
    CHECK(has(e, "d_lr"));
    // A metric the run does not record.
    e = errorOf(step + "play = true\nwhen = \"distance < 0.1\"\n");
    CHECK(has(e, "bad.toml:18:"));
    CHECK(has(e, "key 'when'"));
    CHECK(has(e, "does not record the metric 'distance'"));
    e = errorOf(step + "play = true\nwhen = \"gp_norm_mean < 2\"\nrun = \"Minimax\"\n");
    CHECK(has(e, "'gp_norm_mean'"));  // only gradient-penalty runs record it
    CHECK(errorOf(step + "play = true\nwhen = \"gp_norm_mean < 2\"\nrun = \"WGAN-GP\"\n").empty());
    // A malformed rule, a rule that never fires, unknown run names.
    CHECK(has(errorOf(step + "play = true\nwhen = \"modes_covered 2\"\n"), "METRIC OP VALUE"));
    CHECK(has(errorOf(step + "at_step = 100\n"), "add play = true"));
    e = errorOf(step + "focus = \"Minimaks\"\n");
    CHECK(has(e, "no run is called 'Minimaks'"));
    CHECK(has(e, "did you mean 'Minimax'?"));
    CHECK(has(errorOf(step + "set = { kind = \"dirac\" }\n"), "cannot change 'kind'"));
    CHECK(has(errorOf(step + "show = [\"arows\"]\n"), "did you mean 'arrows'?"));
    CHECK(has(errorOf("\n[lesson]\nstepz = 1\n"), "unknown key 'stepz'"));
}

TEST_CASE("lesson: a Dirac-GAN run's parameters and metrics") {
    const std::string dirac = "[scene]\ntitle = \"d\"\n[[run]]\nname = \"GAN\"\nkind = \"dirac\"\n";
    const std::string step = "[[lesson.step]]\ncaption = \"a\"\ncaption_zh = \"甲\"\nplay = true\n";
    const SceneSpec ok = parseSceneText(dirac + step + "set = { method = \"r1\" }\nwhen = \"distance < 0.1\"\n", "d.toml");
    CHECK(diracOf(ok.lesson->steps[0].runs[0])->method == DiracMethod::R1);
    try {
        parseSceneText(dirac + step + "set = { d_lr = 0.1 }\n", "d.toml");
        FAIL("a toy parameter was set on a Dirac-GAN run");
    } catch (const UserError& e) {
        CHECK(has(e.what(), "d.toml:10:"));
        CHECK(has(e.what(), "is a dirac run, which has no parameter 'd_lr'"));
    }
}

TEST_CASE("lesson player: forwards, the rules, and going back restores a step's state") {
    const SceneSpec scene = lessonScene();
    LessonPlayer player(scene.lesson, scene);
    CHECK(player.index() == -1);
    CHECK(player.count() == 4);

    LessonMove m = player.start();
    CHECK(player.index() == 0);
    CHECK_FALSE(m.display.layers.arrows);
    CHECK(countKind(m, Command::Kind::Pause) == 1);
    CHECK(countKind(m, Command::Kind::SetRun) == 0);
    CHECK_FALSE(player.ruleHolds(1000000, {}));  // a click rule never holds by itself

    m = player.next(0);  // step 2: sets WGAN-GP, plays
    CHECK(player.index() == 1);
    REQUIRE(countKind(m, Command::Kind::SetRun) == 1);
    CHECK(findKind(m, Command::Kind::SetRun)->run == 1);
    CHECK(toyOf(findKind(m, Command::Kind::SetRun)->run_spec)->d_opt.lr == doctest::Approx(0.001));
    CHECK(m.commands.back().kind == Command::Kind::Play);
    CHECK(m.display.curves == "w1");
    CHECK_FALSE(player.ruleHolds(199, {}));
    CHECK(player.ruleHolds(200, {}));

    m = player.next(230);  // step 3: fast-forward to 800, watch Minimax's modes
    CHECK(m.run_to_step == 800);
    CHECK(m.focus == 0);
    CHECK(countKind(m, Command::Kind::SetRun) == 0);  // the parameters carry over: nothing to set
    CHECK(player.enteredAt(2) == 230);
    double modes = 5;
    const LessonMetricReader read = [&](int run, const std::string& key) {
        return run == 0 && key == "modes_covered" ? modes : std::nan("");
    };
    CHECK_FALSE(player.ruleHolds(900, read));
    modes = 2;
    CHECK(player.ruleHolds(900, read));

    // Back from step 3 to step 2: parameters as before step 2 then step 2's set, training back to where step 2
    // began (a rewind to the checkpoint at or before step 0, then nothing to fast-forward), step 2's transport.
    m = player.previous(1100);
    CHECK(player.index() == 1);
    const Command* rewind = findKind(m, Command::Kind::Rewind);
    REQUIRE(rewind);
    CHECK(rewind->step == 0);
    CHECK(m.run_to_step == -1);
    CHECK(m.commands.back().kind == Command::Kind::Play);
    CHECK(m.display.curves == "w1");
    CHECK(m.focus == -1);
    // The player sent WGAN-GP back to its scene learning rate, then to step 2's (net: step 2's parameters).
    REQUIRE(countKind(m, Command::Kind::SetRun) == 2);
    CHECK(toyOf(m.commands[0].run_spec)->d_opt.lr == doctest::Approx(1e-4));
    CHECK(m.commands[1].kind == Command::Kind::Rewind);
    CHECK(toyOf(m.commands[2].run_spec)->d_opt.lr == doctest::Approx(0.001));

    // Forward again to 3 at step 260, to 4 (reseed), then back to 3: the reset lies between, so the seed in force
    // at step 3 comes back and training is fast-forwarded to where step 3 began, then to step 3's run_to_step.
    player.next(260);
    m = player.next(900);
    CHECK(findKind(m, Command::Kind::Reseed)->seed == 9);
    CHECK(m.display.layers.gp_lines);
    m = player.previous(40);
    CHECK(player.index() == 2);
    REQUIRE(findKind(m, Command::Kind::Reseed));
    CHECK(findKind(m, Command::Kind::Reseed)->seed == 3);
    CHECK_FALSE(findKind(m, Command::Kind::Rewind));
    CHECK(m.run_to_step == 800);
    CHECK_FALSE(m.display.layers.gp_lines);
    CHECK(m.focus == 0);

    // Jumps clamp to the lesson; a jump forwards runs every step's actions in order.
    m = player.jump(99, 900);
    CHECK(player.index() == 3);
    CHECK(player.atLastStep());
    m = player.jump(0, 5);  // back over the reseed: the scene's seed again
    CHECK(player.index() == 0);
    REQUIRE(findKind(m, Command::Kind::Reseed));
    CHECK(findKind(m, Command::Kind::Reseed)->seed == 3);
    CHECK(m.run_to_step == -1);
    CHECK(countKind(m, Command::Kind::SetRun) >= 1);  // WGAN-GP's learning rate goes back to the scene's
    CHECK(m.commands.back().kind == Command::Kind::Pause);
    m = player.previous(5);  // the first step stays where it is
    CHECK(player.index() == 0);
    CHECK(m.commands.empty());
}
