// python_peer.h — runs bench/toy_gan.py (the same toy GAN in plain PyTorch)
// as a child process and reads its one-line JSON result.
#pragma once

#include <string>

namespace ganarium::bench {

// What the Python peer measured, or why it did not run.
struct PythonPeerResult {
    bool ran = false;
    std::string skipped_reason;     // set when !ran: what was missing and how to install it
    double non_saturating = 0;      // it/s, 1 thread, wall clock
    double wgan_gp = 0;
    double non_saturating_cpu = 0;  // it per CPU second of the Python process
    double wgan_gp_cpu = 0;
    std::string torch_version;
};

// Runs `/usr/bin/python3 SCRIPT --steps N --repeats R [FLAGS] --json` with OPENBLAS_NUM_THREADS=1.
PythonPeerResult runPythonPeer(const std::string& script, int steps, int repeats, const std::string& flags = "");

// The number after "key": in a flat JSON line; false when absent.
bool jsonNumberField(const std::string& json, const std::string& key, double& out);

}  // namespace ganarium::bench
