#pragma once

// Goal-seeking for planners: the smallest value of one lever (flats a year, team members) at which a
// target is met with a given probability over replicates, assuming the probability does not fall as the
// lever rises. The lever is scanned on a grid, then the first crossing is bisected.

#include <cstddef>
#include <functional>
#include <optional>
#include <vector>

namespace hsim::analysis {

struct GoalPoint {
  double lever = 0.0;
  double probability = 0.0;  // share of replicates meeting the target at this lever value
};

struct GoalResult {
  std::optional<double> smallest;  // none when even the top of the range misses the target
  std::vector<GoalPoint> curve;    // every evaluated point, by lever value
};

// `probability_at(lever)` runs the model and returns the share of replicates meeting the target.
GoalResult seek_smallest_lever(const std::function<double(double)>& probability_at, double low, double high,
                               double target_probability, std::size_t grid_points, std::size_t bisections);

}  // namespace hsim::analysis
