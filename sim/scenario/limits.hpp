#pragma once

// Bounds on scenario input, so that a hostile or mistaken file cannot exhaust memory or time.

#include <cstddef>
#include <cstdint>

namespace hsim::scenario::limits {

inline constexpr std::uintmax_t max_file_bytes = 1024 * 1024;  // checked before parsing
inline constexpr std::size_t max_yaml_nodes = 100'000;         // per file, after alias expansion
inline constexpr std::size_t max_nesting_depth = 64;           // mappings and lists inside each other
inline constexpr std::size_t max_extends_depth = 16;           // files in one extends chain
inline constexpr std::size_t max_set_overrides = 1'000;
inline constexpr std::size_t max_list_entries = 1'000;  // districts, adjacency links
inline constexpr std::size_t max_text_bytes = 4'096;    // any single text value
inline constexpr int max_horizon_years = 50;            // window.start_date to status_date
inline constexpr int min_year = 1900;
inline constexpr int max_year = 2200;
inline constexpr std::int64_t max_people = 1'000'000;  // programme intake plus city pool

}  // namespace hsim::scenario::limits
