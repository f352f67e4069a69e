// image_grid_view.cpp — the sample grid (and the real grid) of an image run.
#include "views/image_grid_view.h"

#include <algorithm>
#include <cassert>

#include "views/axes_overlay.h"
#include "views/image_cell_layout.h"
#include "views/image_strip_draw.h"
#include "views/panel_title.h"
#include "views/plot_area.h"

namespace ganarium {

namespace {

// Draws `texture` as a `width` x `height` rectangle at `pos` with `caption` centred under it.
void drawGrid(ImDrawList* dl, const ImageGridTexture& texture, ImVec2 pos, float width, float height,
              const std::string& caption, float font_size) {
    const ImVec2 max(pos.x + width, pos.y + height);
    if (texture.ready()) {
        dl->AddImage(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(texture.texture().id())), pos, max);
    } else {
        dl->AddRectFilled(pos, max, IM_COL32(40, 40, 44, 255));
    }
    // The caption may reach into half the gap on each side (the gap is about a font size): beyond that a smaller
    // font, down to 70 %, then an ellipsis, so the captions of two small grids side by side never run into each other.
    const float room = width + font_size * 0.9f;
    float size = font_size;
    const float full = textSize(caption, font_size).x;
    if (full > room) size = std::max(font_size * 0.7f, font_size * room / full);
    const std::string text = ellipsize(caption, room, size);
    const ImVec2 ts = textSize(text, size);
    drawText(dl, ImVec2(pos.x + (width - ts.x) * 0.5f, max.y + font_size * 0.25f), ImGui::GetColorU32(ImGuiCol_Text),
             text, size);
}

// Outlines the picked tiles A and B (from the interpolation quantity) on the generated grid drawn at `pos`.
void markPickedTiles(ImDrawList* dl, const RunSnapshot& run, const ImageGrid& samples, ImVec2 pos, float side, float font_size) {
    const ImageStrip* picked = findQuantity<ImageStrip>(run.parts, quantity_names::kImageInterpolation);
    if (!picked || samples.cols <= 0) return;
    const TileLayout layout = tileLayoutForWidth(samples, pos, side);
    const char* letters[] = {"A", "B"};
    for (size_t i = 0; i < picked->tiles.size() && i < 2; ++i) {
        const int tile = picked->tiles[i];
        if (tile < 0 || tile >= samples.rows * samples.cols) continue;
        markTile(dl, layout, tile / samples.cols, tile % samples.cols, i == 0 ? pickColourA() : pickColourB(), letters[i],
                 font_size);
    }
}

// Width over height of a grid's texture (tiles and the gaps between them).
float gridAspect(const ImageGrid& grid) {
    const float w = static_cast<float>(grid.cols * (grid.side + kImageGridGap) + kImageGridGap);
    const float h = static_cast<float>(grid.rows * (grid.side + kImageGridGap) + kImageGridGap);
    return h > 0 ? w / h : 1.0f;
}

// The class name of a conditional grid's row (its label, when out of the names' range).
std::string rowName(const ViewLabels& labels, int label) {
    if (label >= 0 && label < static_cast<int>(labels.class_names.size())) return labels.class_names[static_cast<size_t>(label)];
    return std::to_string(label);
}

// A conditional run's class names right-aligned before the rows of a grid drawn at `pos`, `height` tall.
void drawRowNames(ImDrawList* dl, const ImageGrid& grid, const ViewLabels& labels, ImVec2 pos, float height,
                  float font_size) {
    const float texture_h = static_cast<float>(grid.rows * (grid.side + kImageGridGap) + kImageGridGap);
    for (int r = 0; r < grid.rows && r < static_cast<int>(grid.row_classes.size()); ++r) {
        const std::string name = rowName(labels, grid.row_classes[static_cast<size_t>(r)]);
        const ImVec2 ts = textSize(name, font_size);
        const float centre = (static_cast<float>(kImageGridGap + r * (grid.side + kImageGridGap)) + grid.side * 0.5f) /
                             texture_h * height;
        drawText(dl, ImVec2(pos.x - ts.x - font_size * 0.4f, pos.y + centre - ts.y * 0.5f),
                 ImGui::GetColorU32(ImGuiCol_Text), name, font_size);
    }
}

}  // namespace

bool ImageGridView::clickedTile(int& tile) const {
    if (!clicked_) return false;
    tile = clicked_tile_;
    return true;
}

