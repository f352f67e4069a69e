// commands.h — the `ganarium` subcommands. main.cpp only dispatches; each
// subcommand lives in its own file (cli_train.cpp, cli_check.cpp,
// gui_command.cpp, record_command.cpp). Each returns the process exit code
// and turns UserError into a message on stderr.
#pragma once

namespace ganarium {

// `ganarium train SCENE [...]`: headless training with progress and a final metrics table.
int runTrainCommand(int argc, char** argv);
// `ganarium check SCENE...`: validates scene files.
int runCheckCommand(int argc, char** argv);
// `ganarium [SCENE] [--frames N] [--screenshot F] [--stats]`: the real-time window.
int runGuiCommand(int argc, char** argv);
// `ganarium follow DIR [--frames N] [--screenshot F] ...`: the window on a train run's checkpoint folder (read only).
int runFollowCommand(int argc, char** argv);
// `ganarium record SCENE -o OUT [...]`: deterministic headless video.
int runRecordCommand(int argc, char** argv);
// `ganarium classifier [--retrain] [--cache-dir DIR] [--reference]`: the image metrics' classifier.
int runClassifierCommand(int argc, char** argv);
// `ganarium --version`: version, LibTorch and BLAS in use.
int runVersionCommand();
// `ganarium --help`.
int runHelpCommand();

}  // namespace ganarium
