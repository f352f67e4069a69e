# Graphics.cmake — OpenGL side dependencies, all from Debian packages:
#   * glad loader generated at build time by Debian's `glad` (python3-glad), offline (--reproducible);
#   * Dear ImGui from libimgui-dev, its GLFW/OpenGL3 backends compiled from the sources Debian ships;
#   * GLFW (libglfw3-dev), OpenGL and EGL (libegl-dev).
find_package(OpenGL REQUIRED COMPONENTS OpenGL EGL)
find_package(glfw3 REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET imgui)
find_program(GLAD_EXECUTABLE glad REQUIRED)

set(GLAD_OUT ${CMAKE_BINARY_DIR}/glad)
add_custom_command(
  OUTPUT ${GLAD_OUT}/src/gl.c ${GLAD_OUT}/include/glad/gl.h ${GLAD_OUT}/src/egl.c ${GLAD_OUT}/include/glad/egl.h
  COMMAND ${GLAD_EXECUTABLE} --quiet --reproducible --api gl:core=3.3 --extensions "" --out-path ${GLAD_OUT} c
  COMMAND ${GLAD_EXECUTABLE} --quiet --reproducible --api egl=1.5
          --extensions "EGL_MESA_platform_surfaceless,EGL_EXT_platform_base,EGL_KHR_surfaceless_context,EGL_EXT_platform_device,EGL_EXT_device_base,EGL_EXT_device_enumeration"
          --out-path ${GLAD_OUT} c
  COMMENT "Generating the OpenGL 3.3 core and EGL loaders with glad"
  VERBATIM)
add_library(ganarium_glad STATIC ${GLAD_OUT}/src/gl.c ${GLAD_OUT}/src/egl.c)
target_include_directories(ganarium_glad SYSTEM PUBLIC ${GLAD_OUT}/include)
target_link_libraries(ganarium_glad PUBLIC ${CMAKE_DL_LIBS})

add_library(ganarium_imgui INTERFACE)
target_link_libraries(ganarium_imgui INTERFACE PkgConfig::IMGUI)

set(IMGUI_BACKEND_DIR /usr/share/doc/libimgui-dev/examples/backends)
if(NOT EXISTS ${IMGUI_BACKEND_DIR}/imgui_impl_glfw.cpp)
  message(FATAL_ERROR "ImGui backend sources not found in ${IMGUI_BACKEND_DIR}: install libimgui-dev (scripts/install-deps.sh does).")
endif()
add_library(ganarium_imgui_backends STATIC
  ${IMGUI_BACKEND_DIR}/imgui_impl_glfw.cpp ${IMGUI_BACKEND_DIR}/imgui_impl_opengl3.cpp)
target_include_directories(ganarium_imgui_backends SYSTEM PUBLIC /usr/include/imgui/backends /usr/include/imgui)
target_link_libraries(ganarium_imgui_backends PUBLIC PkgConfig::IMGUI glfw OpenGL::GL OpenGL::EGL ganarium_glad)
