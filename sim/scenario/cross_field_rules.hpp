#pragma once

// Rules that involve more than one key (window order, years inside the window, shares summing to 1,
// capacity relations, district references, overall size). All are checked in one pass.

#include <set>
#include <string>
#include <vector>

#include "sim/model/parameters.hpp"
#include "sim/scenario/diagnostics.hpp"
#include "sim/scenario/scenario.hpp"

namespace hsim::scenario {

// `failed` holds the keys whose own value was rejected; rules reading them are skipped so that one
// mistake is not reported twice.
void check_cross_field_rules(const model::CityParameters& parameters, const std::vector<ResolvedValue>& values,
                             const std::set<std::string>& failed, Diagnostics& diagnostics);

inline constexpr double share_sum_tolerance = 1e-9;

}  // namespace hsim::scenario
