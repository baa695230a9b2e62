#include "analysis/cost_effectiveness.hpp"

namespace hsim::analysis {

std::vector<AcceptabilityPoint> acceptability_curve(const std::vector<std::pair<double, double>>& paired_increments,
                                                    const std::vector<double>& willingness_to_pay) {
  std::vector<AcceptabilityPoint> curve;
  for (double wtp : willingness_to_pay) {
    std::size_t cost_effective = 0;
    for (const auto& [extra_cost, extra_days] : paired_increments) {
      if (wtp * extra_days - extra_cost > 0.0) ++cost_effective;
    }
    const std::size_t n = paired_increments.size();
    curve.push_back({wtp, n > 0 ? static_cast<double>(cost_effective) / static_cast<double>(n) : 0.0, n});
  }
  return curve;
}

}  // namespace hsim::analysis
