#pragma once

#include <utility>
#include <vector>

namespace hsim::analysis {

struct AcceptabilityPoint {
  double willingness_to_pay_nok_per_stable_day = 0.0;
  double probability_cost_effective = 0.0;
  std::size_t replicates = 0;
};

// Cost-effectiveness acceptability curve from paired replicates of (extra cost, extra stable days)
// of a policy against the baseline: at each willingness to pay w, the share of replicates whose net
// monetary benefit w * extra_days - extra_cost is positive.
std::vector<AcceptabilityPoint> acceptability_curve(const std::vector<std::pair<double, double>>& paired_increments,
                                                    const std::vector<double>& willingness_to_pay);

}  // namespace hsim::analysis
