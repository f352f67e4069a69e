// classifier_training.cpp — the classifier's training loop and accuracy.
#include "train/classifier_training.h"

#include <ATen/Parallel.h>

#include <algorithm>

#include "train/seeds.h"

namespace ganarium {

namespace {

// Sets LibTorch's intra-op thread count for a scope and restores the previous one.
class ScopedTorchThreads {
public:
    explicit ScopedTorchThreads(int threads) : previous_(at::get_num_threads()) {
        if (threads > 0) at::set_num_threads(threads);
    }
    ~ScopedTorchThreads() { at::set_num_threads(previous_); }
    ScopedTorchThreads(const ScopedTorchThreads&) = delete;
    ScopedTorchThreads& operator=(const ScopedTorchThreads&) = delete;

private:
    int previous_;
};

}  // namespace

double epochLearningRate(const ClassifierTrainingOptions& options, int epoch) {
    if (options.epochs < 3) return options.lr;
    if (epoch == options.epochs - 1) return 0.1 * options.lr;
    if (epoch == options.epochs - 2) return 0.3 * options.lr;
    return options.lr;
}

ImageClassifier trainClassifier(const LabelledImages& train, const ClassifierTrainingOptions& options,
                                const ClassifierProgressFn& progress) {
    const ScopedTorchThreads threads(options.threads);
    ImageClassifier model(options.net);
    at::Generator init_gen = at::make_generator<at::CPUGeneratorImpl>(deriveSeed(options.seed, SeedStream::CriticInit));
    at::Generator shuffle_gen = at::make_generator<at::CPUGeneratorImpl>(deriveSeed(options.seed, SeedStream::Data));
    model->initialize(init_gen);
    model->train();
    torch::optim::Adam adam(model->parameters(), torch::optim::AdamOptions(options.lr));

    const int64_t n = train.size();
    const int64_t batch = std::max(1, options.batch);
    const int64_t batches_per_epoch = (n + batch - 1) / batch;
    const int64_t total = batches_per_epoch * std::max(1, options.epochs);
    const int64_t report_every = std::max<int64_t>(1, total / 100);
    int64_t done = 0;
    for (int epoch = 0; epoch < options.epochs; ++epoch) {
        for (auto& group : adam.param_groups())
            static_cast<torch::optim::AdamOptions&>(group.options()).lr(epochLearningRate(options, epoch));
        const torch::Tensor order = torch::randperm(n, shuffle_gen, torch::kInt64);
        for (int64_t first = 0; first < n; first += batch) {
            if (options.stop && options.stop->load()) throw ClassifierTrainingStopped();
            const torch::Tensor index = order.slice(0, first, std::min(n, first + batch));
            const torch::Tensor loss =
                torch::cross_entropy_loss(model->forward(train.images.index_select(0, index)),
                                          train.labels.index_select(0, index));
            adam.zero_grad();
            loss.backward();
            adam.step();
            ++done;
            if (progress && (done % report_every == 0 || done == total))
                progress(static_cast<double>(done) / static_cast<double>(total),
                         "epoch " + std::to_string(epoch + 1) + "/" + std::to_string(options.epochs));
        }
    }
    model->eval();
    return model;
}

double classifierAccuracy(ImageClassifier& model, const LabelledImages& data) {
    torch::NoGradGuard no_grad;
    const int64_t n = data.size();
    if (n == 0) return 0.0;
    int64_t correct = 0;
    constexpr int64_t kChunk = 1000;
    for (int64_t first = 0; first < n; first += kChunk) {
        const LabelledImages part = sliceOf(data, first, kChunk);
        correct += model->forward(part.images).argmax(1).eq(part.labels).sum().item<int64_t>();
    }
    return static_cast<double>(correct) / static_cast<double>(n);
}

}  // namespace ganarium
