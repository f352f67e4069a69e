// checkpoint_state.h — a checkpoint's training state as named tensors: what
// state.pt of a checkpoint folder holds (a LibTorch archive, written with
// torch::serialize). Scalars are 0-d tensors (float64 / int64), lists are
// `prefix_count` plus `prefix_0..n-1`, random streams are their state as
// bytes, so every value reads back bit for bit. A reader that asks for a
// missing or mistyped entry gets a UserError naming it.
#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ganarium {

class CheckpointState {
public:
    // Stores `tensor` (a contiguous CPU copy) under `key` (letters, digits and '_'); an undefined tensor is skipped.
    void put(const std::string& key, const torch::Tensor& tensor);
    void putDouble(const std::string& key, double value);
    void putInt(const std::string& key, int64_t value);
    void putText(const std::string& key, const std::string& text);
    void putList(const std::string& prefix, const std::vector<torch::Tensor>& tensors);

    // True when `key` is stored.
    bool has(const std::string& key) const { return entries_.count(key) != 0; }
    // The tensor under `key`; throws UserError when it is missing.
    torch::Tensor get(const std::string& key) const;
    double getDouble(const std::string& key) const;
    int64_t getInt(const std::string& key) const;
    std::string getText(const std::string& key) const;
    // A putList(); an element stored undefined comes back undefined.
    std::vector<torch::Tensor> getList(const std::string& prefix) const;

    // The archive's bytes (what state.pt holds).
    std::string serialize() const;
    // Reads serialize() bytes; throws UserError naming `path` when they are not a checkpoint state.
    static CheckpointState deserialize(const std::string& bytes, const std::string& path);

    // Where it was read from, for messages ("" when built in memory).
    const std::string& source() const { return source_; }

private:
    std::map<std::string, torch::Tensor> entries_;
    std::string source_;
};

}  // namespace ganarium
