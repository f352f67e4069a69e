// snapshot_cadence.h — how often the training thread rebuilds the slow parts
// of a snapshot. Image runs split their snapshot in two: the live parts (the
// sample grid on fixed z, the progress strip, curves) go into every published
// frame; the slow parts (the real grid, D's scores on 512 images, D's weight
// histogram; about 10x the live parts' cost) are rebuilt at most every
// kHeavyShortestSeconds and so that they take at most kHeavyShare of the
// training thread's time, and reused in between. Toy runs have no slow parts.
// Pure logic: trainer_thread.cpp feeds it measured build times.
#pragma once

namespace ganarium {

// Shortest time between two rebuilds of the slow parts while training plays.
constexpr double kHeavyShortestSeconds = 0.5;
// Largest share of the training thread's time the slow parts may take.
constexpr double kHeavyShare = 0.08;

// Whether the next published snapshot rebuilds the slow parts: always when training does not play (a pause or an
// edit shows the whole state), otherwise once `since_heavy_seconds` (since the last rebuild) reaches
// max(kHeavyShortestSeconds, heavy_build_seconds / kHeavyShare), `heavy_build_seconds` being what the last one cost.
bool heavyPartsDue(bool playing, double since_heavy_seconds, double heavy_build_seconds);

}  // namespace ganarium
