// key_suggestions.cpp — edit distance and nearest-candidate suggestions used
// in scene-file error messages.
#include "core/key_suggestions.h"

#include <algorithm>

namespace ganarium {

int editDistance(const std::string& a, const std::string& b) {
    // Optimal-string-alignment distance: Levenshtein plus adjacent transpositions ("rnig" -> "ring" is 1).
    std::vector<int> before(b.size() + 1), prev(b.size() + 1), cur(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) prev[j] = static_cast<int>(j);
    for (size_t i = 1; i <= a.size(); ++i) {
        cur[0] = static_cast<int>(i);
        for (size_t j = 1; j <= b.size(); ++j) {
            const int substitute = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, substitute});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                cur[j] = std::min(cur[j], before[j - 2] + 1);
        }
        std::swap(before, prev);
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

std::string nearestCandidate(const std::string& word, const std::vector<std::string>& candidates) {
    std::string best;
    int best_distance = 1 << 30;
    for (const auto& c : candidates) {
        const int d = editDistance(word, c);
        if (d < best_distance) {
            best_distance = d;
            best = c;
        }
    }
    // Close enough: at most a third of the longer word (and at least 1 edit allowed, at most 4).
    const int allowed = std::clamp(static_cast<int>(std::max(word.size(), best.size()) / 3), 1, 4);
    return best_distance <= allowed ? best : std::string();
}

std::string didYouMean(const std::string& word, const std::vector<std::string>& candidates) {
    const std::string best = nearestCandidate(word, candidates);
    return best.empty() ? std::string() : " (did you mean '" + best + "'?)";
}

}  // namespace ganarium
