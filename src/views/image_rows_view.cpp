// image_rows_view.cpp — stacking the progress strip, the interpolation and the neighbour views.
#include "views/image_rows_view.h"

#include "views/plot_area.h"

namespace ganarium {

void ImageRowsView::draw(const Snapshot& snapshot, int run_index, const ViewLayers& layers, ViewCamera& camera,
                         const ViewStyle& style, ImVec2 size) {
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float gap = overlayFontSize(style) * 0.6f;
    // Without a pick the interpolation and neighbour views only hint at a click: a recording or a presentation
    // (no clicks) gives the whole band to the progress strip instead.
    const RunSnapshot& run = snapshot.runs[static_cast<size_t>(run_index)];
    if (!style.interactive && !findQuantity<ImageStrip>(run.parts, quantity_names::kImageInterpolation)) {
        progress_.draw(snapshot, run_index, layers, camera, style, size);
        return;
    }
    // A wide band: the three side by side; a column: stacked.
    const bool side_by_side = size.x >= size.y * 2.2f;
    const float room = (side_by_side ? size.x : size.y) - 2 * gap;
    RunView* views[] = {&progress_, &interpolation_, &neighbour_};
    const float* shares = side_by_side ? kRowsWidthShares : kRowsHeightShares;
    ImVec2 at = origin;
    for (int i = 0; i < 3; ++i) {
        const float extent = room * shares[i];
        ImGui::SetCursorScreenPos(at);
        ImGui::PushID(i);
        views[i]->draw(snapshot, run_index, layers, camera, style, side_by_side ? ImVec2(extent, size.y) : ImVec2(size.x, extent));
        ImGui::PopID();
        (side_by_side ? at.x : at.y) += extent + gap;
    }
}

}  // namespace ganarium
