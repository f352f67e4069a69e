// lesson.cpp — the small readers of a lesson step: rule comparisons, captions, the "3 / 9" position.
#include "core/lesson.h"

#include <algorithm>
#include <cmath>

namespace ganarium {

const char* compareSymbol(AdvanceRule::Compare compare) {
    switch (compare) {
        case AdvanceRule::Compare::Less: return "<";
        case AdvanceRule::Compare::LessEqual: return "<=";
        case AdvanceRule::Compare::Greater: return ">";
        case AdvanceRule::Compare::GreaterEqual: return ">=";
    }
    return "<=";
}

bool compareHolds(const AdvanceRule& rule, double metric_value) {
    if (std::isnan(metric_value)) return false;
    switch (rule.compare) {
        case AdvanceRule::Compare::Less: return metric_value < rule.value;
        case AdvanceRule::Compare::LessEqual: return metric_value <= rule.value;
        case AdvanceRule::Compare::Greater: return metric_value > rule.value;
        case AdvanceRule::Compare::GreaterEqual: return metric_value >= rule.value;
    }
    return false;
}

int64_t lessonStepMinFrames(const LessonStep& step, double fps) {
    return std::max<int64_t>(1, std::llround(step.advance.hold_seconds * fps));
}

int64_t lessonStepMaxFrames(const LessonStep& step, double fps) {
    if (step.advance.kind == AdvanceRule::Kind::Click) return lessonStepMinFrames(step, fps);
    return std::max<int64_t>(lessonStepMinFrames(step, fps), std::llround(kLessonStepMaxSeconds * fps));
}

int64_t lessonFrameBudget(const LessonSpec& lesson, double fps) {
    int64_t frames = 0;
    for (const LessonStep& step : lesson.steps) frames += lessonStepMaxFrames(step, fps);
    return std::max<int64_t>(1, frames);
}

const std::string& lessonCaption(const LessonStep& step, bool zh) {
    return zh && !step.caption_zh.empty() ? step.caption_zh : step.caption;
}

std::string lessonPosition(int index, int count) {
    return std::to_string(index + 1) + " / " + std::to_string(count);
}

}  // namespace ganarium
