// panel_title.cpp — title line and divergence banner.
#include "views/panel_title.h"

#include <cmath>
#include <cstdio>

#include "render/colormap.h"
#include "views/axes_overlay.h"

namespace ganarium {

namespace {

std::string groupedSteps(int64_t step) {
    std::string digits = std::to_string(step < 0 ? -step : step), out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return (step < 0 ? "-" : "") + out;
}

bool latestValue(const RunSnapshot& run, const char* key, double& value) {
    auto it = run.latest.find(key);
    if (it == run.latest.end() || !std::isfinite(it->second)) return false;
    value = it->second;
    return true;
}

}  // namespace

std::string panelTitleText(const RunSnapshot& run) {
    const char* sep = "  \xC2\xB7  ";  // middle dot
    std::string text = run.name.empty() ? std::string("run") : run.name;
    if (!run.objective.empty()) {
        text += sep + run.objective;
        if (!run.lipschitz.empty() && run.lipschitz != "none") text += " + " + run.lipschitz;
    }
    text += sep + std::string("step ") + groupedSteps(run.step);
    char buffer[64];
    double v = 0;
    if (latestValue(run, "js", v)) {
        std::snprintf(buffer, sizeof(buffer), "JS %.3f", v);
        text += sep + std::string(buffer);
    }
    if (latestValue(run, "w1", v)) {
        std::snprintf(buffer, sizeof(buffer), "W1 %.3f", v);
        text += sep + std::string(buffer);
    }
    if (!run.modes.empty()) {
        int covered = 0;
        for (bool c : run.mode_covered) covered += c ? 1 : 0;
        std::snprintf(buffer, sizeof(buffer), "modes %d/%zu", covered, run.modes.size());
        text += sep + std::string(buffer);
    }
    return text;
}

float panelTitleHeight(const RunSnapshot& run, float font_size) {
    return font_size * (run.status == RunStatus::Diverged ? 2.5f : 1.3f);
}

float drawPanelTitle(ImDrawList* dl, ImVec2 pos, float width, const RunSnapshot& run, float font_size) {
    dl->PushClipRect(pos, {pos.x + width, pos.y + panelTitleHeight(run, font_size)}, true);
    pos.x += font_size * 0.3f;
    drawText(dl, pos, ImGui::GetColorU32(ImGuiCol_Text), panelTitleText(run), font_size);
    if (run.status == RunStatus::Diverged) {
        std::string banner = "DIVERGED" + (run.status_reason.empty() ? std::string() : ": " + run.status_reason);
        float y = pos.y + font_size * 1.25f;
        ImVec2 size = textSize(banner, font_size);
        dl->AddRectFilled({pos.x, y}, {pos.x + size.x + font_size * 0.6f, y + font_size * 1.15f},
                          packAbgr(palette::diverged()), font_size * 0.2f);
        drawText(dl, {pos.x + font_size * 0.3f, y + font_size * 0.07f}, IM_COL32(255, 255, 255, 255), banner, font_size);
    }
    dl->PopClipRect();
    return panelTitleHeight(run, font_size);
}

}  // namespace ganarium
