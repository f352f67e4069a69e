// render_gl_fixture.h — test helper for the render/view tests: a hidden GLFW
// window with a GL 3.3 core context, glad loaded, an ImGui context with the
// OpenGL3 backend, and one-call offscreen frames read back as RGBA pixels.
// Without a display it reports a clear error (the tests then FAIL: CI runs
// them under xvfb-run).
#pragma once

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <memory>
#include <algorithm>
#include <string>
#include <vector>

#include "render/gl.h"  // glad before GLFW

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include "render/gl_resources.h"

namespace ganarium::test {

struct Pixel {
    int r = 0, g = 0, b = 0, a = 0;
};

class RenderGlFixture {
public:
    RenderGlFixture() {
        if (!glfwInit()) {
            const char* why = nullptr;
            glfwGetError(&why);
            error_ = std::string("glfwInit failed (") + (why ? why : "?") + "): no display? (DISPLAY='" +
                     (std::getenv("DISPLAY") ? std::getenv("DISPLAY") : "") +
                     "'). Run the GUI tests under a display, e.g. xvfb-run -a -s '-screen 0 1280x720x24' ctest";
            return;
        }
        glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
        glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
        glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
        window_ = glfwCreateWindow(64, 64, "ganarium render test", nullptr, nullptr);
        if (!window_) {
            error_ = "could not create a hidden GL 3.3 core window (is the display a GL-capable X server?)";
            return;
        }
        glfwMakeContextCurrent(window_);
        if (!gladLoadGL(reinterpret_cast<GLADloadfunc>(glfwGetProcAddress))) {
            error_ = "gladLoadGL failed";
            return;
        }
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        const char* font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
        if (std::filesystem::exists(font))
            io.Fonts->AddFontFromFileTTF(font, 17.f);
        else
            io.Fonts->AddFontDefault();
        ImGui::StyleColorsDark();
        ImGui_ImplOpenGL3_Init("#version 330");
        imgui_ready_ = true;
        ok_ = true;
    }

    ~RenderGlFixture() {
        target_.reset();
        if (imgui_ready_) {
            ImGui_ImplOpenGL3_Shutdown();
            ImGui::DestroyContext();
        }
        if (window_) glfwDestroyWindow(window_);
        // GLFW stays initialised for the next test: re-initialising X connections back to back is flaky under Xvfb.
    }

    RenderGlFixture(const RenderGlFixture&) = delete;
    RenderGlFixture& operator=(const RenderGlFixture&) = delete;

    bool ok() const { return ok_; }
    const std::string& error() const { return error_; }

    // Runs one ImGui frame of w x h logical pixels (framebuffer scale `scale`): `draw` runs inside a
    // borderless full-size window whose cursor starts at (0, 0). Returns RGBA8 top row first.
    // With `read_back` false it waits for the GPU (glFinish) and returns nothing (timing).
    std::vector<uint8_t> renderFrame(int w, int h, const std::function<void()>& draw, float scale = 1.f,
                                     bool read_back = true) {
        width_ = static_cast<int>(w * scale);
        height_ = static_cast<int>(h * scale);
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(static_cast<float>(w), static_cast<float>(h));
        io.DisplayFramebufferScale = ImVec2(scale, scale);
        io.DeltaTime = 1.f / 60.f;
        io.MousePos = mouse_;
        io.MouseWheel = wheel_;
        io.MouseDown[ImGuiMouseButton_Left] = left_down_;
        wheel_ = 0.f;
        ImGui_ImplOpenGL3_NewFrame();
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(io.DisplaySize);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
        ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.f);
        ImGui::Begin("render-test", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove);
        draw();
        ImGui::End();
        ImGui::PopStyleVar(2);
        ImGui::Render();
        if (!target_) target_ = std::make_unique<Framebuffer>();
        target_->resize(width_, height_, 0);
        target_->bindForDrawing();
        glClearColor(0.11f, 0.11f, 0.13f, 1.f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        std::vector<uint8_t> pixels;
        if (read_back)
            pixels = target_->readPixelsTopDown();
        else
            glFinish();
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        return pixels;
    }

    // Mouse position used by the next frame (default: outside every window).
    void setMouse(float x, float y) { mouse_ = ImVec2(x, y); }
    // Left mouse button state from the next frame on (press, move over frames, release: a drag).
    void setLeftButton(bool down) { left_down_ = down; }
    // Wheel steps delivered with the next frame only.
    void scrollWheel(float steps) { wheel_ = steps; }

    // Pixel (x, y) of an image from renderFrame (top-left origin, physical pixels).
    Pixel pixel(const std::vector<uint8_t>& image, int x, int y) const {
        size_t i = (static_cast<size_t>(y) * width_ + x) * 4;
        return {image[i], image[i + 1], image[i + 2], image[i + 3]};
    }
    // The same at a point in ImGui coordinates (truncated to the pixel that holds it).
    Pixel pixel(const std::vector<uint8_t>& image, ImVec2 p) const {
        return pixel(image, static_cast<int>(p.x), static_cast<int>(p.y));
    }
    int width() const { return width_; }
    int height() const { return height_; }

private:
    GLFWwindow* window_ = nullptr;
    bool ok_ = false, imgui_ready_ = false;
    std::string error_;
    std::unique_ptr<Framebuffer> target_;
    int width_ = 0, height_ = 0;
    ImVec2 mouse_{-1e6f, -1e6f};
    float wheel_ = 0.f;
    bool left_down_ = false;
};

// Largest channel difference between a pixel and an expected colour in [0, 1].
inline int colourDistance(const Pixel& p, float r, float g, float b) {
    auto d = [](int v, float e) { return std::abs(v - static_cast<int>(e * 255.f + 0.5f)); };
    int m = d(p.r, r);
    m = std::max(m, d(p.g, g));
    return std::max(m, d(p.b, b));
}

// Largest channel difference between `p` and the packed ImGui colour `c` (0-255).
inline int colourDistance(const Pixel& p, ImU32 c) {
    return colourDistance(p, ((c >> IM_COL32_R_SHIFT) & 0xFF) / 255.0f, ((c >> IM_COL32_G_SHIFT) & 0xFF) / 255.0f,
                          ((c >> IM_COL32_B_SHIFT) & 0xFF) / 255.0f);
}

}  // namespace ganarium::test
