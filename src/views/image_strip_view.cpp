// image_strip_view.cpp — panel set-up, title line and hint of the image strip views.
#include "views/image_strip_view.h"

#include <algorithm>
#include <cassert>
#include <cfloat>

#include "views/axes_overlay.h"
#include "views/panel_title.h"
#include "views/plot_area.h"

namespace ganarium {

StripPanel ImageStripView::beginPanel(const Snapshot& snapshot, int run_index, const ViewStyle& style, ImVec2 size) {
    assert(run_index >= 0 && run_index < static_cast<int>(snapshot.runs.size()));
    const StripPanel panel{snapshot.runs[static_cast<size_t>(run_index)], ImGui::GetWindowDrawList(), overlayFontSize(style),
                           ImGui::GetCursorScreenPos()};
    ImGui::Dummy(size);
    layout_ = TileLayout{};
    return panel;
}

void drawStripTitle(ImDrawList* dl, ImVec2 panel_min, float width, const std::string& title, float font_size) {
    const float F = font_size;
    drawText(dl, ImVec2(panel_min.x + F * 0.4f, panel_min.y), ImGui::GetColorU32(ImGuiCol_Text), ellipsize(title, width - F * 0.5f, F), F);
}

void drawViewHint(ImDrawList* dl, ImVec2 pos, ImVec2 size, const std::string& hint, float font_size) {
    // Wrapped to the box (a narrow panel gets several lines), never past its right edge.
    const float width = std::max(font_size * 4.0f, size.x - font_size);
    ImFont* font = ImGui::GetFont();
    const ImVec2 ts = font->CalcTextSizeA(font_size, FLT_MAX, width, hint.c_str());
    dl->AddText(font, font_size, ImVec2(pos.x + std::max(0.0f, (size.x - ts.x) * 0.5f), pos.y + std::max(0.0f, (size.y - ts.y) * 0.5f)),
                ImGui::GetColorU32(ImGuiCol_TextDisabled), hint.c_str(), nullptr, width);
}

}  // namespace ganarium
