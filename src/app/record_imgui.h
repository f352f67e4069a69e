// record_imgui.h — an ImGui context for offscreen frames: no window, no
// input, a fixed display size and a fixed time step (so nothing on screen
// depends on the wall clock), Ganarium's theme and fonts, and the OpenGL3
// renderer backend. Used by the recorder; the window has its own context.
#pragma once

#include <string>

struct ImGuiContext;

namespace ganarium {

class OffscreenImGui {
public:
    // Creates and selects the context; needs a current GL 3.3 context. `lang` picks the glyphs ("en"/"zh");
    // `glyph_text` adds glyphs for run-time text (scene title, caption, run names).
    OffscreenImGui(int width, int height, double fps, const std::string& lang, float font_pixels,
                   const std::string& glyph_text = "");
    // Shuts the backend down and destroys the context.
    ~OffscreenImGui();
    OffscreenImGui(const OffscreenImGui&) = delete;
    OffscreenImGui& operator=(const OffscreenImGui&) = delete;

    // Starts an ImGui frame of the fixed size and time step.
    void beginFrame();
    // Ends the frame and renders it into the currently bound framebuffer.
    void renderFrame();

private:
    ImGuiContext* context_ = nullptr;
    int width_, height_;
    float delta_time_;
};

}  // namespace ganarium
