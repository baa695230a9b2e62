#pragma once

// Scalar parsing that consumes the whole text or fails: "4x", "1e", "4.5" for an integer, "nan" and
// "2016-13-01" are all rejected.

#include <cstdint>
#include <optional>
#include <string_view>

#include "sim/model/calendar.hpp"

namespace hsim::scenario {

std::optional<std::int64_t> parse_integer(std::string_view text);
std::optional<double> parse_real(std::string_view text);                // finite only
std::optional<bool> parse_boolean(std::string_view text);               // true or false
std::optional<model::CivilDate> parse_iso_date(std::string_view text);  // YYYY-MM-DD, a real day

// True when `text` is a number with a fractional part or exponent (used to say "a whole number").
bool looks_fractional(std::string_view text);

}  // namespace hsim::scenario