void ImageGridView::draw(const Snapshot& snapshot, int run_index, const ViewLayers& layers, ViewCamera&,
                         const ViewStyle& style, ImVec2 size) {
    assert(run_index >= 0 && run_index < static_cast<int>(snapshot.runs.size()));
    const RunSnapshot& run = snapshot.runs[static_cast<size_t>(run_index)];
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float F = overlayFontSize(style);
    const ImVec2 panel_min = ImGui::GetCursorScreenPos();
    ImGui::Dummy(size);
    const bool hovered = style.interactive && ImGui::IsItemHovered();
    clicked_ = false;

    const ImageGrid* samples = findQuantity<ImageGrid>(run.parts, quantity_names::kImageSamples);
    const ImageGrid* real = layers.real ? findQuantity<ImageGrid>(run.parts, quantity_names::kImageReal) : nullptr;
    if (samples && (snapshot.version != samples_version_ || !samples_.ready())) {
        samples_.upload(*samples);
        samples_version_ = snapshot.version;
    }
    if (real && (snapshot.version != real_version_ || !real_.ready())) {
        real_.upload(*real);
        real_version_ = snapshot.version;
    }

    const float title_h = style.show_title ? panelTitleHeight(run, style.labels, size.x, F, false) + F * 0.4f : F * 0.4f;
    const float caption_h = F * 1.5f;
    const int grids = real ? 2 : 1;
    const float gap = F;
    // A conditional run's grid has one row per class, named at the row starts (left of the generated grid).
    const bool named_rows = samples && !samples->row_classes.empty();
    const float aspect = samples ? gridAspect(*samples) : 1.0f;
    const float room_h = size.y - title_h - caption_h - F * 0.3f;
    // The sample grid first: the real grid beside it gives way before it (image_cell_layout.h).
    auto gridSizes = [&](float names_w) {
        const float room_w = size.x - F * 0.8f - names_w - gap * static_cast<float>(grids - 1);
        return sampleGridFirst(room_w, std::max(0.0f, room_h), aspect, real != nullptr);
    };
    auto gridHeight = [&](float names_w) { return gridSizes(names_w).height; };
    // Row names as tall as a row at most (the grid is sized without them first), so ten rows never overlap.
    float name_font = F * 0.85f, names_w = 0;
    if (named_rows) {
        name_font = std::clamp(0.92f * gridHeight(0) / static_cast<float>(samples->rows), F * 0.5f, F * 0.85f);
        for (int label : samples->row_classes) names_w = std::max(names_w, textSize(rowName(style.labels, label), name_font).x);
        names_w += name_font * 0.6f;
    }
    const GridSizes sizes = gridSizes(names_w);
    const float height = sizes.height;
    const float width = height * aspect;
    const float real_w = real ? width * sizes.real_scale : 0.0f;
    const float total_w = names_w + width + (real ? gap + real_w : 0.0f);
    ImVec2 pos(panel_min.x + (size.x - total_w) * 0.5f + names_w, panel_min.y + title_h);
    if (height >= 8) {
        drawGrid(dl, samples_, pos, width, height, style.labels.image_samples, F * 0.9f);
        if (named_rows) drawRowNames(dl, *samples, style.labels, pos, height, name_font);
        samples_min_ = pos;
        samples_max_ = ImVec2(pos.x + width, pos.y + height);
        if (samples) markPickedTiles(dl, run, *samples, pos, width, F * 0.9f);
        const ImVec2 mouse = ImGui::GetIO().MousePos;
        const bool inside = mouse.x >= pos.x && mouse.x < samples_max_.x && mouse.y >= pos.y && mouse.y < samples_max_.y;
        if (hovered && inside && samples && samples->cols > 0 && samples->rows > 0) {
            const int col = std::clamp(static_cast<int>((mouse.x - pos.x) / width * static_cast<float>(samples->cols)), 0, samples->cols - 1);
            const int row = std::clamp(static_cast<int>((mouse.y - pos.y) / height * static_cast<float>(samples->rows)), 0, samples->rows - 1);
            if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
                clicked_ = true;
                clicked_tile_ = row * samples->cols + col;
            } else if (ImGui::IsMouseClicked(ImGuiMouseButton_Right)) {
                clicked_ = true;
                clicked_tile_ = -1;
            }
        }
        real_min_ = real ? ImVec2(pos.x + width + gap, pos.y) : ImVec2(0, 0);
        if (real) drawGrid(dl, real_, real_min_, real_w, height * sizes.real_scale, style.labels.image_real, F * 0.9f);
    }
    if (style.show_title) drawPanelTitle(dl, panel_min, size.x, run, style.labels, F, false);
}

}  // namespace ganarium
