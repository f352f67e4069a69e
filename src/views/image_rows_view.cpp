// image_rows_view.cpp — stacking the progress strip, the interpolation and the neighbour views.
#include "views/image_rows_view.h"

#include "views/plot_area.h"

namespace ganarium {

void ImageRowsView::draw(const Snapshot& snapshot, int run_index, const ViewLayers& layers, ViewCamera& camera,
                         const ViewStyle& style, ImVec2 size) {
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float gap = overlayFontSize(style) * 0.5f;
    const float room = size.y - 2 * gap;
    float y = origin.y;
    RunView* views[] = {&progress_, &interpolation_, &neighbour_};
    const float shares[] = {kProgressShare, kInterpolationShare, kNeighbourShare};
    for (int i = 0; i < 3; ++i) {
        const float h = room * shares[i];
        ImGui::SetCursorScreenPos(ImVec2(origin.x, y));
        ImGui::PushID(i);
        views[i]->draw(snapshot, run_index, layers, camera, style, ImVec2(size.x, h));
        ImGui::PopID();
        y += h + gap;
    }
}

}  // namespace ganarium
