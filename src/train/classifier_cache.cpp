// classifier_cache.cpp — find, validate, train and atomically write the cached classifier.
#include "train/classifier_cache.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "core/errors.h"
#include "train/classifier_state.h"
#include "train/classifier_training.h"
#include "train/fashion_mnist_tensors.h"

namespace ganarium {

namespace fs = std::filesystem;

namespace {

// Bump when the file layout or the training recipe (lr, batch, loss) changes: old files are then ignored.
constexpr int64_t kCacheFormat = 1;

ClassifierTrainingOptions trainingOptionsOf(const ClassifierCacheOptions& options) {
    ClassifierTrainingOptions training;
    training.seed = options.seed;
    training.threads = options.threads;
    training.epochs = options.epochs;
    training.stop = options.stop;
    return training;
}

torch::Tensor textTensor(const std::string& text) {
    return torch::tensor(std::vector<int64_t>(text.begin(), text.end()), torch::kInt64);
}

std::string tensorText(const torch::Tensor& t) {
    std::string out;
    const torch::Tensor c = t.to(torch::kInt64).contiguous();
    for (int64_t i = 0; i < c.numel(); ++i) out.push_back(static_cast<char>(c.data_ptr<int64_t>()[i]));
    return out;
}

int64_t asSigned(uint64_t v) {
    int64_t out;
    std::memcpy(&out, &v, sizeof(out));
    return out;
}

// What a valid cache file must say about itself.
struct CacheIdentity {
    std::string architecture;
    int64_t epochs = 0;
    int64_t seed = 0;
    int64_t data_hash = 0;
    int64_t train_images = 0;
};

CacheIdentity identityOf(const ClassifierCacheOptions& options, uint64_t data_hash) {
    return {classifierArchitectureName(ClassifierTrainingOptions{}.net), options.epochs, asSigned(options.seed),
            asSigned(data_hash), options.train_images};
}

// Writes model and facts to `path` through a temporary file in the same folder and a rename.
void writeCacheFile(const ClassifierState& state, const CacheIdentity& id, const std::string& path) {
    torch::serialize::OutputArchive archive;
    state.model->save(archive);
    archive.write("meta.format", torch::tensor(kCacheFormat));
    archive.write("meta.architecture", textTensor(id.architecture));
    archive.write("meta.epochs", torch::tensor(id.epochs));
    archive.write("meta.seed", torch::tensor(id.seed));
    archive.write("meta.data_hash", torch::tensor(id.data_hash));
    archive.write("meta.train_images", torch::tensor(id.train_images));
    archive.write("meta.test_accuracy", torch::tensor(state.test_accuracy, torch::kFloat64));
    const std::string temp = path + ".tmp." + std::to_string(::getpid());
    try {
        archive.save_to(temp);
        fs::rename(temp, path);
    } catch (const std::exception& e) {
        std::error_code ignored;
        fs::remove(temp, ignored);
        throw UserError("cannot write the classifier cache file " + path + " (" + e.what() +
                        "); pass --cache-dir DIR with a writable folder, or set XDG_CACHE_HOME");
    }
}

// Reads the cache file at `path` into `state`; returns "" on success, else why it cannot be used.
std::string readCacheFile(const std::string& path, const CacheIdentity& id, ClassifierState& state) {
    try {
        torch::serialize::InputArchive archive;
        archive.load_from(path);
        torch::Tensor format, architecture, epochs, seed, data_hash, train_images, accuracy;
        archive.read("meta.format", format);
        if (format.item<int64_t>() != kCacheFormat) return "it has format " + std::to_string(format.item<int64_t>());
        archive.read("meta.architecture", architecture);
        archive.read("meta.epochs", epochs);
        archive.read("meta.seed", seed);
        archive.read("meta.data_hash", data_hash);
        archive.read("meta.train_images", train_images);
        archive.read("meta.test_accuracy", accuracy);
        if (tensorText(architecture) != id.architecture || epochs.item<int64_t>() != id.epochs ||
            seed.item<int64_t>() != id.seed || data_hash.item<int64_t>() != id.data_hash ||
            train_images.item<int64_t>() != id.train_images)
            return "it was made for another architecture, seed or training data";
        ImageClassifier model(ClassifierTrainingOptions{}.net);
        model->load(archive);
        model->eval();
        state.model = model;
        state.test_accuracy = accuracy.item<double>();
        return "";
    } catch (const std::exception& e) {
        std::string what = e.what();
        const size_t newline = what.find('\n');  // c10::Error appends a stack trace
        if (newline != std::string::npos) what.resize(newline);
        return "it is unreadable (" + what + ")";
    }
}

void report(const ClassifierProgressFn& progress, double fraction, const std::string& message) {
    if (progress) progress(fraction, message);
}

}  // namespace

double ClassifierHandle::testAccuracy() const { return state_->test_accuracy; }
const std::string& ClassifierHandle::cachePath() const { return state_->cache_path; }
bool ClassifierHandle::trainedNow() const { return state_->trained_now; }
const std::string& ClassifierHandle::origin() const { return state_->origin; }
double ClassifierHandle::trainingSeconds() const { return state_->training_seconds; }

std::string defaultClassifierCacheDir() {
    const char* xdg = std::getenv("XDG_CACHE_HOME");
    if (xdg && xdg[0] == '/') return std::string(xdg) + "/ganarium";
    const char* home = std::getenv("HOME");
    if (home && home[0] != '\0') return std::string(home) + "/.cache/ganarium";
    return fs::temp_directory_path().string() + "/ganarium-cache";
}

std::string classifierCacheFileName(const ClassifierCacheOptions& options, uint64_t data_hash) {
    char hash[17];
    std::snprintf(hash, sizeof(hash), "%016llx", static_cast<unsigned long long>(data_hash));
    return "classifier-v" + std::to_string(kCacheFormat) + "-" +
           classifierArchitectureName(ClassifierTrainingOptions{}.net) + "-e" + std::to_string(options.epochs) + "-s" +
           std::to_string(options.seed) +
           (options.train_images > 0 ? "-n" + std::to_string(options.train_images) : "") +
           (options.threads != 1 ? "-t" + std::to_string(options.threads) : "") + "-" + hash + ".pt";
}

ClassifierHandle loadOrTrainClassifier(const ClassifierCacheOptions& options, const ClassifierProgressFn& progress) {
    const uint64_t data_hash = fashionMnistTrainingHash(options.data_dir);
    const CacheIdentity id = identityOf(options, data_hash);
    const std::string dir = options.cache_dir.empty() ? defaultClassifierCacheDir() : options.cache_dir;
    const std::string path = dir + "/" + classifierCacheFileName(options, data_hash);
    auto state = std::make_shared<ClassifierState>();
    state->cache_path = path;

    std::string why = options.retrain ? "retraining as asked" : "no cache file yet";
    if (!options.retrain && fs::exists(path)) {
        const std::string problem = readCacheFile(path, id, *state);
        if (problem.empty()) {
            state->origin = "loaded from cache";
            report(progress, 1.0, state->origin);
            return ClassifierHandle(state);
        }
        why = "the cache file " + path + " cannot be used: " + problem + "; retraining";
    }
    if (options.cached_only)
        throw UserError("no classifier in " + dir + " yet (" + why +
                        "): run `ganarium classifier` once (about 2 minutes) for the class bars and image metrics");
    std::error_code error;
    fs::create_directories(dir, error);
    if (error)
        throw UserError("cannot create the classifier cache folder " + dir + " (" + error.message() +
                        "); pass --cache-dir DIR with a writable folder, or set XDG_CACHE_HOME");

    report(progress, 0.0, "loading Fashion-MNIST");
    LabelledImages train = loadFashionMnistTensors(true, options.data_dir);
    if (options.train_images > 0) train = sliceOf(train, 0, options.train_images);
    const LabelledImages test = loadFashionMnistTensors(false, options.data_dir);
    constexpr double kTrainShare = 0.95;  // of the progress bar; loading is quick, testing takes the rest
    const auto start = std::chrono::steady_clock::now();
    state->model = trainClassifier(train, trainingOptionsOf(options), [&](double fraction, const std::string& message) {
        report(progress, kTrainShare * fraction, "training, " + message);
    });
    state->training_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    report(progress, kTrainShare, "testing");
    state->test_accuracy = classifierAccuracy(state->model, test);
    state->trained_now = true;
    state->origin = why;
    writeCacheFile(*state, id, path);
    report(progress, 1.0, "trained and cached");
    return ClassifierHandle(state);
}

}  // namespace ganarium
