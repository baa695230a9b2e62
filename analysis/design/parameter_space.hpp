#pragma once

// The parameters a sweep varies: each a key with either a numeric range (sampled through a
// distribution) or an explicit list of values, and the mapping from the unit cube to values.

#include <cstddef>
#include <string>
#include <vector>

namespace hsim::analysis::design {

enum class Distribution { uniform, normal, log_uniform };

struct Parameter {
  std::string key;
  // A range parameter has low < high; a list parameter has `values` and ignores the rest.
  double low = 0.0;
  double high = 1.0;
  std::vector<double> values;
  Distribution distribution = Distribution::uniform;
  double mean = 0.0;  // normal: before truncation to [low, high]
  double sd = 1.0;
  std::size_t levels = 0;  // grid levels of a range parameter; 0: the design's default

  [[nodiscard]] bool is_list() const { return !values.empty(); }
};

// Value whose quantile is `u` in [0, 1]: the inverse CDF of the parameter's distribution (the normal
// truncated to its range), or for a list the entry of stratum floor(u * n).
double value_at_quantile(const Parameter& parameter, double u);

// Maps a point of the unit cube, one coordinate per parameter, to parameter values.
std::vector<double> map_unit_point(const std::vector<Parameter>& parameters, const std::vector<double>& unit_point);

// Levels a grid uses for the parameter: the list itself, or `levels` quantiles j / (levels - 1)
// (the median when there is a single level).
std::vector<double> grid_levels(const Parameter& parameter, std::size_t default_levels);

// Standard normal CDF and its inverse.
double normal_cdf(double x);
double normal_quantile(double p);

}  // namespace hsim::analysis::design
