// png_file.cpp — checked PNG writes (stb's encoder through a callback, every fwrite checked).
#include "app/png_file.h"

#include <stb/stb_image_write.h>  // declarations only; render/png_writer.cpp is the implementation unit
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "app/output_file.h"

namespace ganarium {

std::string writePngFile(const std::string& path, bool overwrite, int w, int h, const std::vector<uint8_t>& rgba,
                         PngWriteOutcome* outcome) {
    PngWriteOutcome ignored;
    PngWriteOutcome& result = outcome ? *outcome : ignored;
    const int fd = openOutputFile(path, overwrite);
    result = fd < 0 ? (errno == EEXIST ? PngWriteOutcome::NameTaken : PngWriteOutcome::NotOpened)
                    : PngWriteOutcome::Truncated;
    if (fd < 0) {
        if (errno == EEXIST) return "cannot write " + path + ": the file already exists (add --force to replace it)";
        if (errno == ELOOP) return "cannot write " + path + ": it is a symbolic link (remove it; links are never followed)";
        return "cannot write " + path + ": " + std::strerror(errno);
    }
    FILE* file = ::fdopen(fd, "wb");
    if (!file) {
        ::close(fd);
        return "cannot write " + path + ": " + std::strerror(errno);
    }
    struct Target {
        FILE* file;
        bool ok;
    } target{file, true};
    auto write = [](void* context, void* data, int size) {
        auto* t = static_cast<Target*>(context);
        if (t->ok && std::fwrite(data, 1, static_cast<size_t>(size), t->file) != static_cast<size_t>(size)) t->ok = false;
    };
    const bool encoded = stbi_write_png_to_func(write, &target, w, h, 4, rgba.data(), w * 4) != 0;
    const bool flushed = std::fflush(file) == 0 && !std::ferror(file);
    const bool closed = std::fclose(file) == 0;
    if (!(encoded && target.ok && flushed && closed)) return "cannot write " + path + " (disk full or folder not writable?)";
    result = PngWriteOutcome::Written;
    return "";
}

}  // namespace ganarium
