// app_window_fixture.h — test helper for the application-shell tests: a
// hidden 1280x720 GuiWindow (GL 3.3 core + ImGui with the GLFW/OpenGL3
// backends), fonts and theme loaded, and helpers that drive a GuiSession for
// N frames exactly like the real frame loop does. Needs a display (the GUI
// suite runs under xvfb-run); without one, `error` says so and tests fail.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <unistd.h>

#include "app/gui_session.h"
#include "app/gui_window.h"
#include "ui/fonts.h"
#include "ui/theme.h"

namespace ganarium::test {

// An empty scratch folder under the system temp dir, named `prefix-PID-name` (emptied first; the PID keeps
// test runs of several checkouts apart).
inline std::filesystem::path freshTempDir(const std::string& prefix, const std::string& name) {
    std::filesystem::path dir =
        std::filesystem::temp_directory_path() / (prefix + "-" + std::to_string(::getpid()) + "-" + name);
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

struct AppWindowFixture {
    std::unique_ptr<GuiWindow> window;
    std::string error;

    AppWindowFixture() {
        GuiWindowOptions options;
        options.visible = false;
        options.vsync = false;
        options.terminate_glfw = false;
        window = GuiWindow::open(options, error);
        if (!window) {
            error = "no GL window for the GUI tests (" + error + "); run them under xvfb-run -a -s '-screen 0 1280x720x24'";
            return;
        }
        loadFonts("en", 18.0f);
        applyTheme(1.0f);
    }

    // Mouse for the next frames when `drive_mouse` (a hidden window gets no pointer from the server):
    // position in window pixels and the left button.
    bool drive_mouse = false;
    ImVec2 mouse_pos{-FLT_MAX, -FLT_MAX};
    bool mouse_left = false;

    // One frame as the app does it: UI, render, requests. Returns the number of vertices drawn.
    int frame(GuiSession& session) {
        if (drive_mouse) {  // GuiWindow::beginFrame, with the mouse set between the backend and ImGui
            ImGui_ImplOpenGL3_NewFrame();
            ImGui_ImplGlfw_NewFrame();
            ImGui::GetIO().MousePos = mouse_pos;
            ImGui::GetIO().MouseDown[ImGuiMouseButton_Left] = mouse_left;
            ImGui::NewFrame();
        } else {
            window->beginFrame();
        }
        ImGui::GetIO().DisplaySize = ImVec2(1280, 720);  // hidden windows may report 0x0 on some servers
        session.buildFrame(ImGui::GetIO().DisplaySize);
        window->renderFrame();
        const int vertices = ImGui::GetDrawData() ? ImGui::GetDrawData()->TotalVtxCount : 0;
        session.serviceRequests();
        return vertices;
    }
};

// Session options for tests: synchronous trainer (deterministic, no thread) unless `threaded`.
inline GuiSessionOptions testSessionOptions(bool threaded) {
    GuiSessionOptions options;
    options.threaded = threaded;
    options.start_playing = true;
    options.sync_steps_per_frame = 1;
    options.trainer.display_samples = 256;
    options.trainer.threads = 1;
    options.scene_dirs = {GANARIUM_SCENE_DIR};
    // Training at normal priority: at idle priority a machine busy with other work (a build) starves the
    // trainer and the tests that wait for it time out. The priority tests switch it back on themselves.
    options.training_policy = TrainingPolicy::Normal;
    return options;
}

}  // namespace ganarium::test
