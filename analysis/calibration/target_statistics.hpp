#pragma once

// The statistic of one simulated replicate that corresponds to a calibration target. Definitions
// follow sim/model/summary.cpp: entrants are cohort members with 0 <= entry_day < status day, and
// everything is counted after entry and up to the status date.

#include <string>
#include <string_view>
#include <vector>

#include "analysis/calibration/calibration_targets.hpp"
#include "sim/model/run.hpp"

namespace hsim::analysis::calibration {

struct StatisticDeclaration {
  std::string_view name;
  bool share;  // a share of people (or leases); otherwise a count or a value
  std::string_view definition;
};

[[nodiscard]] const std::vector<StatisticDeclaration>& statistic_declarations();
[[nodiscard]] std::vector<std::string> target_statistic_names();
[[nodiscard]] bool statistic_is_share(std::string_view name);

// The statistic of `target` in one replicate: a share in [0, 1], a count or a value. NaN when its
// denominator is empty in this replicate (e.g. no entrant in the filtered cohort).
[[nodiscard]] double compute_statistic(const CalibrationTarget& target, const model::ReplicateResult& result);

}  // namespace hsim::analysis::calibration
