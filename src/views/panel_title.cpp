// panel_title.cpp — title lines fitted to the panel width, and the divergence banner.
#include "views/panel_title.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "core/display_names.h"
#include "render/colormap.h"
#include "views/axes_overlay.h"

namespace ganarium {

namespace {

const char* const kSep = "  \xC2\xB7  ";  // middle dot between title parts
constexpr float kLineHeight = 1.25f;       // pitch of a second title line in font heights
constexpr float kFirstLine = 1.3f;         // height of the first line (and of a one-line title)
constexpr float kPad = 0.3f;               // left and right margin in font heights

std::string groupedSteps(int64_t step) {
    std::string digits = std::to_string(step < 0 ? -step : step), out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return (step < 0 ? "-" : "") + out;
}

bool latestValue(const RunSnapshot& run, const char* key, double& value) {
    const double last = run.metrics.last(key);
    if (!std::isfinite(last)) return false;
    value = last;
    return true;
}

// Lower-case letters and digits only: "Standard GAN (non-saturating)" -> "standardgannonsaturating".
std::string normalised(const std::string& s) {
    std::string out;
    for (unsigned char c : s)
        if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
    return out;
}

// True when the run's name already says `term` (or one of its usual spellings).
bool nameSays(const std::string& name, const std::string& term) {
    std::string n = normalised(name), t = normalised(term);
    if (t.empty() || n.find(t) != std::string::npos) return true;
    if (t == "wasserstein") return n.find("wgan") != std::string::npos;
    if (t == "clip") return n.find("clipping") != std::string::npos;
    if (t == "sn" || t == "spectral") return n.find("spectral") != std::string::npos || n.find("sn") != std::string::npos;
    if (t == "gp") return n.find("gradientpenalty") != std::string::npos;
    return false;
}

// "non_saturating" -> "non-saturating" (reads better on screen).
std::string readable(std::string s) {
    for (char& c : s)
        if (c == '_') c = '-';
    return s;
}

// Run name, plus the objective (and Lipschitz method) unless the name already says them.
// In Chinese: the run's name_zh and the keywords' display names (a Chinese name need not spell the objective).
std::string headline(const RunSnapshot& run, bool with_objective, bool chinese) {
    const std::string& name = localizedText(run.name, run.name_zh, chinese);
    std::string text = name.empty() ? std::string("run") : name;
    if (!with_objective || run.objective.empty()) return text;
    bool has_lip = !run.lipschitz.empty() && run.lipschitz != "none";
    bool redundant = nameSays(run.name, run.objective) && (!has_lip || nameSays(run.name, run.lipschitz));
    if (redundant) return text;
    text += kSep + (chinese ? displayName(NameGroup::Objective, run.objective, true) : readable(run.objective));
    if (has_lip) text += " + " + (chinese ? displayName(NameGroup::Lipschitz, run.lipschitz, true) : readable(run.lipschitz));
    return text;
}

// The key numbers, most important first: step, modes covered, JS, W1.
std::vector<std::string> numberParts(const RunSnapshot& run, const ViewLabels& labels, bool include_modes) {
    std::vector<std::string> parts;
    if (labels.step_in_title) parts.push_back(labels.step + " " + groupedSteps(run.step));
    char buffer[64];
    double v = 0;
    const ModeMarkers* modes = findQuantity<ModeMarkers>(run.parts, quantity_names::kModes);
    if (include_modes && modes && !modes->modes.empty())  // right after the step: the headline of mixture scenes
        parts.push_back(modesSummary(*modes, labels));
    if (latestValue(run, "js", v)) {
        std::snprintf(buffer, sizeof(buffer), "JS %.3f", v);
        parts.push_back(buffer);
    }
    if (latestValue(run, "w1", v)) {
        std::snprintf(buffer, sizeof(buffer), "W1 %.3f", v);
        parts.push_back(buffer);
    }
    if (latestValue(run, "distance", v)) {
        std::snprintf(buffer, sizeof(buffer), " %.3f", v);
        parts.push_back(labels.distance + buffer);
    }
    return parts;
}

std::string joined(const std::vector<std::string>& parts, size_t count) {
    std::string out;
    for (size_t i = 0; i < count && i < parts.size(); ++i) out += (i ? kSep : "") + parts[i];
    return out;
}

}  // namespace

std::string modesSummary(const ModeMarkers& modes, const ViewLabels& labels) {
    char buffer[64];
    std::snprintf(buffer, sizeof(buffer), " %d/%zu", modes.coveredCount(), modes.modes.size());
    std::string text = labels.modes_covered + buffer;
    if (std::isfinite(modes.hq_share)) {
        std::snprintf(buffer, sizeof(buffer), " %.0f%%", 100.0 * std::clamp(modes.hq_share, 0.0, 1.0));
        text += kSep + labels.hq_share + buffer;
    }
    return text;
}

std::string ellipsize(const std::string& text, float width, float font_size) {
    if (textSize(text, font_size).x <= width) return text;
    const std::string dots = "...";
    std::string cut = text;
    while (!cut.empty()) {
        // Drop one UTF-8 character (continuation bytes up to its first byte), then trailing spaces.
        while (!cut.empty()) {
            unsigned char byte = static_cast<unsigned char>(cut.back());
            cut.pop_back();
            if ((byte & 0xC0) != 0x80) break;  // the character's first byte is gone: done
        }
        while (!cut.empty() && cut.back() == ' ') cut.pop_back();
        if (textSize(cut + dots, font_size).x <= width) return cut + dots;
    }
    return textSize(dots, font_size).x <= width ? dots : std::string();
}

std::string panelTitleText(const RunSnapshot& run, const ViewLabels& labels, bool include_modes) {
    std::vector<std::string> parts = numberParts(run, labels, include_modes);
    if (parts.empty()) return headline(run, true, labels.chinese);
    return headline(run, true, labels.chinese) + kSep + joined(parts, parts.size());
}

std::vector<std::string> panelTitleLines(const RunSnapshot& run, const ViewLabels& labels, float width,
                                         float font_size, bool include_modes) {
    float room = width - 2 * kPad * font_size;
    std::vector<std::string> parts = numberParts(run, labels, include_modes);
    std::string numbers = joined(parts, parts.size());
    // One line when everything fits, with or without the objective.
    for (bool with_objective : {true, false}) {
        std::string line = headline(run, with_objective, labels.chinese) + (numbers.empty() ? "" : kSep + numbers);
        if (textSize(line, font_size).x <= room) return {line};
    }
    // Two lines: the name (objective only if it fits), then as many numbers as fit.
    std::string head = headline(run, true, labels.chinese);
    if (textSize(head, font_size).x > room) head = ellipsize(headline(run, false, labels.chinese), room, font_size);
    if (parts.empty()) return {head};
    size_t count = parts.size();
    while (count > 1 && textSize(joined(parts, count), font_size).x > room) --count;
    return {head, ellipsize(joined(parts, count), room, font_size)};
}

float panelTitleHeight(const RunSnapshot& run, const ViewLabels& labels, float width, float font_size,
                       bool include_modes) {
    float lines = static_cast<float>(panelTitleLines(run, labels, width, font_size, include_modes).size());
    return font_size * (kFirstLine + kLineHeight * (lines - 1) + (run.status == RunStatus::Diverged ? 1.2f : 0.f));
}

float drawPanelTitle(ImDrawList* dl, ImVec2 pos, float width, const RunSnapshot& run, const ViewLabels& labels,
                     float font_size, bool include_modes) {
    float height = panelTitleHeight(run, labels, width, font_size, include_modes);
    dl->PushClipRect(pos, {pos.x + width, pos.y + height}, true);
    std::vector<std::string> lines = panelTitleLines(run, labels, width, font_size, include_modes);
    float x = pos.x + font_size * kPad, y = pos.y;
    for (size_t i = 0; i < lines.size(); ++i) {
        // The numbers line (second of two) is slightly dimmer than the name.
        ImU32 colour = ImGui::GetColorU32(ImGuiCol_Text, i == 0 ? 1.f : 0.8f);
        drawText(dl, {x, y}, colour, lines[i], font_size);
        y += font_size * (i == 0 ? kFirstLine - 0.05f : kLineHeight);
    }
    if (run.status == RunStatus::Diverged) {
        std::string banner = labels.diverged + (run.status_reason.empty() ? std::string() : ": " + run.status_reason);
        banner = ellipsize(banner, width - font_size * (2 * kPad + 0.6f), font_size);
        ImVec2 size = textSize(banner, font_size);
        dl->AddRectFilled({x, y}, {x + size.x + font_size * 0.6f, y + font_size * 1.15f},
                          packAbgr(palette::diverged()), font_size * 0.2f);
        drawText(dl, {x + font_size * 0.3f, y + font_size * 0.07f}, IM_COL32(255, 255, 255, 255), banner, font_size);
    }
    dl->PopClipRect();
    return height;
}

}  // namespace ganarium
