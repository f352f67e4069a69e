// overlays.cpp — the status line, the keyboard help overlay and the banner.
#include <algorithm>
#include <cstdio>
#include <string>

#include "core/display_names.h"
#include "ui/follow_status.h"
#include "ui/panels.h"
#include "ui/theme.h"

namespace ganarium {

void drawStatusLine(UiState& state, const Snapshot& snapshot, ImVec2 pos, ImVec2 size) {
    const Language L = state.lang;
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(10, 3));
    ImGui::Begin("##status", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoBringToFrontOnFocus |
                     ImGuiWindowFlags_NoBackground);  // the clear colour is the background (less fill on llvmpipe)
    const ThemeColors c = themeColors();
    ImGui::GetWindowDrawList()->AddLine(pos, ImVec2(pos.x + size.x, pos.y), c.grid, 1.0f);
    // The REC indicator lives here, below the recorded area, so it never appears in the video.
    if (state.recording.active) {
        const float t = static_cast<float>(ImGui::GetTime());
        const bool lit = static_cast<int>(t * 2.0f) % 2 == 0;  // the dot blinks at 1 Hz
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float r = ImGui::GetFontSize() * 0.3f;
        ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(p.x + r, p.y + ImGui::GetFontSize() * 0.55f), r,
                                                    lit ? IM_COL32(255, 50, 50, 255) : IM_COL32(120, 30, 30, 255));
        ImGui::Dummy(ImVec2(r * 2.0f, ImGui::GetFontSize()));
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(1.0f, 0.35f, 0.35f, 1.0f), "%s", recordingIndicatorText(state.recording, L).c_str());
        ImGui::SameLine();
        ImGui::TextUnformatted(" |");
        ImGui::SameLine();
    }
    int64_t step = 0;
    for (const RunSnapshot& run : snapshot.runs) step = std::max(step, run.step);
    if (state.follow.active) {  // `ganarium follow`: the folder and its checkpoint instead of the training pace
        ImGui::TextUnformatted(followStatusText(state.follow, L).c_str());
        ImGui::SameLine();
        ImGui::Text("|  %.0f %s, %s %.1f ms", state.frame.fps, tr(L, TextId::Fps), tr(L, TextId::FrameTime),
                    state.frame.frame_ms);
    } else {
        ImGui::PushStyleColor(ImGuiCol_Text, snapshot.playing ? IM_COL32(110, 220, 140, 255) : c.text_dim);
        ImGui::TextUnformatted(tr(L, snapshot.playing ? TextId::Playing : TextId::Paused));
        ImGui::PopStyleColor();
        ImGui::SameLine();
        ImGui::Text("|  %s %lld  |  %.0f %s  |  %.0f %s, %s %.1f ms  |  %s: %s", tr(L, TextId::Step),
                    static_cast<long long>(step), snapshot.steps_per_second, tr(L, TextId::StepsPerSecond),
                    state.frame.fps, tr(L, TextId::Fps), tr(L, TextId::FrameTime), state.frame.frame_ms,
                    tr(L, TextId::Blas), state.frame.blas_name.c_str());
    }
    if (snapshot.classifier.wanted && !snapshot.classifier.ready) {
        // The image metrics' classifier: loading, or training on first use (about 2 minutes), or failed.
        ImGui::SameLine();
        ImGui::TextUnformatted("  |");
        ImGui::SameLine();
        if (!snapshot.classifier.failed) {
            char fraction[16];
            std::snprintf(fraction, sizeof fraction, "%.0f%%", 100.0 * snapshot.classifier.fraction);
            ImGui::ProgressBar(static_cast<float>(snapshot.classifier.fraction), ImVec2(ImGui::GetFontSize() * 5, 0),
                               fraction);
            ImGui::SameLine();
        }
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(snapshot.classifier.failed ? c.warning : c.text_dim), "%s",
                           snapshot.classifier.failed ? snapshot.classifier.message.c_str()
                                                      : tr(L, TextId::ClassifierPreparing));
    }
    // Only while the share costs training time (paced Dirac steps take microseconds: their rests cost nothing).
    if (state.frame.training_share < 0.995 && snapshot.training_rested) {
        ImGui::SameLine();
        ImGui::TextUnformatted("  |");
        ImGui::SameLine();
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(c.text_dim), tr(L, TextId::TrainingShareLabel),
                           100.0 * state.frame.training_share);
    }
    if (state.frame.blas_reference) {
        ImGui::SameLine();
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(c.warning), "  %s", tr(L, TextId::SlowBlasWarning));
    }
    std::string diverged;
    for (const RunSnapshot& run : snapshot.runs)
        if (run.status == RunStatus::Diverged)
            diverged += (diverged.empty() ? "" : ", ") + localizedText(run.name, run.name_zh, L == Language::Chinese);
    if (!diverged.empty()) {
        ImGui::SameLine();
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(c.error), "  |  %s: %s", tr(L, TextId::DivergedRuns),
                           diverged.c_str());
    }
    ImGui::End();
    ImGui::PopStyleVar();
}

