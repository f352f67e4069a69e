// image_gan_run.h — an image GAN as a Run: a DCGAN pair (dcgan_networks.h) on
// Fashion-MNIST (core/image_dataset.h), trained with the objective table's
// losses, the toy runs' regularizers (GP, R1, clipping through a CriticFn;
// spectral norm inside D) and Adam. Runs of one scene with the same seed and
// batch see the same batches and z, and start from the same weights where
// their architectures match. Its snapshot holds an 8x8 grid of G on fixed z,
// the real grid, histograms of D's scores on real and generated images, and
// D's weight histogram (the weights panel), and the progress strip, latent
// interpolation and nearest training neighbour (image_gan_run_views.cpp).
// A conditional run (G(z, y), D(x, y);
// lecture section 8) trains on real images with their labels and generated
// images with labels drawn uniformly from its classes; with mismatched pairs
// its D also sees each real image with a wrong label as a negative. Its grids
// hold one row per class (fixed z per column) and it records label_agreement.
#pragma once

#include <torch/torch.h>

#include <limits>
#include <array>
#include <memory>
#include <optional>
#include <vector>

#include "core/image_dataset.h"
#include "core/metric_log.h"
#include "train/dcgan_networks.h"
#include "train/distributed_group.h"
#include "train/gradient_averaging.h"
#include "train/image_view_state.h"
#include "train/run.h"

namespace ganarium {

// Tiles per side of the sample and real grids.
constexpr int kImageGridSide = 8;
// Images per set for the D-score means and histograms of an evaluation / snapshot.
constexpr int kImageScoreSamples = 256;
// Bins of the D-score histograms.
constexpr int kImageScoreBins = 32;

class ImageGanRun final : public Run {
public:
    // Loads the run's images and builds G and D from `seed` (same weights for the same architecture).
    ImageGanRun(const RunSpec& spec, uint64_t seed);
    // The same on images already loaded (tests; runs sharing one dataset). `dataset` must match the spec's filter.
    ImageGanRun(const RunSpec& spec, uint64_t seed, std::shared_ptr<const ImageDataset> dataset);

    bool needsData() const override { return false; }
    void iterate(const Distribution* data) override;
    void stepD(const Distribution* data) override;
    void stepG() override;
    void applySpec(const RunSpec& spec) override;
    void dataChanged(const Distribution&) override {}
    void restartFrom(double, double) override {}
    void evaluate(const MetricContext& context) override;
    RunSnapshot snapshot(const SnapshotContext& context, bool full) override;

    int64_t step() const override { return step_; }
    RunStatus status() const override { return status_; }
    const std::string& statusReason() const override { return reason_; }
    const RunSpec& spec() const override { return spec_; }
    void pause() override;
    void resume() override;
    void fail(const std::string& reason) override;
    bool checkState() override;
    void reinitialize() override;
    void injectNaN() override;
    std::shared_ptr<const RunCheckpoint> checkpoint() const override;  // image_gan_run_checkpoint.cpp
    std::string restore(const RunCheckpoint& checkpoint) override;     // image_gan_run_checkpoint.cpp
    std::shared_ptr<const RunCheckpoint> readCheckpoint(const CheckpointState& in, int64_t step,
                                                        MetricLogView history) const override;  // image_gan_run_checkpoint.cpp

