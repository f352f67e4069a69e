// image_gan_run_views.cpp — an image run's extra views: the progress strip
// (the same few z captured at chosen steps), the latent interpolation between
// two picked tiles, and the picked sample's nearest training image beside a
// typical test image's (the memorisation check). All run between steps, in
// the trainer thread; docs/views.md has the pictures and the measured costs.
#include <algorithm>
#include <cmath>
#include <limits>

#include "core/errors.h"
#include "train/image_gan_run.h"
#include "train/image_view_tensors.h"

namespace ganarium {

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();

// The pixels of tile `tile` of `grid` (side * side values).
std::vector<float> tilePixels(const ImageGrid& grid, int tile) {
    const size_t n = static_cast<size_t>(grid.side) * static_cast<size_t>(grid.side);
    const auto begin = grid.pixels.begin() + static_cast<std::ptrdiff_t>(static_cast<size_t>(tile) * n);
    return std::vector<float>(begin, begin + static_cast<std::ptrdiff_t>(n));
}

// Image `index` of `images` (uint8, count x 1 x side x side) as brightness in [0, 1].
std::vector<float> imagePixels(const torch::Tensor& images, int64_t index) {
    const torch::Tensor x = images[index].reshape({-1}).to(torch::kFloat32).div(255.0).contiguous();
    return std::vector<float>(x.data_ptr<float>(), x.data_ptr<float>() + x.numel());
}

// Copies `pixels` (one tile) into tile (row, col) of `grid`.
void setTile(ImageGrid& grid, int row, int col, const std::vector<float>& pixels) {
    const size_t n = static_cast<size_t>(grid.side) * static_cast<size_t>(grid.side);
    std::copy(pixels.begin(), pixels.begin() + static_cast<std::ptrdiff_t>(std::min(n, pixels.size())),
              grid.pixels.begin() + static_cast<std::ptrdiff_t>((static_cast<size_t>(row * grid.cols + col)) * n));
}

// An empty rows x cols grid of side-pixel tiles.
ImageGrid blankGrid(int rows, int cols, int side) {
    ImageGrid grid;
    grid.rows = rows;
    grid.cols = cols;
    grid.side = side;
    grid.pixels.assign(static_cast<size_t>(rows * cols * side * side), 0.0f);
    return grid;
}

// The sample-grid tiles the progress strip follows in a grid of `rows` rows of kImageGridSide: the diagonal
// (kProgressTiles), folded back into the rows a small conditional grid has.
std::vector<int> progressTiles(int rows) {
    std::vector<int> tiles;
    for (size_t i = 0; i < kProgressTiles.size(); ++i)
        tiles.push_back(static_cast<int>(i) % std::max(rows, 1) * kImageGridSide + static_cast<int>(i));
    return tiles;
}

}  // namespace

void ImageGanRun::captureProgress() {
    // A rewind drops the captures of the future it left.
    auto& captures = views_.captures;
    captures.erase(std::remove_if(captures.begin(), captures.end(), [&](const ProgressCapture& c) { return c.step >= step_; }),
                   captures.end());
    if (!isProgressStep(options().progress_steps, step_)) return;
    const ImageGrid grid = imagesToGrid(fixedSamples(), gridRows(), kImageGridSide);
    ProgressCapture capture{step_, {}};
    for (int tile : progressTiles(gridRows())) {
        const std::vector<float> pixels = tilePixels(grid, tile);
        capture.pixels.insert(capture.pixels.end(), pixels.begin(), pixels.end());
    }
    captures.push_back(std::move(capture));
}

ImageStrip ImageGanRun::progressStrip(const ImageGrid& samples) {
    auto& captures = views_.captures;
    captures.erase(std::remove_if(captures.begin(), captures.end(), [&](const ProgressCapture& c) { return c.step > step_; }),
                   captures.end());
    // The latest captures before now (one at the current step is "now" itself).
    std::vector<const ProgressCapture*> shown;
    for (const ProgressCapture& c : captures)
        if (c.step < step_) shown.push_back(&c);
    if (shown.size() > kProgressColumns) shown.erase(shown.begin(), shown.end() - static_cast<std::ptrdiff_t>(kProgressColumns));
    const std::vector<int> tiles = progressTiles(samples.rows);
    const int rows = static_cast<int>(tiles.size()), cols = static_cast<int>(shown.size()) + 1;
    ImageStrip strip;
    strip.images = blankGrid(rows, cols, samples.side);
    strip.tiles = tiles;
    const size_t n = static_cast<size_t>(samples.side) * static_cast<size_t>(samples.side);
    for (int c = 0; c < cols; ++c) {
        const bool now = c == cols - 1;
        strip.column_values.push_back(static_cast<double>(now ? step_ : shown[static_cast<size_t>(c)]->step));
        for (int r = 0; r < rows; ++r) {
            if (now) {
                setTile(strip.images, r, c, tilePixels(samples, tiles[static_cast<size_t>(r)]));
            } else {
                const std::vector<float>& all = shown[static_cast<size_t>(c)]->pixels;
                const auto begin = all.begin() + static_cast<std::ptrdiff_t>(static_cast<size_t>(r) * n);
                setTile(strip.images, r, c, std::vector<float>(begin, begin + static_cast<std::ptrdiff_t>(n)));
            }
        }
    }
    return strip;
}

