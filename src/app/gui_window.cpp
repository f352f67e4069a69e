// gui_window.cpp — GLFW window, GL 3.3 core context, glad and the ImGui backends.
#include "app/gui_window.h"

#include <cstdlib>

#include "render/gl.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

namespace ganarium {

std::string noDisplayMessage(const std::string& detail) {
    return "no display found: " + detail +
           ". The window needs an X11 or Wayland display; use the headless commands `ganarium train SCENE` or "
           "`ganarium record SCENE -o out.mp4` (or run under xvfb-run, e.g. `xvfb-run -a ganarium SCENE`).";
}

bool displayEnvironmentPresent(std::string& why) {
    const char* x11 = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    if ((x11 && *x11) || (wayland && *wayland)) return true;
    why = "neither DISPLAY nor WAYLAND_DISPLAY is set";
    return false;
}

std::unique_ptr<GuiWindow> GuiWindow::open(const GuiWindowOptions& options, std::string& error) {
    if (!displayEnvironmentPresent(error)) return nullptr;
    std::unique_ptr<GuiWindow> w(new GuiWindow());
    if (!glfwInit()) {
        error = "GLFW could not connect to the display";
        return nullptr;
    }
    w->glfw_ready_ = true;
    w->terminate_glfw_ = options.terminate_glfw;
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_VISIBLE, options.visible ? GLFW_TRUE : GLFW_FALSE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    w->window_ = glfwCreateWindow(options.width, options.height, options.title.c_str(), nullptr, nullptr);
    if (!w->window_) {
        error = "could not create an OpenGL 3.3 core window";
        return nullptr;
    }
    glfwMakeContextCurrent(w->window_);
    if (!gladLoadGL(reinterpret_cast<GLADloadfunc>(glfwGetProcAddress))) {
        error = "could not load the OpenGL functions";
        return nullptr;
    }
    glfwSwapInterval(options.vsync ? 1 : 0);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // no imgui.ini in the user's working directory
    w->installInputCallbacks();                      // before ImGui's, which chain to them
    ImGui_ImplGlfw_InitForOpenGL(w->window_, true);
    ImGui_ImplOpenGL3_Init("#version 330");
    w->imgui_ready_ = true;
    return w;
}

GuiWindow::~GuiWindow() {
    if (imgui_ready_) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
    }
    if (window_) glfwDestroyWindow(window_);
    if (glfw_ready_ && terminate_glfw_) glfwTerminate();
}

void GuiWindow::installInputCallbacks() {
    glfwSetWindowUserPointer(window_, this);
    glfwSetCursorPosCallback(window_, [](GLFWwindow* w, double, double) {
        static_cast<GuiWindow*>(glfwGetWindowUserPointer(w))->input_seen_ = true;
    });
    glfwSetMouseButtonCallback(window_, [](GLFWwindow* w, int, int, int) {
        static_cast<GuiWindow*>(glfwGetWindowUserPointer(w))->input_seen_ = true;
    });
    glfwSetScrollCallback(window_, [](GLFWwindow* w, double, double) {
        static_cast<GuiWindow*>(glfwGetWindowUserPointer(w))->input_seen_ = true;
    });
    glfwSetKeyCallback(window_, [](GLFWwindow* w, int, int, int, int) {
        static_cast<GuiWindow*>(glfwGetWindowUserPointer(w))->input_seen_ = true;
    });
    glfwSetCharCallback(window_, [](GLFWwindow* w, unsigned int) {
        static_cast<GuiWindow*>(glfwGetWindowUserPointer(w))->input_seen_ = true;
    });
    glfwSetWindowFocusCallback(window_, [](GLFWwindow* w, int) {
        static_cast<GuiWindow*>(glfwGetWindowUserPointer(w))->input_seen_ = true;
    });
    glfwSetCursorEnterCallback(window_, [](GLFWwindow* w, int) {
        static_cast<GuiWindow*>(glfwGetWindowUserPointer(w))->input_seen_ = true;
    });
    glfwSetWindowContentScaleCallback(window_, [](GLFWwindow* w, float, float) {  // moved to another DPI
        static_cast<GuiWindow*>(glfwGetWindowUserPointer(w))->input_seen_ = true;
    });
    glfwSetFramebufferSizeCallback(window_, [](GLFWwindow* w, int, int) {
        static_cast<GuiWindow*>(glfwGetWindowUserPointer(w))->input_seen_ = true;
    });
}

bool GuiWindow::pollInput(double wait_seconds) {
    if (wait_seconds > 0) glfwWaitEventsTimeout(wait_seconds);
    else glfwPollEvents();
    const bool seen = input_seen_;
    input_seen_ = false;
    return seen;
}

bool GuiWindow::shouldClose() const { return glfwWindowShouldClose(window_); }

void GuiWindow::beginFrame() {
    glfwPollEvents();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
}

void GuiWindow::renderFrame() {
    ImGui::Render();
    int w = 0, h = 0;
    framebufferSize(w, h);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, w, h);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];  // the theme's (black in presenter mode)
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void GuiWindow::swap() { glfwSwapBuffers(window_); }

void GuiWindow::framebufferSize(int& w, int& h) const { glfwGetFramebufferSize(window_, &w, &h); }

float GuiWindow::contentScale() const {
    float sx = 1, sy = 1;
    glfwGetWindowContentScale(window_, &sx, &sy);
    return sx > 0 ? sx : 1.0f;
}

void GuiWindow::reloadFontTexture() {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

}  // namespace ganarium
