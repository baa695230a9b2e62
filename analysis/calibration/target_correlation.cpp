#include "analysis/calibration/target_correlation.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace hsim::analysis::calibration {

namespace {

// The statistic of every replicate, NaN where it was undefined.
std::vector<double> by_replicate(const SimulatedStatistic& statistic, std::size_t replicates) {
  std::vector<double> values(replicates, std::numeric_limits<double>::quiet_NaN());
  for (std::size_t i = 0; i < statistic.values.size(); ++i) {
    const std::size_t replicate = statistic.replicate_of_value.empty() ? i : statistic.replicate_of_value[i];
    if (replicate < replicates) values[replicate] = statistic.values[i];
  }
  return values;
}

// Squared correlation over the replicates where both are defined, with the small-sample correction.
double corrected_squared_correlation(const std::vector<double>& a, const std::vector<double>& b) {
  double sum_a = 0.0, sum_b = 0.0;
  std::size_t pairs = 0;
  for (std::size_t r = 0; r < a.size(); ++r) {
    if (std::isnan(a[r]) || std::isnan(b[r])) continue;
    sum_a += a[r];
    sum_b += b[r];
    ++pairs;
  }
  if (pairs < 3) return 0.0;
  const double mean_a = sum_a / static_cast<double>(pairs);
  const double mean_b = sum_b / static_cast<double>(pairs);
  double cross = 0.0, squares_a = 0.0, squares_b = 0.0;
  for (std::size_t r = 0; r < a.size(); ++r) {
    if (std::isnan(a[r]) || std::isnan(b[r])) continue;
    cross += (a[r] - mean_a) * (b[r] - mean_b);
    squares_a += (a[r] - mean_a) * (a[r] - mean_a);
    squares_b += (b[r] - mean_b) * (b[r] - mean_b);
  }
  if (squares_a <= 0.0 || squares_b <= 0.0) return 0.0;
  const double squared = std::min(1.0, cross * cross / (squares_a * squares_b));
  return std::max(0.0, squared - (1.0 - squared) / static_cast<double>(pairs - 2));
}

}  // namespace

double correlation_norm_squared(const std::vector<const SimulatedStatistic*>& simulated) {
  std::size_t replicates = 0;
  for (const auto* statistic : simulated) {
    replicates = std::max({replicates, statistic->replicates, statistic->values.size()});
  }
  std::vector<std::vector<double>> values;
  values.reserve(simulated.size());
  for (const auto* statistic : simulated) values.push_back(by_replicate(*statistic, replicates));

  double norm = static_cast<double>(simulated.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    for (std::size_t j = i + 1; j < values.size(); ++j)
      norm += 2.0 * corrected_squared_correlation(values[i], values[j]);
  }
  return norm;
}

}  // namespace hsim::analysis::calibration
