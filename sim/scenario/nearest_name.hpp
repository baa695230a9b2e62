#pragma once

// "Did you mean ...?" suggestions by edit distance.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hsim::scenario {

// Levenshtein distance (insertions, deletions and substitutions each cost 1).
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `name`, if it is close enough to be a plausible misspelling.
std::optional<std::string> nearest_name(std::string_view name, const std::vector<std::string>& candidates);

// "a, b or c".
std::string join_alternatives(const std::vector<std::string>& names);

}  // namespace hsim::scenario
