// cli_classifier.cpp — `ganarium classifier [--retrain] [--cache-dir DIR]
// [--reference] [--threads T]`: loads the Fashion-MNIST classifier from the
// per-user cache or trains and caches it (with a progress bar), prints its
// test accuracy and, with --reference, the image metrics of the reference
// "generators" of docs/metrics.md with the time of one evaluation.
#include <cstdio>
#include <iostream>

#include "app/cli_args.h"
#include "app/commands.h"
#include "app/terminal_progress.h"
#include "train/classifier_cache.h"
#include "train/image_metric_reference_rows.h"

namespace ganarium {

namespace {

void printClassifierUsage(std::ostream& out) {
    out << "usage: ganarium classifier [--retrain] [--cache-dir DIR] [--reference] [--threads T]\n"
           "Loads the Fashion-MNIST classifier behind the image metrics from the per-user cache, or trains\n"
           "it (5 epochs, deterministic) and caches it, then prints its test accuracy.\n"
           "  --retrain        train again even when a valid cache file exists (and replace it)\n"
           "  --cache-dir DIR  cache folder (default: $XDG_CACHE_HOME/ganarium or ~/.cache/ganarium)\n"
           "  --reference      also print the image metrics of the reference rows (docs/metrics.md)\n"
           "  --threads T      LibTorch threads while training (default 1; the weights depend on it)\n";
}

std::string fixed(double value, int decimals) {
    char text[64];
    std::snprintf(text, sizeof(text), "%.*f", decimals, value);
    return text;
}

void printReferenceRows(const ClassifierHandle& classifier) {
    std::cout << "\nReference rows (1000 images each; docs/metrics.md):\n";
    std::printf("  %-28s %8s %8s %8s %10s %9s %9s\n", "generator", "score", "fcd", "classes", "class_rkl", "nn_ratio",
                "eval ms");
    std::cout.flush();
    for (const ImageMetricReferenceRow& row : measureImageMetricReferenceRows(classifier)) {
        const ImageMetricValues& v = row.values;
        std::printf("  %-28s %8s %8s %8d %10s %9s %9s\n", row.name.c_str(), fixed(v.classifier_score, 2).c_str(),
                    fixed(v.fcd, 2).c_str(), v.classes_covered, fixed(v.class_rkl, 3).c_str(),
                    fixed(v.nn_ratio, 3).c_str(), fixed(row.milliseconds, 1).c_str());
    }
    std::fflush(stdout);
}

int runClassifier(const CliArgs& args) {
    if (!args.positional().empty())
        throw UserError("classifier takes no positional arguments, got '" + args.positional()[0] + "'");
    ClassifierCacheOptions options;
    options.retrain = args.has("retrain");
    if (auto dir = args.value("cache-dir")) options.cache_dir = *dir;
    options.threads = static_cast<int>(args.integer("threads", options.threads, 1, 64));

    ProgressOptions bar;
    bar.unit = "‰";
    TerminalProgress progress(std::cout, "classifier", 1000, bar);
    const ClassifierHandle classifier = loadOrTrainClassifier(options, [&](double fraction, const std::string& message) {
        progress.update(static_cast<int64_t>(fraction * 1000.0 + 0.5), message);
    });
    progress.finish(classifier.trainedNow() ? "trained" : "loaded");
    std::cout << "Cache:         " << classifier.cachePath() << '\n'
              << "Origin:        " << classifier.origin() << '\n';
    if (classifier.trainedNow()) std::cout << "Training time: " << formatDuration(classifier.trainingSeconds()) << '\n';
    std::cout << "Test accuracy: " << fixed(100.0 * classifier.testAccuracy(), 2) << " % (10000 test images)\n";
    if (args.has("reference")) printReferenceRows(classifier);
    return 0;
}

}  // namespace

int runClassifierCommand(int argc, char** argv) {
    try {
        CliArgs args(argc, argv, 2, {"cache-dir", "threads"}, {"help", "retrain", "reference"});
        if (args.has("help")) {
            printClassifierUsage(std::cout);
            return 0;
        }
        return runClassifier(args);
    } catch (const UserError& e) {
        std::cerr << "ganarium classifier: " << e.what() << '\n';
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "ganarium classifier: unexpected error: " << e.what() << '\n';
        return 1;
    }
}

}  // namespace ganarium
