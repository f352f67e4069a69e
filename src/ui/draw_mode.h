// draw_mode.h — what draw mode (B) shows while it is on: a banner saying how
// to draw and how to leave, a warning before the first click replaces the
// scene's data with drawn points, and an Undo that brings the old data back.
// The decision (drawModeCue) is plain logic, separate from the ImGui window.
#pragma once

#include <optional>

#include <imgui.h>

#include "core/scene_spec.h"
#include "ui/i18n.h"

namespace ganarium {

struct UiState;

// The data as it was before the first drawn point of this draw-mode session.
struct DrawUndo {
    std::optional<DataSpec> before;  // set by the first edit that replaced non-drawn data
};

// What the cue shows.
struct DrawModeCue {
    bool visible = false;                    // draw mode is on (in a 2D scene)
    TextId banner = TextId::DrawModeBanner;  // how to draw and how to leave
    std::optional<TextId> note;              // the replace warning, or "replaced" once it happened
    bool offer_undo = false;                 // an Undo button restores `DrawUndo::before`
};

// The cue for draw mode `on` over data of dimension `dim` whose current distribution is `data`.
DrawModeCue drawModeCue(bool on, int dim, const DataSpec& data, const DrawUndo& undo);

// Call before posting a drawing edit (blob or points): remembers `current` unless it is drawn data already
// (points or blobs, which a drawing edit extends).
void rememberDataBeforeDrawing(DrawUndo& undo, const DataSpec& current);

// Draws the cue centred at the bottom of the area (`pos`, `size`); Undo posts SetData with the old data.
void drawDrawModeCue(UiState& state, int dim, ImVec2 pos, ImVec2 size);

}  // namespace ganarium
