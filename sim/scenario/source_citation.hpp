#pragma once

// Source citations on scenario values. Accepted forms:
//   "001:1136"  "001:1136-1144"  "001:1103-1111, 1336"  "003:55-63; 001:1075-1097"
// (document number, colon, lines or line ranges; documents separated by ';'), or a publication:
// free text beginning with a capital letter and containing a year, e.g. "SPACE I 2017, table 11".

#include <optional>
#include <string>
#include <string_view>

namespace hsim::scenario {

// Empty when `text` is a valid citation; otherwise what is wrong with it.
std::optional<std::string> citation_problem(std::string_view text);

inline constexpr std::string_view citation_forms =
    "a line citation like \"001:1136-1144\" or \"001:1103-1111, 1336\", or a publication beginning with a "
    "capital letter and containing a year";

}  // namespace hsim::scenario
