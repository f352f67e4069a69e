// image_metrics.cpp — reference statistics and one evaluation of generated images.
#include "train/image_metrics.h"

#include <algorithm>
#include <cmath>

#include "train/frechet_distance.h"

namespace ganarium {

namespace {

// Images per classifier pass: small enough that a chunk's activations stay in the CPU caches.
constexpr int64_t kChunk = 128;

}  // namespace

torch::Tensor classifierFeatures(ImageClassifier& classifier, const torch::Tensor& images) {
    torch::NoGradGuard no_grad;
    std::vector<torch::Tensor> parts;
    for (int64_t first = 0; first < images.size(0); first += kChunk)
        parts.push_back(classifier->features(images.slice(0, first, std::min(images.size(0), first + kChunk))));
    return torch::cat(parts);
}

namespace {

torch::Tensor flattened(const torch::Tensor& images) { return images.reshape({images.size(0), -1}).to(torch::kFloat32); }

torch::Tensor classShares(const torch::Tensor& labels) {
    return torch::bincount(labels.to(torch::kInt64), {}, kImageClasses).to(torch::kFloat64) /
           static_cast<double>(std::max<int64_t>(1, labels.numel()));
}

}  // namespace

int classesCovered(const torch::Tensor& histogram, const torch::Tensor& class_mix) {
    const torch::Tensor covered = histogram.to(torch::kFloat64).ge(class_mix.to(torch::kFloat64) * kCoveredFraction) &
                                  class_mix.gt(0.0);
    return static_cast<int>(covered.sum().item<int64_t>());
}

double classReverseKl(const torch::Tensor& histogram, const torch::Tensor& class_mix) {
    constexpr double kSmoothing = 1e-3;
    const torch::Tensor q = histogram.to(torch::kFloat64);
    const torch::Tensor p = (class_mix.to(torch::kFloat64) + kSmoothing) / (1.0 + kImageClasses * kSmoothing);
    const torch::Tensor terms = torch::where(q.gt(0.0), q * (q.clamp_min(1e-300).log() - p.log()), torch::zeros_like(q));
    return std::max(0.0, terms.sum().item<double>());
}

double classifierScore(const torch::Tensor& probabilities) {
    const torch::Tensor p = probabilities.to(torch::kFloat64).clamp_min(1e-12);
    const torch::Tensor marginal = p.mean(0, /*keepdim=*/true);
    const torch::Tensor kl = (p * (p.log() - marginal.log())).sum(1);
    return std::exp(kl.mean().item<double>());
}

double meanNearestDistance(const torch::Tensor& queries, const torch::Tensor& bank, const torch::Tensor& bank_sq_norms) {
    torch::NoGradGuard no_grad;
    const torch::Tensor q = flattened(queries);
    // |q - b|^2 = |q|^2 + |b|^2 - 2 q.b, minimised over the bank with one matrix product.
    const torch::Tensor cross = torch::mm(q, bank.transpose(0, 1));
    const torch::Tensor nearest = (bank_sq_norms.unsqueeze(0) - 2.0 * cross).amin(1) + q.pow(2).sum(1);
    return nearest.clamp_min(0.0).sqrt().to(torch::kFloat64).mean().item<double>();
}

ImageMetricReference buildImageMetricReference(ImageClassifier& classifier, const LabelledImages& train,
                                               const LabelledImages& test, const ImageMetricReferenceOptions& options) {
    torch::NoGradGuard no_grad;
    ImageMetricReference ref;
    const LabelledImages feature_set = sliceOf(test, 0, std::max<int64_t>(2, options.feature_images));
    std::tie(ref.feature_mean, ref.feature_cov) = meanAndCovariance(classifierFeatures(classifier, feature_set.images));
    ref.feature_cov_sqrt = symmetricSqrt(ref.feature_cov);
    ref.class_mix = classShares(train.labels);

    at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(options.seed);
    const int64_t bank_size = std::min(train.size(), std::max<int64_t>(1, options.nn_bank));
    const torch::Tensor pick = torch::randperm(train.size(), gen, torch::kInt64).slice(0, 0, bank_size);
    ref.nn_bank = flattened(train.images.index_select(0, pick)).contiguous();
    ref.nn_bank_sq_norms = ref.nn_bank.pow(2).sum(1);
    const torch::Tensor heldout = test.images.slice(0, 0, std::min(test.size(), std::max<int64_t>(1, options.nn_heldout)));
    ref.heldout_nn_distance = meanNearestDistance(heldout, ref.nn_bank, ref.nn_bank_sq_norms);
    ref.nn_queries = std::max<int64_t>(1, options.nn_queries);
    return ref;
}

ImageMetricValues evaluateImageMetrics(ImageClassifier& classifier, const ImageMetricReference& reference,
                                       const torch::Tensor& images) {
    torch::NoGradGuard no_grad;
    ImageMetricValues out;
    out.images = images.size(0);
    const torch::Tensor features = classifierFeatures(classifier, images.to(torch::kFloat32));
    const torch::Tensor probabilities = torch::softmax(classifier->logitsFromFeatures(features), 1);

    out.classifier_score = classifierScore(probabilities);
    const auto [mean, cov] = meanAndCovariance(features);
    out.fcd = frechetDistance(reference.feature_mean, reference.feature_cov, reference.feature_cov_sqrt, mean, cov);

    const torch::Tensor histogram = classShares(probabilities.argmax(1));
    for (int k = 0; k < kImageClasses; ++k) out.class_histogram[static_cast<size_t>(k)] = histogram[k].item<double>();
    out.classes_covered = classesCovered(histogram, reference.class_mix);
    out.class_rkl = classReverseKl(histogram, reference.class_mix);

    const torch::Tensor queries = images.slice(0, 0, std::min(images.size(0), reference.nn_queries));
    const double generated = meanNearestDistance(queries, reference.nn_bank, reference.nn_bank_sq_norms);
    out.nn_ratio = reference.heldout_nn_distance > 0 ? generated / reference.heldout_nn_distance : 0.0;
    return out;
}

}  // namespace ganarium
