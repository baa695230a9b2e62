#pragma once

// Kaplan-Meier survival estimates from right-censored durations.

#include <utility>
#include <vector>

namespace hsim::model {

// Survival probability at each of `horizons` from (duration, event) pairs (event false: censored);
// NaN at a horizon beyond the longest observed duration, where follow-up cannot tell.
[[nodiscard]] std::vector<double> kaplan_meier(std::vector<std::pair<double, bool>> observations,
                                               const std::vector<double>& horizons);

}  // namespace hsim::model
