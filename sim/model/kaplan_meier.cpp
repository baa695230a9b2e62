#include "sim/model/kaplan_meier.hpp"

#include <algorithm>
#include <cstddef>
#include <limits>

namespace hsim::model {

std::vector<double> kaplan_meier(std::vector<std::pair<double, bool>> observations,
                                 const std::vector<double>& horizons) {
  std::vector<double> result(horizons.size(), std::numeric_limits<double>::quiet_NaN());
  if (observations.empty()) return result;
  std::sort(observations.begin(), observations.end(),
            [](const auto& a, const auto& b) { return a.first != b.first ? a.first < b.first : a.second > b.second; });
  double survival = 1.0;
  std::size_t at_risk = observations.size();
  std::size_t i = 0;
  std::vector<std::pair<double, double>> steps;  // (time, survival after)
  while (i < observations.size()) {
    const double time = observations[i].first;
    std::size_t events = 0;
    std::size_t leaving = 0;
    while (i < observations.size() && observations[i].first == time) {
      if (observations[i].second) ++events;
      ++leaving;
      ++i;
    }
    if (events > 0) {
      survival *= 1.0 - static_cast<double>(events) / static_cast<double>(at_risk);
      steps.emplace_back(time, survival);
    }
    at_risk -= leaving;
  }
  const double last_time = observations.back().first;
  for (std::size_t h = 0; h < horizons.size(); ++h) {
    if (horizons[h] > last_time) continue;  // beyond follow-up: not estimable
    double value = 1.0;
    for (const auto& [time, after] : steps) {
      if (time <= horizons[h]) value = after;
    }
    result[h] = value;
  }
  return result;
}

}  // namespace hsim::model
