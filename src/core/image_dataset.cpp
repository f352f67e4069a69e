// image_dataset.cpp — Fashion-MNIST filtered by class and cut to a subset.
#include "core/image_dataset.h"

#include <algorithm>
#include <cstring>

#include "core/errors.h"

namespace ganarium {

ImageDataset filterImages(const FashionMnist& split, const std::vector<int>& classes, int subset) {
    ImageDataset out;
    out.rows = split.images.rows;
    out.cols = split.images.cols;
    const size_t pixels = static_cast<size_t>(out.rows) * static_cast<size_t>(out.cols);
    const size_t limit = subset > 0 ? static_cast<size_t>(subset) : split.labels.size();
    for (size_t i = 0; i < split.labels.size() && out.labels.size() < limit; ++i) {
        const int label = split.labels[i];
        if (!classes.empty() && std::find(classes.begin(), classes.end(), label) == classes.end()) continue;
        out.labels.push_back(split.labels[i]);
        out.pixels.insert(out.pixels.end(), split.images.pixels.begin() + static_cast<std::ptrdiff_t>(i * pixels),
                          split.images.pixels.begin() + static_cast<std::ptrdiff_t>((i + 1) * pixels));
    }
    out.count = static_cast<int>(out.labels.size());
    return out;
}

ImageDataset loadImageDataset(const std::vector<int>& classes, int subset, bool train, const std::string& dir) {
    ImageDataset out = filterImages(loadFashionMnist(train, dir), classes, subset);
    if (out.count == 0)
        throw UserError("no Fashion-MNIST image in " + dir + " has the classes asked for: check `classes` (labels 0..9), "
                        "or reinstall dataset-fashion-mnist");
    return out;
}

}  // namespace ganarium
