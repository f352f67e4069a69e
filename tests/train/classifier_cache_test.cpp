// classifier_cache_test.cpp — the per-user classifier cache: the XDG folder
// rule, a round trip (train and write, then load the same weights), and a
// corrupt or foreign cache file retrained with a message that says why.
#include <torch/torch.h>

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "core/errors.h"
#include "train/classifier_cache.h"
#include "temp_folder.h"
#include "train/classifier_state.h"
#include "train/fashion_mnist_tensors.h"

using namespace ganarium;
using ganarium::test::TempFolder;
namespace fs = std::filesystem;

namespace {

ClassifierCacheOptions quickOptions(const std::string& dir) {
    ClassifierCacheOptions options;
    options.cache_dir = dir;
    options.epochs = 1;
    options.train_images = 1000;
    return options;
}

torch::Tensor logitsOf(const ClassifierHandle& handle, const torch::Tensor& images) {
    torch::NoGradGuard no_grad;
    return handle.state().model->forward(images);
}

}  // namespace

TEST_CASE("classifier cache folder: $XDG_CACHE_HOME/ganarium when absolute, else ~/.cache/ganarium") {
    const char* old_xdg = std::getenv("XDG_CACHE_HOME");
    const std::string saved = old_xdg ? old_xdg : "";
    ::setenv("XDG_CACHE_HOME", "/some/cache", 1);
    CHECK(defaultClassifierCacheDir() == "/some/cache/ganarium");
    ::setenv("XDG_CACHE_HOME", "relative/cache", 1);  // the XDG spec says: ignore relative paths
    CHECK(defaultClassifierCacheDir() == std::string(std::getenv("HOME")) + "/.cache/ganarium");
    if (old_xdg) ::setenv("XDG_CACHE_HOME", saved.c_str(), 1); else ::unsetenv("XDG_CACHE_HOME");
    ClassifierCacheOptions options;
    const std::string name = classifierCacheFileName(options, 0x0123456789abcdefull);
    CHECK(name == "classifier-v1-cnn16-32-128-e5-s1-0123456789abcdef.pt");
    options.train_images = 1000;
    options.seed = 7;
    CHECK(classifierCacheFileName(options, 1) == "classifier-v1-cnn16-32-128-e5-s7-n1000-0000000000000001.pt");
    options.threads = 2;
    CHECK(classifierCacheFileName(options, 1) == "classifier-v1-cnn16-32-128-e5-s7-n1000-t2-0000000000000001.pt");
}

TEST_CASE("classifier cache: trains and writes once, then loads the same weights; no temporary file is left") {
    const TempFolder folder("ganarium-classifier-cache");
    const ClassifierCacheOptions options = quickOptions(folder.path.string());
    std::vector<double> fractions;
    const ClassifierHandle first = loadOrTrainClassifier(options, [&](double f, const std::string&) {
        fractions.push_back(f);
    });
    REQUIRE(first);
    CHECK(first.trainedNow());
    CHECK(first.origin() == "no cache file yet");
    CHECK(fs::exists(first.cachePath()));
    CHECK(first.testAccuracy() > 0.5);
    REQUIRE(fractions.size() > 10);
    CHECK(fractions.back() == 1.0);
    CHECK(std::is_sorted(fractions.begin(), fractions.end()));
    CHECK(std::distance(fs::directory_iterator(folder.path), fs::directory_iterator()) == 1);

    const ClassifierHandle second = loadOrTrainClassifier(options);
    CHECK_FALSE(second.trainedNow());
    CHECK(second.origin() == "loaded from cache");
    CHECK(second.cachePath() == first.cachePath());
    CHECK(second.testAccuracy() == first.testAccuracy());
    const torch::Tensor images = loadFashionMnistTensors(false).images.slice(0, 0, 16);
    CHECK(torch::equal(logitsOf(first, images), logitsOf(second, images)));

    ClassifierCacheOptions again = options;
    again.retrain = true;
    const ClassifierHandle third = loadOrTrainClassifier(again);
    CHECK(third.trainedNow());
    CHECK(torch::equal(logitsOf(first, images), logitsOf(third, images)));  // deterministic training
}

TEST_CASE("classifier cache: a corrupt or foreign cache file is retrained, with the reason") {
    const TempFolder folder("ganarium-classifier-corrupt");
    const ClassifierCacheOptions options = quickOptions(folder.path.string());
    const std::string path =
        folder.path.string() + "/" + classifierCacheFileName(options, fashionMnistTrainingHash());
    fs::create_directories(folder.path);
    std::ofstream(path) << "not a model";
    const ClassifierHandle repaired = loadOrTrainClassifier(options);
    CHECK(repaired.trainedNow());
    CHECK(repaired.origin().find("cannot be used: it is unreadable") != std::string::npos);
    CHECK(repaired.origin().find(path) != std::string::npos);
    CHECK_FALSE(loadOrTrainClassifier(options).trainedNow());  // the rewritten file is good

    // A valid file under the wrong name (made with another seed) is recognised as foreign.
    ClassifierCacheOptions other = options;
    other.seed = 2;
    const std::string other_path =
        folder.path.string() + "/" + classifierCacheFileName(other, fashionMnistTrainingHash());
    fs::copy_file(path, other_path);
    const ClassifierHandle foreign = loadOrTrainClassifier(other);
    CHECK(foreign.trainedNow());
    CHECK(foreign.origin().find("another architecture, seed or training data") != std::string::npos);
}

TEST_CASE("classifier cache: an unwritable cache folder is a clear error") {
    ClassifierCacheOptions options = quickOptions("/proc/ganarium-cannot-write-here");
    try {
        loadOrTrainClassifier(options);
        FAIL("no error for an unwritable cache folder");
    } catch (const UserError& e) {
        CHECK(std::string(e.what()).find("--cache-dir") != std::string::npos);
    }
}

TEST_CASE("classifier cache: a stop flag ends the training between two batches and caches nothing") {
    const TempFolder folder("ganarium-classifier-stop");
    ClassifierCacheOptions options = quickOptions(folder.path.string());
    std::atomic<bool> stop{false};
    options.stop = &stop;
    int calls = 0;
    CHECK_THROWS_AS(loadOrTrainClassifier(options, [&](double fraction, const std::string&) {
                        ++calls;
                        if (fraction > 0.3) stop = true;
                    }),
                    ClassifierTrainingStopped);
    CHECK(calls > 1);
    CHECK(std::distance(fs::directory_iterator(folder.path), fs::directory_iterator()) == 0);
}

TEST_CASE("classifier cache: cached_only never trains; without a cache file it names `ganarium classifier`") {
    const TempFolder folder("ganarium-classifier-cached-only");
    ClassifierCacheOptions options = quickOptions(folder.path.string());
    options.cached_only = true;  // what `ganarium record` asks for
    try {
        loadOrTrainClassifier(options);
        FAIL("a classifier appeared without a cache file");
    } catch (const UserError& e) {
        CHECK(std::string(e.what()).find("ganarium classifier") != std::string::npos);
    }
    CHECK_FALSE(fs::exists(folder.path));  // nothing trained, nothing written (not even the cache folder)
}
