// omp_environment.cpp — re-executes the process with OMP_WAIT_POLICY=PASSIVE.
#include "core/omp_environment.h"

#include <unistd.h>

#include <cstdlib>

namespace ganarium {

void ensurePassiveOpenMpWait(char** argv) {
    if (std::getenv(kOmpWaitPolicyVariable) != nullptr) return;
    if (setenv(kOmpWaitPolicyVariable, kOmpWaitPolicyValue, 1) != 0) return;
    execv("/proc/self/exe", argv);
    // exec failed: go on with the spinning default (slower on a busy machine, still correct).
}

}  // namespace ganarium
