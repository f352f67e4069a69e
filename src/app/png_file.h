// png_file.h — a PNG write whose every byte is checked: a full disk is an
// error, not a truncated file (stbi_write_png ignores fwrite failures). Never
// through a symbolic link; an existing file only when asked (output_file.h
// rules). Used for `record --png-dir` frames and the window's screenshots.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace ganarium {

// Where a PNG write stopped.
enum class PngWriteOutcome {
    Written,    // the whole file is there
    NameTaken,  // without overwrite: something (file, link, folder) already has that name; nothing written
    NotOpened,  // the file could not be created (permissions, a link with overwrite); nothing written
    Truncated,  // the file was created but not every byte reached it (disk full): it is incomplete
};

// Writes the w x h top-down RGBA image to `path`; an existing file is replaced only with `overwrite`.
// Returns "" or why the file could not be written; `outcome` (optional) says where it stopped.
std::string writePngFile(const std::string& path, bool overwrite, int w, int h, const std::vector<uint8_t>& rgba,
                         PngWriteOutcome* outcome = nullptr);

}  // namespace ganarium
