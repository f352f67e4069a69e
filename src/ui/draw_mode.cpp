// draw_mode.cpp — the draw-mode cue and its undo (see draw_mode.h).
#include "ui/draw_mode.h"

#include "ui/ui_state.h"

namespace ganarium {

namespace {
// Families a drawing edit adds to (drawn points, blobs) instead of replacing them.
bool isDrawnFamily(DataFamily family) { return family == DataFamily::Points2D || family == DataFamily::Blobs2D; }
}  // namespace

DrawModeCue drawModeCue(bool on, int dim, const DataSpec& data, const DrawUndo& undo) {
    DrawModeCue cue;
    cue.visible = on && dim == 2;
    if (!cue.visible) return cue;
    if (undo.before) {
        cue.note = TextId::DrawModeReplaced;
        cue.offer_undo = true;
    } else if (!isDrawnFamily(data.family)) {
        cue.note = TextId::DrawModeWarning;
    }
    return cue;
}

void rememberDataBeforeDrawing(DrawUndo& undo, const DataSpec& current) {
    if (!undo.before && !isDrawnFamily(current.family)) undo.before = current;
}

void drawDrawModeCue(UiState& state, int dim, ImVec2 pos, ImVec2 size) {
    if (!state.draw_mode) state.draw_undo.before.reset();  // leaving draw mode keeps the drawing
    const DrawModeCue cue = drawModeCue(state.draw_mode, dim, state.draft.scene.data, state.draw_undo);
    if (!cue.visible) return;
    const Language L = state.lang;
    const float margin = ImGui::GetFontSize() * 0.6f;
    ImGui::SetNextWindowPos(ImVec2(pos.x + size.x * 0.5f, pos.y + size.y - margin), ImGuiCond_Always, ImVec2(0.5f, 1.0f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(size.x, size.y * 0.5f));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(40, 52, 110, 252));
    ImGui::PushStyleColor(ImGuiCol_Border, IM_COL32(140, 170, 255, 255));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 2.0f);
    ImGui::Begin("##draw_mode", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoMove);
    ImGui::PushTextWrapPos(size.x * 0.96f);
    ImGui::TextUnformatted(tr(L, cue.banner));
    if (cue.note) ImGui::TextColored(ImVec4(1.0f, 0.85f, 0.45f, 1.0f), "%s", tr(L, *cue.note));
    ImGui::PopTextWrapPos();
    if (cue.offer_undo && ImGui::Button(tr(L, TextId::Undo))) {
        Command c;
        c.kind = Command::Kind::SetData;
        c.data = *state.draw_undo.before;
        postCommand(state, c);
        state.draw_undo.before.reset();
    }
    ImGui::End();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);
}

}  // namespace ganarium
