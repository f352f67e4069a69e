// classifier_wait.h — the terminal side of waiting for the image runs'
// classifier (`ganarium train` and `ganarium record`): a progress bar while it
// trains on first use, then one "Images:" line saying where it stands.
#pragma once

#include <optional>
#include <string>

#include "app/terminal_progress.h"
#include "core/snapshot.h"

namespace ganarium {

// Reports the wait for the classifier behind the image metrics (a bar when it trains on first use).
class ClassifierWait {
public:
    // Called by the trainer about 10 times a second while it waits.
    void operator()(const ClassifierStatus& status);
    // Ends the bar and prints where the classifier stands.
    void finish();

private:
    std::optional<TerminalProgress> training_;
    std::string last_;
};

}  // namespace ganarium
