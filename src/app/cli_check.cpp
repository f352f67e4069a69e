// cli_check.cpp — `ganarium check SCENE...`: parses and validates scene files
// without training, one line per file. Exit 0 only when every file is valid.
#include <iostream>
#include <new>

#include "app/cli_args.h"
#include "app/cli_scene_argument.h"
#include "app/commands.h"

namespace ganarium {

namespace {

// Checks one scene argument; prints "OK  path  (N runs, family)" or the error. True when valid.
bool checkOneScene(const std::string& argument) {
    const std::string shown = isDefaultSceneArgument(argument) ? "default (built-in)" : argument;
    try {
        const SceneSpec scene = loadSceneArgument(argument);
        std::cout << "OK  " << shown << "  (" << scene.runs.size() << (scene.runs.size() == 1 ? " run, " : " runs, ")
                  << (sceneUsesData(scene) ? familyName(scene.data.family)
                      : imageOf(scene.runs.front()) ? "Fashion-MNIST, no [data]"
                      : cycleOf(scene.runs.front()) ? "CycleGAN domains, no [data]"
                                                    : "Dirac-GAN, no data")
                  << ")\n";
        return true;
    } catch (const SceneError& e) {
        std::cout.flush();
        std::cerr << e.what() << '\n';
    } catch (const UserError& e) {
        std::cout.flush();
        std::cerr << e.what() << '\n';
    } catch (const std::bad_alloc&) {
        std::cout.flush();
        std::cerr << argument << ": not enough memory to read the scene (is its `csv` file huge?)\n";
    } catch (const std::exception& e) {
        std::cout.flush();
        std::cerr << argument << ": unexpected error while reading the scene: " << e.what() << '\n';
    } catch (...) {
        std::cout.flush();
        std::cerr << argument << ": unexpected error while reading the scene\n";
    }
    return false;
}

}  // namespace

int runCheckCommand(int argc, char** argv) {
    try {
        CliArgs args(argc, argv, 2, {}, {"help"});
        if (args.has("help") || args.positional().empty()) {
            (args.has("help") ? std::cout : std::cerr)
                << "usage: ganarium check SCENE.toml [SCENE.toml...]\n"
                   "Validates each scene file (keys, types, ranges) without training.\n"
                   "Prints `OK  path  (N runs, family)` or the problem with file:line and the fix.\n";
            return args.has("help") ? 0 : 2;
        }
        int bad = 0;
        for (const auto& argument : args.positional())
            if (!checkOneScene(argument)) ++bad;
        if (args.positional().size() > 1)
            std::cout << (args.positional().size() - bad) << " of " << args.positional().size()
                      << " scene files are valid\n";
        return bad == 0 ? 0 : 1;
    } catch (const UserError& e) {
        std::cerr << "ganarium check: " << e.what() << '\n';
        return 2;
    }
}

}  // namespace ganarium
