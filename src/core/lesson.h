// lesson.h — a guided lesson: the ordered steps a scene file may carry
// ([[lesson.step]]). Each step has a caption in two languages, actions run
// when the step is entered (transport, run to a step, layers, focus, a run
// parameter, reset / reseed, a checkpoint) and a rule that says when the
// lesson moves on. Plain data, read by scene_parser (lesson_parser.cpp),
// played by LessonPlayer (lesson_player.h). No TOML, GL or LibTorch here.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/scene_spec.h"

namespace ganarium {

// When a lesson step hands over to the next one.
struct AdvanceRule {
    enum class Kind {
        Click,   // the presenter moves on (right arrow, a click); recordings hold the step `hold_seconds`
        AtStep,  // training step `at_step` is reached
        When,    // run `run`'s metric `metric` compares to `value` as `compare` says
    };
    enum class Compare { Less, LessEqual, Greater, GreaterEqual };
    Kind kind = Kind::Click;
    int64_t at_step = 0;
    int run = 0;                 // When: index of the watched run in the scene
    std::string metric;          // When: a metric key of the catalogue
    Compare compare = Compare::LessEqual;
    double value = 0;
    double hold_seconds = 4.0;   // recordings: how long a step stays on screen at least (every rule)
};

// What `compare` spells in a `when` rule: "<", "<=", ">", ">=".
const char* compareSymbol(AdvanceRule::Compare compare);

// True when `metric_value` satisfies a When rule's comparison (NaN never does).
bool compareHolds(const AdvanceRule& rule, double metric_value);

// A step's transport after its actions.
enum class Transport { Keep, Play, Pause };

// One step of a lesson: its caption, its actions and its advance rule, and the
// state the lesson is in once the step's actions have run (computed by the parser
// from the scene and every earlier step), which going back to the step restores.
struct LessonStep {
    int line = 0;                       // line of its [[lesson.step]] header in the scene file
    std::string caption, caption_zh;    // both required
    // --- actions, applied in this order when the step is entered ---
    bool reset = false;                 // rebuild every run from the scene's seed
    bool reseed = false;                // `seed` becomes the scene's seed, then reset
    uint64_t seed = 0;
    int64_t checkpoint = -1;            // rewind every run to its checkpoint at or before this step (-1: none)
    std::vector<int> set_runs;          // runs whose parameters this step sets (`set`, `set_run`)
    int64_t run_to_step = -1;           // fast-forward (no frames drawn) until this training step (-1: none)
    Transport transport = Transport::Keep;
    int d_steps = 0;                    // then this many single discriminator steps (the D key; 0: none)
    int g_steps = 0;                    // then this many single generator steps (the G key; 0: none)
    AdvanceRule advance;
    // --- the state after the actions (the lesson's state while this step is shown) ---
    DisplayState display;               // layers, curves tab (`show`, `hide`, `curves`)
    int focus = -1;                     // run panel drawn highlighted (`focus` = a run's name; -1: none)
    std::vector<RunSpec> runs;          // every run's options once this step's `set` applied
    uint64_t scene_seed = 1;            // the scene seed in force
    bool playing = false;               // training plays during this step
};

// A scene's lesson: its steps in order (empty: the scene is not a lesson).
struct LessonSpec {
    std::vector<LessonStep> steps;
    bool starts_playing = false;        // the transport before the first step (the window's, recordings: paused)
};

// A recorded step whose rule has not held after this many seconds of video moves on (with a warning): a lesson
// must not make a class wait.
inline constexpr double kLessonStepMaxSeconds = 60.0;

// Frames a recording at `fps` gives step `step` at least (its hold time, at least one frame) and at most.
int64_t lessonStepMinFrames(const LessonStep& step, double fps);
int64_t lessonStepMaxFrames(const LessonStep& step, double fps);
// The most frames a recording of the whole lesson can take (each step at its maximum).
int64_t lessonFrameBudget(const LessonSpec& lesson, double fps);

// The step's caption in the viewer's language (the English one when `zh` is false).
const std::string& lessonCaption(const LessonStep& step, bool zh);

// "3 / 9": the position shown in the caption bar (index is 0-based).
std::string lessonPosition(int index, int count);

}  // namespace ganarium
