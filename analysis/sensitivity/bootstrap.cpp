#include "analysis/sensitivity/bootstrap.hpp"

#include <algorithm>
#include <cmath>

#include "analysis/design/stream_purposes.hpp"
#include "sim/engine/distributions.hpp"

namespace hsim::analysis::sensitivity {

std::vector<std::size_t> bootstrap_rows(std::uint64_t seed, std::uint64_t resample, std::size_t n) {
  engine::RandomStream stream(
      engine::StreamKey{seed, resample, 0, design::purpose_word(design::StreamPurpose::bootstrap)});
  std::vector<std::size_t> rows(n);
  for (auto& row : rows) row = static_cast<std::size_t>(engine::uniform_index(stream, n));
  return rows;
}

double quantile(std::vector<double>& values, double probability) {
  if (values.empty()) return NAN;
  std::sort(values.begin(), values.end());
  const double position = probability * static_cast<double>(values.size() - 1);
  const auto below = static_cast<std::size_t>(std::floor(position));
  const std::size_t above = std::min(below + 1, values.size() - 1);
  const double weight = position - static_cast<double>(below);
  return values[below] + weight * (values[above] - values[below]);
}

Estimate percentile_interval(double estimate, std::vector<double> replicates) {
  Estimate result{estimate, NAN, NAN};
  std::erase_if(replicates, [](double value) { return !std::isfinite(value); });
  if (replicates.empty()) return result;
  result.low = quantile(replicates, 0.025);
  result.high = quantile(replicates, 0.975);
  return result;
}

}  // namespace hsim::analysis::sensitivity
