// gl.h — the one place the render layer includes the OpenGL loader (glad 2,
// core 3.3, generated at build time). Everything GL-side includes this.
#pragma once

#include <glad/gl.h>
