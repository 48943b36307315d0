#pragma once
// "Did you mean" for misspelt names: keys in estate.yaml, subcommands, class and event names.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace headroom {

// Optimal-string-alignment edit distance (Levenshtein plus adjacent transposition).
int EditDistance(std::string_view a, std::string_view b);

// The candidate closest to `word`, when it is close enough to be a likely typo: at most a third
// of the word's length in edits (at least 1, at most 3). Ties go to the earlier candidate.
std::optional<std::string> ClosestMatch(std::string_view word,
                                        const std::vector<std::string>& candidates);

}  // namespace headroom
