// classifier_cache.h — the Fashion-MNIST classifier "on first use": loaded
// from the per-user cache ($XDG_CACHE_HOME/ganarium or ~/.cache/ganarium) or
// trained and cached when missing, corrupt or made for other data. The cache
// file's name carries the format version, the architecture, the training
// recipe, the seed and a hash of the training files; it is written to a
// temporary file and renamed, so a reader never sees half a file. No LibTorch
// here: the app and the GUI hold a ClassifierHandle; the model itself is in
// train/classifier_state.h.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include "core/idx_reader.h"
#include "train/classifier_progress.h"

namespace ganarium {

// Where and how the classifier is found or made.
struct ClassifierCacheOptions {
    std::string cache_dir;                      // empty: defaultClassifierCacheDir()
    std::string data_dir = kFashionMnistDir;    // the Fashion-MNIST IDX files
    bool retrain = false;                       // train even when a valid cache file exists
    bool cached_only = false;                   // never train: no valid cache file is a UserError naming `ganarium classifier`
    uint64_t seed = 1;                          // weights and shuffling
    int threads = 1;                            // LibTorch threads while training (1: deterministic everywhere)
    int epochs = 5;                             // training passes (part of the cache file's name)
    int64_t train_images = 0;                   // train on the first N training images only (0: all 60000; tests)
    const std::atomic<bool>* stop = nullptr;    // set to true to abandon a training (e.g. the window closes)
};

struct ClassifierState;  // the model and its facts (train/classifier_state.h, LibTorch)

// A trained classifier, shared by whoever holds a copy. Empty when default-constructed.
class ClassifierHandle {
public:
    ClassifierHandle() = default;
    explicit ClassifierHandle(std::shared_ptr<ClassifierState> state) : state_(std::move(state)) {}

    // True when it holds a classifier.
    explicit operator bool() const { return state_ != nullptr; }
    // Accuracy on the 10000 test images, measured after training (stored in the cache file).
    double testAccuracy() const;
    // The cache file it came from or was written to.
    const std::string& cachePath() const;
    // True when it was trained by this call rather than loaded.
    bool trainedNow() const;
    // Why it was (re)trained ("no cache file yet", "cache file unreadable: ..."), or "loaded from cache".
    const std::string& origin() const;
    // Seconds spent training (0 when loaded).
    double trainingSeconds() const;
    // The model (LibTorch side; include train/classifier_state.h).
    ClassifierState& state() const { return *state_; }

private:
    std::shared_ptr<ClassifierState> state_;
};

// $XDG_CACHE_HOME/ganarium when XDG_CACHE_HOME is set and absolute, else $HOME/.cache/ganarium.
std::string defaultClassifierCacheDir();

// The cache file's name for these options and training-data hash, e.g.
// "classifier-v1-cnn16-32-128-e5-s1-0123456789abcdef.pt" ("-n2000" before the hash when train_images is set, "-t2" for 2 threads).
std::string classifierCacheFileName(const ClassifierCacheOptions& options, uint64_t data_hash);

// Loads the cached classifier or trains (and caches) one; `progress` (may be empty) sees the
// loading, training and testing. Throws UserError when the dataset is missing or the cache
// folder cannot be written, ClassifierTrainingStopped when options.stop ends the training.
ClassifierHandle loadOrTrainClassifier(const ClassifierCacheOptions& options, const ClassifierProgressFn& progress = {});

}  // namespace ganarium
