#include "analysis/design/parameter_space.hpp"

#include <boost/math/special_functions/erf.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>

namespace hsim::analysis::design {

double normal_cdf(double x) {
  return 0.5 * boost::math::erfc(-x / std::numbers::sqrt2);
}

double normal_quantile(double p) {
  if (p <= 0.0) return -INFINITY;
  if (p >= 1.0) return INFINITY;
  return -std::numbers::sqrt2 * boost::math::erfc_inv(2.0 * p);
}

double value_at_quantile(const Parameter& parameter, double u) {
  u = std::clamp(u, 0.0, 1.0);
  if (parameter.is_list()) {
    const std::size_t n = parameter.values.size();
    const auto index = std::min(static_cast<std::size_t>(u * static_cast<double>(n)), n - 1);
    return parameter.values[index];
  }
  switch (parameter.distribution) {
    case Distribution::uniform:
      return parameter.low + u * (parameter.high - parameter.low);
    case Distribution::log_uniform: {
      const double log_low = std::log(parameter.low);
      const double log_high = std::log(parameter.high);
      return std::clamp(std::exp(log_low + u * (log_high - log_low)), parameter.low, parameter.high);
    }
    case Distribution::normal: {
      const double cdf_low = normal_cdf((parameter.low - parameter.mean) / parameter.sd);
      const double cdf_high = normal_cdf((parameter.high - parameter.mean) / parameter.sd);
      const double z = normal_quantile(cdf_low + u * (cdf_high - cdf_low));
      return std::clamp(parameter.mean + parameter.sd * z, parameter.low, parameter.high);
    }
  }
  throw std::logic_error("value_at_quantile: unknown distribution");
}

std::vector<double> map_unit_point(const std::vector<Parameter>& parameters, const std::vector<double>& unit_point) {
  if (unit_point.size() != parameters.size()) throw std::logic_error("map_unit_point: dimension mismatch");
  std::vector<double> values(parameters.size());
  for (std::size_t i = 0; i < parameters.size(); ++i) values[i] = value_at_quantile(parameters[i], unit_point[i]);
  return values;
}

std::vector<double> grid_levels(const Parameter& parameter, std::size_t default_levels) {
  if (parameter.is_list()) return parameter.values;
  const std::size_t count = parameter.levels > 0 ? parameter.levels : default_levels;
  std::vector<double> levels;
  levels.reserve(count);
  for (std::size_t j = 0; j < count; ++j) {
    const double u = count == 1 ? 0.5 : static_cast<double>(j) / static_cast<double>(count - 1);
    levels.push_back(value_at_quantile(parameter, u));
  }
  return levels;
}

}  // namespace hsim::analysis::design
