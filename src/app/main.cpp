// main.cpp — `ganarium` entry point: dispatches to one subcommand.
#include <cstring>
#include <string>

#include "app/commands.h"
#include "core/omp_environment.h"

int main(int argc, char** argv) {
    using namespace ganarium;
    ensurePassiveOpenMpWait(argv);  // before anything else: OpenMP read its settings when LibTorch was loaded
    const std::string first = argc > 1 ? argv[1] : "";
    if (first == "--help" || first == "-h" || first == "help") return runHelpCommand();
    if (first == "--version" || first == "version") return runVersionCommand();
    if (first == "train") return runTrainCommand(argc, argv);
    if (first == "check") return runCheckCommand(argc, argv);
    if (first == "record") return runRecordCommand(argc, argv);
    if (first == "classifier") return runClassifierCommand(argc, argv);
    if (first == "follow") return runFollowCommand(argc, argv);
    return runGuiCommand(argc, argv);  // `ganarium` or `ganarium SCENE.toml [options]`
}
