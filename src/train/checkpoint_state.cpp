// checkpoint_state.cpp — named tensors in and out of a LibTorch archive.
#include "train/checkpoint_state.h"

#include "core/errors.h"

namespace ganarium {

namespace {

// The archive key listing every entry's name, '\n'-separated (archives cannot list their own keys).
constexpr const char* kIndexKey = "entry_index";

torch::Tensor textTensor(const std::string& text) {
    torch::Tensor out = torch::empty({static_cast<int64_t>(text.size())}, torch::kUInt8);
    if (!text.empty()) std::memcpy(out.data_ptr<uint8_t>(), text.data(), text.size());
    return out;
}

std::string tensorText(const torch::Tensor& tensor) {
    const torch::Tensor bytes = tensor.contiguous();
    return std::string(reinterpret_cast<const char*>(bytes.data_ptr<uint8_t>()), static_cast<size_t>(bytes.numel()));
}

}  // namespace

void CheckpointState::put(const std::string& key, const torch::Tensor& tensor) {
    if (!tensor.defined()) return;
    entries_[key] = tensor.detach().to(torch::kCPU).contiguous().clone();
}

void CheckpointState::putDouble(const std::string& key, double value) {
    put(key, torch::full({}, value, torch::kFloat64));
}

void CheckpointState::putInt(const std::string& key, int64_t value) { put(key, torch::full({}, value, torch::kInt64)); }

void CheckpointState::putText(const std::string& key, const std::string& text) { put(key, textTensor(text)); }

void CheckpointState::putList(const std::string& prefix, const std::vector<torch::Tensor>& tensors) {
    putInt(prefix + "_count", static_cast<int64_t>(tensors.size()));
    for (size_t i = 0; i < tensors.size(); ++i) put(prefix + "_" + std::to_string(i), tensors[i]);
}

torch::Tensor CheckpointState::get(const std::string& key) const {
    auto found = entries_.find(key);
    if (found == entries_.end())
        throw UserError((source_.empty() ? std::string("the checkpoint") : source_) + " has no entry '" + key +
                        "': it was written by another kind of run or another version. Pick a checkpoint of this run.");
    return found->second;
}

double CheckpointState::getDouble(const std::string& key) const {
    const torch::Tensor t = get(key);
    if (t.scalar_type() != torch::kFloat64 || t.numel() != 1)
        throw UserError(source_ + ": entry '" + key + "' is not a number; the file is damaged. Pick another step.");
    return t.item<double>();
}

int64_t CheckpointState::getInt(const std::string& key) const {
    const torch::Tensor t = get(key);
    if (t.scalar_type() != torch::kInt64 || t.numel() != 1)
        throw UserError(source_ + ": entry '" + key + "' is not an integer; the file is damaged. Pick another step.");
    return t.item<int64_t>();
}

std::string CheckpointState::getText(const std::string& key) const {
    const torch::Tensor t = get(key);
    if (t.scalar_type() != torch::kUInt8 || t.dim() != 1)
        throw UserError(source_ + ": entry '" + key + "' is not text; the file is damaged. Pick another step.");
    return tensorText(t);
}

std::vector<torch::Tensor> CheckpointState::getList(const std::string& prefix) const {
    const int64_t count = getInt(prefix + "_count");
    if (count < 0 || count > 100000)
        throw UserError(source_ + ": entry '" + prefix + "_count' is out of range; the file is damaged. Pick another step.");
    std::vector<torch::Tensor> out;
    for (int64_t i = 0; i < count; ++i) {
        const std::string key = prefix + "_" + std::to_string(i);
        out.push_back(has(key) ? get(key) : torch::Tensor());  // put() skips undefined tensors
    }
    return out;
}

std::string CheckpointState::serialize() const {
    torch::serialize::OutputArchive archive;
    std::string index;
    for (const auto& [key, tensor] : entries_) {
        archive.write(key, tensor, /*is_buffer=*/true);
        index += key + '\n';
    }
    archive.write(kIndexKey, textTensor(index), true);
    std::ostringstream out;
    archive.save_to(out);
    return out.str();
}

CheckpointState CheckpointState::deserialize(const std::string& bytes, const std::string& path) {
    CheckpointState state;
    state.source_ = path;
    try {
        torch::serialize::InputArchive archive;
        archive.load_from(bytes.data(), bytes.size());
        torch::Tensor index;
        archive.read(kIndexKey, index, true);
        std::istringstream keys(tensorText(index));
        std::string key;
        while (std::getline(keys, key)) {
            torch::Tensor tensor;
            archive.read(key, tensor, true);
            state.entries_[key] = tensor;
        }
    } catch (const c10::Error& e) {
        const std::string what = e.what_without_backtrace();
        throw UserError(path + ": not a readable checkpoint state (" + what.substr(0, what.find('\n')) +
                        "). Save the checkpoint again or pick another step.");
    }
    return state;
}

}  // namespace ganarium