    // The image-GAN options of spec() (an ImageGanRun always holds an ImageGanSpec).
    const ImageGanSpec& options() const { return std::get<ImageGanSpec>(spec_.options); }
    // n generated images (n x 1 x 28 x 28 in [-1, 1], detached) from z drawn with `gen` (batch norm on their own
    // statistics, as in training; G's running statistics are not touched). A conditional run then draws their labels
    // from its classes with `gen` and stores them in `labels` when given.
    torch::Tensor generate(int64_t n, at::Generator& gen, torch::Tensor* labels = nullptr);
    // n real training images in [-1, 1] drawn with `gen`; their labels (int64) in `labels` when given.
    torch::Tensor sampleReal(int64_t n, at::Generator& gen, torch::Tensor* labels = nullptr) const;
    // The generated images of the run's fixed display z (64 x 1 x 28 x 28 in [-1, 1]; a conditional run:
    // classes x 8, row r of class r, column c from the same z in every row).
    torch::Tensor fixedSamples();
    // D's raw scores of single images (a packed D reads each image repeated as its pack; views and metrics).
    torch::Tensor criticScores(const torch::Tensor& images, const torch::Tensor& labels = {});
    // Rows of the display grids (8; a conditional run: one per class); every row has kImageGridSide tiles.
    int gridRows() const;
    // The progress strip, latent interpolation and nearest-neighbour quantities of this moment, added to `parts`
    // after the sample grid (image_gan_run_views.cpp).
    void addViewQuantities(std::vector<Quantity>& parts);
    // The rows' labels of the display grids (a conditional run: its classes in order; otherwise empty).
    std::vector<int> gridRowClasses() const;
    // Trains data-parallel from now on (docs/distributed.md): this rank's shard of every batch, G's and D's gradients
    // and G's batch-norm statistics averaged over the ranks; every rank draws the whole batch's random numbers, so
    // the streams (and checkpoints) do not depend on the world size. Throws UserError when the batch does not split.
    void joinGroup(std::shared_ptr<DistributedGroup> group);
    DcganGenerator& generator() { return g_; }
    DcganDiscriminator& critic() { return d_; }
    const ImageDataset& dataset() const { return *dataset_; }
    // How many times the slow snapshot parts were built (snapshot_cadence.h; tests).
    uint64_t heavyBuilds() const { return heavy_builds_; }

private:
    // Builds fresh networks and optimizers from the seed.
    void buildNetworks();
    // Trains on `dataset` from now on (its tensor view and its class mix, computed once here).
    void useDataset(std::shared_ptr<const ImageDataset> dataset);
    // n labels drawn uniformly from the run's classes with `gen` (int64).
    torch::Tensor drawLabels(int64_t n, at::Generator& gen) const;
    // For each label, another of the run's classes drawn uniformly with `gen` (mismatched pairs).
    torch::Tensor wrongLabels(const torch::Tensor& labels, at::Generator& gen) const;
    // G's inputs for the display grid, tile by tile: the fixed z, and for a conditional run the row labels (else undefined).
    std::pair<torch::Tensor, torch::Tensor> fixedGridInputs() const;
    // The display grid of real images: 64 random ones, or for a conditional run 8 of each class per row.
    torch::Tensor realGridImages(at::Generator& gen) const;
    // One D update on a real and a fake batch; one G update.
    void updateD();
    void updateG();
    // G's loss on its generated images when a remedy is on (image_remedies.h): instance noise and packing on D's
    // input, and feature matching's ||mean f(real) - mean f(fake)||^2 against a fresh real batch instead of the objective.
    torch::Tensor generatorObjective(const torch::Tensor& fake_images);
    // Keeps G's pictures of the progress strip's z when the run reaches a capture step (image_gan_run_views.cpp).
    void captureProgress();
    // The views' quantities (image_gan_run_views.cpp).
    ImageStrip progressStrip(const ImageGrid& samples);
    std::optional<ImageStrip> interpolationRow();
    std::optional<ImageStrip> neighbourStrip(const ImageGrid& samples);
    // A typical test image and its nearest training image (computed once per dataset).
    const TypicalNeighbour* typicalNeighbour();
    // The slow snapshot parts of this moment: the real grid, D's score histograms and D's weight histogram.
    std::vector<Quantity> heavyParts(const std::vector<int>& row_classes);
    // This rank's rows of a batch (all of them when training alone).
    BatchShard shard() const;
    // Data-parallel: throws UserError unless every rank holds this run's state (step, weights, streams).
    void checkSameStateOnRanks();
    // Marks the run Diverged when `loss` is not finite; returns false then.
    bool checkLoss(const torch::Tensor& loss, const char* which);

    RunSpec spec_;
    uint64_t seed_;
    std::shared_ptr<const ImageDataset> dataset_;
    torch::Tensor images_;  // the dataset as uint8, count x 1 x 28 x 28
    torch::Tensor labels_;  // the dataset's labels, int64
    torch::Tensor class_ids_;  // the run's classes, int64
    DcganGenerator g_{nullptr};
    DcganDiscriminator d_{nullptr};
    std::unique_ptr<torch::optim::Adam> g_opt_, d_opt_;
    at::Generator data_gen_, latent_gen_, penalty_gen_;
    at::Generator label_gen_, mismatch_gen_;  // conditional runs: generated batches' labels, mismatched pairs' labels
    torch::Tensor fixed_z_;  // 64 x latent_dim, the display grid's z
    int64_t step_ = 0;
    RunStatus status_ = RunStatus::Running;
    std::string reason_;
    double loss_d_sum_ = 0, loss_g_sum_ = 0, g_grad_sum_ = 0;
    int64_t loss_d_count_ = 0, loss_g_count_ = 0;
    std::shared_ptr<MetricLog> metrics_;
    std::optional<std::array<double, 10>> judged_classes_;  // the classifier's class shares at the last evaluation
    Histogram data_class_mix_;  // % of the dataset's images per class (the class bars' outline)
    ImageViewState views_;      // progress captures and nearest-neighbour caches (image_view_state.h)
    std::vector<Quantity> heavy_parts_;  // the slow snapshot parts last built (reused by light snapshots)
    int64_t heavy_step_ = -1;            // the step they were built at (-1: none, or stale after an edit)
    uint64_t heavy_builds_ = 0;
    std::shared_ptr<DistributedGroup> group_;  // data-parallel ranks (null: training alone)
    bool group_checked_ = false;               // the ranks' same-state check passed (again after each restore)
};

}  // namespace ganarium
