#pragma once

// A planner's lever: "add this much to a value of the base scenario" turned into the --set overrides
// that give the variant (a number, or every year of a by-year map), so that a what-if states the change,
// not the new totals.

#include <string>
#include <vector>

#include "sim/scenario/scenario.hpp"

namespace hsim::scenario {

// `text` is "key.path=delta" (delta may be negative). Returns the overrides, or throws
// std::invalid_argument naming the key and what was expected.
std::vector<std::string> added_value_overrides(const Scenario& base, const std::string& text);

}  // namespace hsim::scenario
