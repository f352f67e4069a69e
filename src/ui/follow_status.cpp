// follow_status.cpp — the follow mode's texts, its controls section and its waiting screen.
#include "ui/follow_status.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ui/checkpoint_timeline.h"
#include "ui/theme.h"

namespace ganarium {

namespace {

// printf into a std::string (the i18n formats).
template <typename... Args>
std::string format(const char* pattern, Args... args) {
    const int n = std::snprintf(nullptr, 0, pattern, args...);
    std::string out(static_cast<size_t>(std::max(0, n)), '\0');
    std::snprintf(out.data(), out.size() + 1, pattern, args...);
    return out;
}

}  // namespace

bool followAllows(Command::Kind kind) {
    return kind == Command::Kind::LoadCheckpointsAt || kind == Command::Kind::PickTile;
}

std::string followAgeText(double seconds, Language lang) {
    const double s = std::isfinite(seconds) ? std::max(0.0, seconds) : 0.0;
    if (s < 120) return format(tr(lang, TextId::FollowAgoSeconds), static_cast<long long>(std::floor(s)));
    if (s < 2 * 3600) return format(tr(lang, TextId::FollowAgoMinutes), static_cast<long long>(std::floor(s / 60)));
    return format(tr(lang, TextId::FollowAgoHours), s / 3600);
}

std::string followStatusText(const FollowStatus& status, Language lang) {
    const char* dir = status.dir.c_str();
    if (status.missing) return format(tr(lang, TextId::FollowMissingLine), dir);
    if (status.shown_step < 0) return format(tr(lang, TextId::FollowWaitingLine), dir);
    return format(tr(lang, TextId::FollowStatusLine), dir, static_cast<long long>(status.shown_step),
                  static_cast<int>(status.steps.size()),
                  followAgeText(status.now - status.newest_written, lang).c_str());
}

int64_t followNeighbourStep(const FollowStatus& status, int direction) {
    const std::vector<int64_t>& steps = status.steps;
    if (steps.empty() || status.shown_step < 0) return -1;
    if (direction < 0) {
        const auto it = std::lower_bound(steps.begin(), steps.end(), status.shown_step);
        return it == steps.begin() ? -1 : *(it - 1);
    }
    const auto it = std::upper_bound(steps.begin(), steps.end(), status.shown_step);
    return it == steps.end() ? -1 : *it;
}

void drawFollowControls(FollowStatus& status, Language L) {
    ImGui::TextUnformatted(tr(L, TextId::FollowSection));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("%s", status.dir.c_str());
    ImGui::PopTextWrapPos();
    const int64_t clicked = drawCheckpointStrip(status.steps, std::max<int64_t>(0, status.shown_step), L,
                                                TextId::FollowShowStep, TextId::FollowStripHint);
    if (clicked >= 0) status.request_step = clicked;

    // Older | Newer on one row, Newest (live) across the panel below: the labels fit a narrow panel.
    const float w = ImGui::GetContentRegionAvail().x;
    const float half = (w - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    const int64_t older = followNeighbourStep(status, -1), newer = followNeighbourStep(status, +1);
    ImGui::BeginDisabled(older < 0);
    if (ImGui::Button(tr(L, TextId::FollowOlder), ImVec2(half, 0))) status.request_step = older;
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(newer < 0);
    if (ImGui::Button(tr(L, TextId::FollowNewer), ImVec2(half, 0))) status.request_step = newer;
    ImGui::EndDisabled();
    ImGui::BeginDisabled(status.live);
    if (ImGui::Button(tr(L, TextId::FollowNewest), ImVec2(w, 0))) status.request_live = true;
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", tr(L, TextId::FollowNewestHint));

    const ThemeColors c = themeColors();
    ImGui::PushTextWrapPos(0.0f);
    if (status.loading_step >= 0) {
        ImGui::TextDisabled(tr(L, TextId::FollowLoading), static_cast<long long>(status.loading_step));
    } else if (!status.live) {
        ImGui::TextDisabled("%s", tr(L, TextId::FollowHeld));
    }
    if (!status.problem.empty())
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(c.warning), tr(L, TextId::FollowRetrying),
                           static_cast<long long>(status.problem_step), status.problem.c_str());
    ImGui::PopTextWrapPos();
}

void handleFollowKeys(FollowStatus& status) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || io.KeyCtrl || io.KeyAlt) return;
    auto pressed = [](ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), true); };
    const int64_t older = followNeighbourStep(status, -1), newer = followNeighbourStep(status, +1);
    if ((pressed(ImGuiKey_LeftArrow) || pressed(ImGuiKey_PageUp)) && older >= 0) status.request_step = older;
    if ((pressed(ImGuiKey_RightArrow) || pressed(ImGuiKey_PageDown)) && newer >= 0) status.request_step = newer;
    if (pressed(ImGuiKey_End)) status.request_live = true;
}

void drawFollowWaiting(const FollowStatus& status, Language L, float x, float y, float width, float height) {
    const std::string text = format(tr(L, TextId::FollowWaitingBody), status.dir.c_str());
    const float wrap = std::max(100.0f, width * 0.7f);
    const ImVec2 size = ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap);
    ImDrawList* draw = ImGui::GetForegroundDrawList();
    const ImVec2 at(x + (width - size.x) * 0.5f, y + (height - size.y) * 0.5f);
    draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), at, themeColors().text, text.c_str(), nullptr, wrap);
}

}  // namespace ganarium
