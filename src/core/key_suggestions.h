// key_suggestions.h — "did you mean ...?" for misspelt scene keys and enum
// values: the nearest candidate by edit distance.
#pragma once

#include <string>
#include <vector>

namespace ganarium {

// Edit distance: insertions, deletions, substitutions and adjacent transpositions.
int editDistance(const std::string& a, const std::string& b);

// The candidate nearest to `word` if it is close enough to be a likely typo, else "".
std::string nearestCandidate(const std::string& word, const std::vector<std::string>& candidates);

// " (did you mean 'x'?)" or "" when nothing is close.
std::string didYouMean(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace ganarium
