// record_imgui.cpp — windowless ImGui context with the GL3 renderer backend.
#include "app/record_imgui.h"

#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include "core/errors.h"
#include "ui/fonts.h"
#include "ui/theme.h"

namespace ganarium {

OffscreenImGui::OffscreenImGui(int width, int height, double fps, const std::string& lang, float font_pixels,
                               const std::string& glyph_text)
    : width_(width), height_(height), delta_time_(static_cast<float>(1.0 / fps)) {
    IMGUI_CHECKVERSION();
    context_ = ImGui::CreateContext();
    ImGui::SetCurrentContext(context_);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // a recording never reads or writes imgui.ini
    io.LogFilename = nullptr;
    io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
    io.DisplayFramebufferScale = ImVec2(1, 1);
    io.MousePos = ImVec2(-1e6f, -1e6f);  // no mouse: no hover effects in the video
    applyTheme(1.0f);
    loadFonts(lang, font_pixels, glyph_text);
    if (!ImGui_ImplOpenGL3_Init("#version 330")) {
        ImGui::DestroyContext(context_);
        throw UserError("the OpenGL context cannot run ImGui's renderer (needs OpenGL 3.3 core)");
    }
}

OffscreenImGui::~OffscreenImGui() {
    ImGui::SetCurrentContext(context_);
    ImGui_ImplOpenGL3_Shutdown();
    ImGui::DestroyContext(context_);
}

void OffscreenImGui::beginFrame() {
    ImGui::SetCurrentContext(context_);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(width_), static_cast<float>(height_));
    io.DeltaTime = delta_time_;
    io.MousePos = ImVec2(-1e6f, -1e6f);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
}

void OffscreenImGui::renderFrame() {
    ImGui::Render();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

}  // namespace ganarium