std::optional<ImageStrip> ImageGanRun::interpolationRow() {
    const std::vector<int>& picked = options().interpolate;
    if (picked.empty()) return std::nullopt;
    const auto [grid_z, grid_y] = fixedGridInputs();
    for (int tile : picked)
        if (tile < 0 || tile >= grid_z.size(0)) return std::nullopt;  // a grid smaller than the pick
    ImageStrip strip;
    strip.tiles = picked;
    if (picked.size() < 2) return strip;  // A only: the view asks for B
    torch::NoGradGuard no_grad;
    const torch::Tensor row_z = slerpRow(grid_z[picked[0]], grid_z[picked[1]], kInterpolationColumns);
    // One batch with the grid's z: batch norm sees (nearly) the grid's statistics, so the ends match tiles A and B.
    // A conditional run keeps A's class along the row: only z moves (B's z drawn as A's class at the end).
    const torch::Tensor row_y = grid_y.defined() ? grid_y[picked[0]].expand({kInterpolationColumns}) : torch::Tensor();
    const torch::Tensor images =
        g_->sample(torch::cat({grid_z, row_z}, 0), grid_y.defined() ? torch::cat({grid_y, row_y}, 0) : torch::Tensor())
            .slice(0, grid_z.size(0));
    strip.images = imagesToGrid(images, 1, kInterpolationColumns);
    for (int i = 0; i < kInterpolationColumns; ++i) strip.column_values.push_back(static_cast<double>(i) / (kInterpolationColumns - 1));
    return strip;
}

const TypicalNeighbour* ImageGanRun::typicalNeighbour() {
    if (views_.typical_of == dataset_.get()) return views_.typical ? &*views_.typical : nullptr;
    views_.typical_of = dataset_.get();
    views_.typical.reset();
    ImageDataset test;
    try {
        test = loadImageDataset(options().classes, 0, /*train=*/false);
    } catch (const UserError&) {
        return nullptr;  // no test split: the view shows the sample's distance alone
    }
    const int64_t n = std::min<int64_t>(kTypicalTestQueries, test.count);
    const torch::Tensor test_images =
        torch::from_blob(test.pixels.data(), {test.count, 1, test.rows, test.cols}, torch::kUInt8).slice(0, 0, n);
    const torch::Tensor queries = test_images.reshape({n, -1}).to(torch::kFloat32).div(255.0);
    const std::vector<NearestImage> found = nearestImages(queries, images_, views_.train_norms);
    std::vector<size_t> order(found.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return found[a].distance < found[b].distance; });
    const size_t median = order[order.size() / 2];
    TypicalNeighbour typical;
    typical.test = imagePixels(test_images, static_cast<int64_t>(median));
    typical.nearest = imagePixels(images_, found[median].index);
    typical.distance = found[median].distance;
    views_.typical = std::move(typical);
    return &*views_.typical;
}

std::optional<ImageStrip> ImageGanRun::neighbourStrip(const ImageGrid& samples) {
    const std::vector<int>& picked = options().interpolate;
    if (picked.empty()) return std::nullopt;
    const int tile = picked[0];
    if (tile < 0 || tile >= samples.rows * samples.cols) return std::nullopt;
    const bool fresh = views_.neighbour_tile == tile && views_.neighbour_step <= step_ &&
                       step_ - views_.neighbour_step < kNeighbourEverySteps;
    if (fresh) return views_.neighbour;
    if (views_.norms_of != dataset_.get()) {
        views_.train_norms = squaredNormsOf(images_);
        views_.norms_of = dataset_.get();
    }
    const std::vector<float> sample = tilePixels(samples, tile);
    const torch::Tensor query = torch::from_blob(const_cast<float*>(sample.data()), {1, static_cast<int64_t>(sample.size())},
                                                 torch::kFloat32);
    const NearestImage nearest = nearestImages(query, images_, views_.train_norms).front();
    const TypicalNeighbour* typical = typicalNeighbour();
    ImageStrip strip;
    strip.tiles = {tile};
    strip.images = blankGrid(1, typical ? 4 : 2, samples.side);
    setTile(strip.images, 0, 0, sample);
    setTile(strip.images, 0, 1, imagePixels(images_, nearest.index));
    strip.column_values = {kNaN, nearest.distance};
    if (typical) {
        setTile(strip.images, 0, 2, typical->test);
        setTile(strip.images, 0, 3, typical->nearest);
        strip.column_values.insert(strip.column_values.end(), {kNaN, typical->distance});
    }
    views_.neighbour_tile = tile;
    views_.neighbour_step = step_;
    views_.neighbour = strip;
    return strip;
}

void ImageGanRun::addViewQuantities(std::vector<Quantity>& parts) {
    // The grid is 8 x 8, or for a conditional run classes x 8 (z per column, label per row).
    const ImageGrid* samples = findQuantity<ImageGrid>(parts, quantity_names::kImageSamples);
    if (!samples || samples->cols != kImageGridSide || samples->rows != gridRows()) return;
    const ImageGrid grid = *samples;  // `parts` grows below
    parts.push_back({quantity_names::kImageProgress, progressStrip(grid)});
    if (std::optional<ImageStrip> row = interpolationRow()) parts.push_back({quantity_names::kImageInterpolation, std::move(*row)});
    if (std::optional<ImageStrip> neighbour = neighbourStrip(grid))
        parts.push_back({quantity_names::kImageNeighbour, std::move(*neighbour)});
}

}  // namespace ganarium
