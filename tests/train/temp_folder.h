// temp_folder.h — a fresh, empty folder under the temp directory for one test
// case (named after the case and this process), removed at the end.
#pragma once

#include <filesystem>
#include <string>
#include <system_error>

#include <unistd.h>

namespace ganarium::test {

struct TempFolder {
    std::filesystem::path path;
    // Removes any leftover of the same name first.
    explicit TempFolder(const std::string& name)
        : path(std::filesystem::temp_directory_path() / (name + "-" + std::to_string(::getpid()))) {
        std::filesystem::remove_all(path);
    }
    ~TempFolder() {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
};

}  // namespace ganarium::test
