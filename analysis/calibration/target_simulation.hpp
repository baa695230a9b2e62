#pragma once

// Runs a city's scenario over replicates and collects the statistic of every target. All targets of
// a city share the replicates; each policy a target needs runs on the same people with the same
// random streams, and the same seed gives the same streams at every parameter point (common random
// numbers across calibration points).

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "analysis/calibration/calibration_targets.hpp"
#include "analysis/calibration/fit_table.hpp"

namespace hsim::analysis::calibration {

struct SimulationSettings {
  std::uint64_t seed = 1;
  std::size_t replicates = 200;
  unsigned threads = 1;
  std::vector<std::string> overrides;  // `key.path=value`, applied to every city's scenario
};

// One SimulatedStatistic per target of `city`, in order (not-modelled targets get an empty one).
// Scenario problems throw std::invalid_argument with the scenario's diagnostics.
[[nodiscard]] std::vector<SimulatedStatistic> simulate_city_targets(const CityTargets& city,
                                                                    const SimulationSettings& settings);

// The targets and simulations of several cities, concatenated in the order given.
struct SimulatedTargets {
  std::vector<CalibrationTarget> targets;
  std::vector<SimulatedStatistic> simulated;
};
[[nodiscard]] SimulatedTargets simulate_targets(const TargetSet& set, const std::vector<std::string>& cities,
                                                const SimulationSettings& settings);

}  // namespace hsim::analysis::calibration
