// omp_environment.h — makes OpenMP threads sleep instead of spin while they
// wait (OMP_WAIT_POLICY=PASSIVE). On a busy 2-core machine spinning threads
// of LibTorch's intra-op pool and of concurrent runs collapse to 1/10-1/50 of
// their speed (platform-notes.md). libgomp reads the variable once, when it
// is loaded, which is before main() runs: so the process re-executes itself
// with the variable set. Call it first thing in main().
#pragma once

namespace ganarium {

// The variable and the value set when the user has not chosen one.
constexpr const char* kOmpWaitPolicyVariable = "OMP_WAIT_POLICY";
constexpr const char* kOmpWaitPolicyValue = "PASSIVE";

// When OMP_WAIT_POLICY is unset: sets it to PASSIVE and re-executes /proc/self/exe with `argv` (does not return
// on success). Returns when the variable was already set (the user's choice is kept) or when re-executing failed.
void ensurePassiveOpenMpWait(char** argv);

}  // namespace ganarium
