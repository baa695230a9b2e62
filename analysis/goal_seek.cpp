#include "analysis/goal_seek.hpp"

#include <algorithm>
#include <stdexcept>

namespace hsim::analysis {

GoalResult seek_smallest_lever(const std::function<double(double)>& probability_at, double low, double high,
                               double target_probability, std::size_t grid_points, std::size_t bisections) {
  if (!(high > low) || grid_points < 2) throw std::invalid_argument("the lever range needs low < high and two points");
  GoalResult result;
  const auto evaluate = [&](double lever) {
    const double probability = probability_at(lever);
    result.curve.push_back({lever, probability});
    return probability;
  };
  double below = low, above = high;
  bool found = false;
  for (std::size_t i = 0; i < grid_points; ++i) {
    const double lever = low + (high - low) * static_cast<double>(i) / static_cast<double>(grid_points - 1);
    if (evaluate(lever) >= target_probability) {
      if (i == 0) {
        result.smallest = lever;
        std::sort(result.curve.begin(), result.curve.end(),
                  [](const GoalPoint& a, const GoalPoint& b) { return a.lever < b.lever; });
        return result;
      }
      above = lever;
      found = true;
      break;
    }
    below = lever;
  }
  if (found) {
    for (std::size_t i = 0; i < bisections; ++i) {
      const double middle = 0.5 * (below + above);
      (evaluate(middle) >= target_probability ? above : below) = middle;
    }
    result.smallest = above;
  }
  std::sort(result.curve.begin(), result.curve.end(),
            [](const GoalPoint& a, const GoalPoint& b) { return a.lever < b.lever; });
  return result;
}

}  // namespace hsim::analysis