std::string recordingIndicatorText(const RecordingStatus& status, Language lang) {
    if (!status.active) return "";
    const long long whole = static_cast<long long>(status.seconds);
    char buf[96];
    std::snprintf(buf, sizeof buf, "REC %02lld:%02lld  %lld %s", whole / 60, whole % 60, status.frames,
                  tr(lang, TextId::RecFrames));
    return buf;
}

void drawHelpOverlay(UiState& state) {
    if (!state.show_help) return;
    const Language L = state.lang;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x * 0.5f, vp->Pos.y + vp->Size.y * 0.5f), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowBgAlpha(0.96f);
    bool open = true;
    if (ImGui::Begin(tr(L, TextId::HelpTitle), &open,
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                         ImGuiWindowFlags_NoCollapse)) {
        const TextId keys[] = {TextId::KeySpace, TextId::KeyS,  TextId::KeyD,      TextId::KeyG,
                               TextId::KeyR,     TextId::KeyF12, TextId::KeyH,     TextId::KeyDigits,
                               TextId::KeyF,     TextId::KeyB,   TextId::KeyL,      TextId::KeyRecord,
                               TextId::KeyPresenter, TextId::KeyZoom, TextId::KeyLesson};
        for (TextId k : keys) ImGui::BulletText("%s", tr(L, k));
        ImGui::Spacing();
        if (ImGui::Button(tr(L, TextId::HelpClose))) open = false;
    }
    ImGui::End();
    state.show_help = open;
}

float bannerHeight(const UiState& state, float width) {
    if (state.banner.text.empty() || ImGui::GetTime() > state.banner.until) return 0.0f;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float wrap = std::max(1.0f, width * 0.85f - style.WindowPadding.x);
    const float text_h = ImGui::CalcTextSize(state.banner.text.c_str(), nullptr, false, wrap).y;
    const float button_h = state.banner.error ? ImGui::GetFontSize() + style.ItemSpacing.y : 0.0f;
    return text_h + button_h + style.WindowPadding.y * 2 + style.ItemSpacing.y;
}

void drawBanner(UiState& state, ImVec2 pos, float width) {
    if (state.banner.text.empty()) return;
    if (ImGui::GetTime() > state.banner.until) {
        state.banner.text.clear();
        return;
    }
    const ThemeColors c = themeColors();
    ImGui::SetNextWindowPos(ImVec2(pos.x + width * 0.5f, pos.y), ImGuiCond_Always, ImVec2(0.5f, 0.0f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(width * 0.9f, FLT_MAX));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, state.banner.error ? IM_COL32(80, 20, 24, 245) : IM_COL32(24, 60, 40, 240));
    ImGui::Begin("##banner", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoMove);
    ImGui::PushTextWrapPos(width * 0.85f);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(state.banner.error ? IM_COL32(255, 200, 200, 255) : c.text), "%s",
                       state.banner.text.c_str());
    ImGui::PopTextWrapPos();
    if (state.banner.error && ImGui::SmallButton(tr(state.lang, TextId::Dismiss))) state.banner.text.clear();
    ImGui::End();
    ImGui::PopStyleColor();
}

}  // namespace ganarium
