// gui_window.h — the GLFW window with an OpenGL 3.3 core context, glad
// loaded, and Dear ImGui (GLFW + OpenGL3 backends) initialised on it; also
// the "is there a display at all?" check with the message that says which
// headless commands to use instead.
#pragma once

#include <memory>
#include <string>

struct GLFWwindow;

namespace ganarium {

// Window creation knobs.
struct GuiWindowOptions {
    int width = 1280, height = 720;
    std::string title = "Ganarium";
    bool visible = true;   // false: hidden window (tests)
    bool vsync = true;     // glfwSwapInterval(1)
    bool terminate_glfw = true;  // glfwTerminate() on close (tests keep GLFW up: re-init is flaky under Xvfb)
};

// Exit code used when no display is available.
constexpr int kNoDisplayExitCode = 3;

// The user-facing "no display found" message, with `detail` (why) inserted.
std::string noDisplayMessage(const std::string& detail);

// False (and why) when neither $DISPLAY nor $WAYLAND_DISPLAY is set.
bool displayEnvironmentPresent(std::string& why);

class GuiWindow {
public:
    // Opens the window and initialises GL + ImGui. Returns null and sets `error` when no display/context.
    static std::unique_ptr<GuiWindow> open(const GuiWindowOptions& options, std::string& error);
    ~GuiWindow();
    GuiWindow(const GuiWindow&) = delete;
    GuiWindow& operator=(const GuiWindow&) = delete;

    // True when the user asked to close the window.
    bool shouldClose() const;
    // Processes pending window events, waiting up to `wait_seconds` for one (0: do not wait).
    // True when user input (mouse, keys, text, resize, focus) arrived since the last call.
    bool pollInput(double wait_seconds);
    // Polls events and starts an ImGui frame.
    void beginFrame();
    // Renders ImGui's draw data into the default framebuffer (clears first); does not swap.
    void renderFrame();
    // Presents the frame.
    void swap();
    // Framebuffer size in pixels.
    void framebufferSize(int& w, int& h) const;
    // HiDPI content scale (1 on ordinary screens and under Xvfb).
    float contentScale() const;
    // Rebuilds the ImGui font texture after loadFonts() changed the atlas.
    void reloadFontTexture();
    GLFWwindow* handle() const { return window_; }

private:
    GuiWindow() = default;
    void installInputCallbacks();
    GLFWwindow* window_ = nullptr;
    bool imgui_ready_ = false;
    bool glfw_ready_ = false;
    bool terminate_glfw_ = true;
    bool input_seen_ = true;  // set by the GLFW input callbacks (chained before ImGui's)
};

}  // namespace ganarium
