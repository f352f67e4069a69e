// theme.cpp — ImGui style and colour palette of Ganarium (dark, calm,
// readable from the back of a lecture hall).
#include "ui/theme.h"

#include "views/plots_view.h"

namespace ganarium {

namespace {

ImVec4 rgb(int r, int g, int b, float a = 1.0f) { return ImVec4(r / 255.0f, g / 255.0f, b / 255.0f, a); }

// Presenter mode: a projector lifts blacks and dims mid-greys, so text is pure white on black and every
// frame, border and button is several steps brighter than its background.
void applyHighContrast(ImGuiStyle& style) {
    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = rgb(255, 255, 255);
    c[ImGuiCol_TextDisabled] = rgb(200, 204, 210);
    c[ImGuiCol_WindowBg] = rgb(0, 0, 0);
    c[ImGuiCol_PopupBg] = rgb(12, 12, 14, 0.98f);
    c[ImGuiCol_Border] = rgb(150, 156, 166);
    c[ImGuiCol_FrameBg] = rgb(48, 52, 60);
    c[ImGuiCol_FrameBgHovered] = rgb(70, 78, 92);
    c[ImGuiCol_FrameBgActive] = rgb(90, 100, 118);
    c[ImGuiCol_Header] = rgb(40, 80, 140);
    c[ImGuiCol_HeaderHovered] = rgb(56, 104, 176);
    c[ImGuiCol_HeaderActive] = rgb(70, 124, 204);
    c[ImGuiCol_Button] = rgb(36, 86, 150);
    c[ImGuiCol_ButtonHovered] = rgb(52, 110, 186);
    c[ImGuiCol_ButtonActive] = rgb(70, 132, 214);
    c[ImGuiCol_CheckMark] = rgb(255, 220, 80);
    c[ImGuiCol_SliderGrab] = rgb(255, 220, 80);
    c[ImGuiCol_Separator] = rgb(150, 156, 166);
    c[ImGuiCol_Tab] = rgb(40, 48, 60);
    c[ImGuiCol_TabActive] = rgb(40, 80, 140);
    style.FrameBorderSize = 1.0f;
}

}  // namespace

void applyTheme(float scale, bool high_contrast) {
    ImGuiStyle style;  // start from defaults so repeated calls do not compound the scaling
    ImGui::StyleColorsDark(&style);
    style.WindowRounding = 4.0f;
    style.FrameRounding = 3.0f;
    style.GrabRounding = 3.0f;
    style.TabRounding = 3.0f;
    style.ChildRounding = 3.0f;
    style.WindowBorderSize = 1.0f;
    style.FrameBorderSize = 0.0f;
    style.WindowPadding = ImVec2(10, 8);
    style.FramePadding = ImVec2(8, 4);
    style.ItemSpacing = ImVec2(8, 6);
    style.ScrollbarSize = 14.0f;

    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = rgb(232, 234, 237);
    c[ImGuiCol_TextDisabled] = rgb(140, 146, 156);
    c[ImGuiCol_WindowBg] = rgb(22, 25, 30);
    c[ImGuiCol_ChildBg] = rgb(26, 29, 35, 0.0f);  // transparent: panels draw their own plot backgrounds
    c[ImGuiCol_PopupBg] = rgb(30, 34, 41, 0.98f);
    c[ImGuiCol_Border] = rgb(58, 64, 74);
    c[ImGuiCol_FrameBg] = rgb(40, 45, 54);
    c[ImGuiCol_FrameBgHovered] = rgb(52, 59, 71);
    c[ImGuiCol_FrameBgActive] = rgb(62, 71, 86);
    c[ImGuiCol_TitleBg] = rgb(26, 29, 35);
    c[ImGuiCol_TitleBgActive] = rgb(34, 39, 47);
    c[ImGuiCol_MenuBarBg] = rgb(28, 31, 37);
    c[ImGuiCol_Header] = rgb(44, 62, 84);
    c[ImGuiCol_HeaderHovered] = rgb(56, 80, 108);
    c[ImGuiCol_HeaderActive] = rgb(66, 96, 130);
    c[ImGuiCol_Button] = rgb(46, 66, 90);
    c[ImGuiCol_ButtonHovered] = rgb(60, 86, 118);
    c[ImGuiCol_ButtonActive] = rgb(74, 106, 146);
    c[ImGuiCol_CheckMark] = rgb(120, 190, 255);
    c[ImGuiCol_SliderGrab] = rgb(100, 160, 230);
    c[ImGuiCol_SliderGrabActive] = rgb(130, 190, 255);
    c[ImGuiCol_Tab] = rgb(36, 44, 56);
    c[ImGuiCol_TabHovered] = rgb(60, 86, 118);
    c[ImGuiCol_TabActive] = rgb(50, 74, 102);
    c[ImGuiCol_Separator] = rgb(58, 64, 74);
    c[ImGuiCol_PlotLines] = rgb(120, 190, 255);
    c[ImGuiCol_ModalWindowDimBg] = rgb(0, 0, 0, 0.55f);

    if (high_contrast) applyHighContrast(style);
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

ImU32 runColor(int index, float alpha) { return runPaletteColor(index, alpha); }

ThemeColors themeColors() {
    ThemeColors t;
    t.text = IM_COL32(232, 234, 237, 255);
    t.text_dim = IM_COL32(150, 156, 166, 255);
    t.grid = IM_COL32(255, 255, 255, 22);
    t.axis = IM_COL32(170, 176, 186, 255);
    t.panel_bg = IM_COL32(26, 29, 35, 255);
    t.warning = IM_COL32(255, 196, 80, 255);
    t.error = IM_COL32(255, 92, 92, 255);
    t.accent = IM_COL32(120, 190, 255, 255);
    return t;
}

}  // namespace ganarium
